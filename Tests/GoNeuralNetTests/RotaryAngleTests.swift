import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@testable import GoNeuralNet

@Suite("Rotary angles")
struct RotaryAngleTests {
  /// The first attention block of the learned-RoPE transformer fixture.
  func attention() throws -> AttentionBlock {
    let blocks = try tinyModel("tiny-v15-transformer.bin.gz").trunk.attentionBlocks
    return try #require(blocks.first)
  }

  @Test("the trunk's attention blocks come in traversal order, nested ones in place")
  func attentionBlocksInOrder() throws {
    let m = try tinyModel("tiny-v15-transformer.bin.gz")
    guard case .nestedBottleneck(let nb) = m.trunk.blocks[0], case .attention(let inner) = nb.inner[0] else {
      Issue.record("first block is not a nested bottleneck starting with attention")
      return
    }
    #expect(m.trunk.attentionBlocks.first?.name == inner.name)
    #expect(try tinyModel("tiny-v8-resnet.txt.gz").trunk.attentionBlocks.isEmpty)
  }

  @Test("learned angles: x·f0 + y·f1 in the table's own type, [kvHead][pos][pair]")
  func learned() throws {
    let a = try attention()
    guard case .learned(let f) = a.rope else {
      Issue.record("not learned RoPE")
      return
    }
    let (w, h, pairs) = (7, 5, a.qHeadDim / 2)
    let single = try #require(a.ropeAngles(w: w, h: h, as: Float.self))
    let double = try #require(a.ropeAngles(w: w, h: h, as: Double.self))
    #expect(single.count == a.numKVHeads * w * h * pairs && double.count == single.count)
    for g in 0..<a.numKVHeads {
      for pos in 0..<w * h {
        for p in 0..<pairs {
          let (x, y, i) = (pos % w, pos / w, (g * pairs + p) * 2)
          let at = (g * w * h + pos) * pairs + p
          #expect(single[at] == Float(x) * f[i] + Float(y) * f[i + 1])
          #expect(double[at] == Double(x) * Double(f[i]) + Double(y) * Double(f[i + 1]))
        }
      }
    }
  }

  @Test("fixed angles: rows turn the first half of the pairs, columns the second")
  func fixed() throws {
    var a = try attention()
    a.rope = .fixed(theta: 100)
    let (w, pairs) = (9, a.qHeadDim / 2)
    let single = try #require(a.ropeAngles(w: w, h: w, as: Float.self))
    let double = try #require(a.ropeAngles(w: w, h: w, as: Double.self))
    let pos = 3 * w + 5
    for p in 0..<pairs {
      let half = pairs / 2
      let (coord, i) = p < half ? (3, p) : (5, p - half)
      #expect(single[pos * pairs + p] == Float(coord) * powf(100, -2 * Float(i) / Float(pairs)))
      #expect(double[pos * pairs + p] == Double(coord) * pow(100, -2 * Double(i) / Double(pairs)))
    }
    a.rope = .none
    #expect(a.ropeAngles(w: w, h: w, as: Float.self) == nil)
    #expect(a.ropeAngle(kvHead: 0, pair: 0, x: 1.0, y: 1.0) == 0)
  }
}
