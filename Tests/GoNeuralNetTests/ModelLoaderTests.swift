import Foundation
import Testing
import TestSupport

@testable import GoNeuralNet

@Suite("Model loader")
struct ModelLoaderTests {
  @Test("loads every tiny fixture model", arguments: Fixtures.models + Fixtures.oldModels + Fixtures.loadOnly)
  func loadsFixture(_ file: String) throws {
    let m = try ModelLoader.load(path: Fixtures.path(file))
    #expect(m.name == String(file.prefix { $0 != "." }))
    #expect(m.parameterCount > 0)
  }

  @Test("reads versions, shapes and block kinds")
  func shapes() throws {
    let m = try ModelLoader.load(path: Fixtures.path("tiny-v15-transformer.bin.gz"))
    #expect(m.version == 15)
    #expect(m.numInputChannels == 22 && m.numInputGlobalChannels == 19)
    #expect(m.numPolicyChannels == 2 && m.numScoreOutputs == 6)
    #expect(m.trunkTipIsRMSNorm)
    #expect(m.postProcess.shorttermScoreErrorMultiplier == 150)
    guard case .nestedBottleneck(let nb) = m.trunk.blocks[0] else {
      Issue.record("first block is not nested")
      return
    }
    guard case .attention(let a) = nb.inner[0], case .learned(let f) = a.rope else {
      Issue.record("inner block 0 is not learned-RoPE attention")
      return
    }
    #expect(a.numHeads == 4 && a.numKVHeads == 2 && a.qHeadDim == 8 && a.vHeadDim == 6)
    #expect(f.count == 2 * 4 * 2)
    let v8 = try ModelLoader.load(path: Fixtures.path("tiny-v8-resnet.txt.gz"))
    #expect(v8.numScoreOutputs == 4 && v8.numPolicyChannels == 1)
    #expect(v8.postProcess.shorttermScoreErrorMultiplier == 30)
    let v17 = try ModelLoader.load(path: Fixtures.path("tiny-v17-mixed.bin.gz"))
    #expect(v17.numPolicyChannels == 4 && v17.preferPassAliveUnderSuicideRules)
    let meta = try ModelLoader.load(path: Fixtures.path("tiny-v17-meta.bin.gz"))
    #expect(meta.trunk.metadataEncoder?.numInputs == 192)
  }

  @Test("binary and text encodings of the same weights parse alike")
  func textMatchesBinary() throws {
    let bytes = try ModelLoader.gunzip(
      [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("tiny-v8-resnet.txt.gz")))))
    let m = try ModelLoader.parse(bytes, binary: false)
    #expect(m.trunk.initialConv.weights.count == 3 * 3 * 22 * 16)
    #expect(throws: ModelLoadError.self) { try ModelLoader.parse(bytes, binary: true) }
  }

  func bytes(_ file: String) throws -> [UInt8] {
    try ModelLoader.gunzip(
      [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file)))))
  }

  @Test("a truncated file names the layer and offset")
  func truncated() throws {
    let b = try bytes("tiny-v15-transformer.bin.gz")
    for cut in [10, 200, b.count / 2, b.count - 10] {
      let result = Result { () throws(ModelLoadError) in
        try ModelLoader.parse(Array(b[0..<cut]), binary: true)
      }
      switch result {
      case .success: Issue.record("cut at \(cut) parsed")
      case .failure(let e):
        guard case .truncated = e else {
          Issue.record("cut at \(cut): \(e)")
          continue
        }
        #expect(e.description.contains("truncated"))
      }
    }
  }

  @Test("a NaN weight is rejected with its layer")
  func nan() throws {
    var b = try bytes("tiny-v15-transformer.bin.gz")
    // Overwrite the first float of the first binary block with a NaN.
    let marker = [UInt8]("@BIN@".utf8)
    let at = (0..<b.count - 5).first { Array(b[$0..<$0 + 5]) == marker }!
    b.replaceSubrange(at + 5..<at + 9, with: [0, 0, 0xc0, 0x7f])
    #expect(throws: ModelLoadError.nonFinite(layer: "model.conv_spatial", index: 0, offset: at + 5)) {
      try ModelLoader.parse(b, binary: true)
    }
  }

  @Test("unknown versions, bad tokens and corrupt gzip are clear errors")
  func badFiles() throws {
    var b = try bytes("tiny-v15-transformer.bin.gz")
    let text = String(decoding: b[0..<40], as: UTF8.self)
    let v = text.range(of: "\n15\n")!
    let pos = text.utf8.distance(from: text.startIndex, to: v.lowerBound) + 1
    b.replaceSubrange(pos..<pos + 2, with: Array("18".utf8))
    #expect(throws: ModelLoadError.unsupportedVersion(18)) { try ModelLoader.parse(b, binary: true) }
    b.replaceSubrange(pos..<pos + 2, with: Array("x5".utf8))
    #expect(throws: ModelLoadError.self) { try ModelLoader.parse(b, binary: true) }
    let gz = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("tiny-v3.bin.gz"))))
    #expect(throws: ModelLoadError.self) { try ModelLoader.gunzip(Array(gz[0..<gz.count / 2])) }
    var flipped = gz
    flipped[gz.count / 2] ^= 0xff
    #expect(throws: ModelLoadError.self) { try ModelLoader.gunzip(flipped) }
    #expect(throws: ModelLoadError.self) { try ModelLoader.load(path: "/nonexistent/model.bin.gz") }
    #expect(throws: ModelLoadError.unsupportedFileName("model.onnx")) {
      try ModelLoader.load(path: Fixtures.path("model.onnx"))
    }
  }
}
