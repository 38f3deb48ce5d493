import GoCore
import GoFormats
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Mutation fuzzing of the SGF reader: no input may crash or hang it, and whatever it accepts
/// must survive write → read unchanged.
@Suite struct SGFFuzzTests {
  /// Files to mutate. `swift test` runs 10,000 to stay fast in debug builds; the full
  /// robustness run sets `SGF_FUZZ_COUNT=100000` (about a minute in a debug build).
  static var count: Int {
    if let s = getenv("SGF_FUZZ_COUNT"), let n = Int(String(cString: s)) { return n }
    return 10_000
  }

  /// Seed records: hand-written ones covering every feature, plus random complete games.
  static func seeds() -> [[UInt8]] {
    var texts = [
      SGFGameTests.record,
      "(;GM[1]FF[4]SZ[19:13]KM[6.5]HA[2]AB[dd][pj]RU[Japanese];W[pd](;B[dp]C[a \\] b])(;B[tt]))",
      "(;SZ[9]AB[aa:cc]AW[ee:ff]AE[bb]PL[W];W[gg];B[];W[hh]TR[aa]LB[cc:x])",
      "(;GM[1]SZ[5];B[cc](;W[bb];B[dd](;W[bc])(;W[cb]))(;W[dd]))",
      "(;RU[koSIMPLEscoreTERRITORYtaxSEKIsui0komi6.5]SZ[7]C[multi\\\nline\r\ncomment];B[dd])",
    ]
    var rng = TestRandom(seed: 7)
    for size in [5, 9, 13] {
      var state = GameState(size: size)
      for _ in 0..<(size * size) {
        let legal = state.legalMoves()
        let m = legal[rng.below(legal.count)]
        try? state.play(m)
        if state.isOver { break }
      }
      texts.append(SGFGame(state: state).text())
    }
    return texts.map { Array($0.utf8) }
  }

  /// One random edit of `bytes`: flips, SGF-significant insertions, deletions, duplication,
  /// splices from another seed, or truncation.
  static func mutate(_ bytes: inout [UInt8], _ rng: inout TestRandom, seeds: [[UInt8]]) {
    let special = Array("()[];\\:ABWCSZKMHAPLtT\n\r \u{0}é".utf8)
    let n = bytes.count
    switch rng.below(7) {
    case 0 where n > 0: bytes[rng.below(n)] = UInt8(truncatingIfNeeded: rng.next())
    case 1: bytes.insert(special[rng.below(special.count)], at: rng.below(n + 1))
    case 2 where n > 0:
      let i = rng.below(n)
      bytes.removeSubrange(i..<min(n, i + 1 + rng.below(8)))
    case 3 where n > 0:
      let i = rng.below(n)
      let chunk = bytes[i..<min(n, i + 1 + rng.below(32))]
      bytes.insert(contentsOf: chunk, at: rng.below(n + 1))
    case 4:
      let other = seeds[rng.below(seeds.count)]
      let i = rng.below(other.count)
      let chunk = other[i..<min(other.count, i + 1 + rng.below(64))]
      bytes.insert(contentsOf: chunk, at: rng.below(n + 1))
    case 5 where n > 0: bytes.removeSubrange(rng.below(n)...)
    default: if n > 0 { bytes[rng.below(n)] = special[rng.below(special.count)] }
    }
  }

  @Test func mutatedFilesNeverCrashAndAcceptedOnesRoundTrip() throws {
    let seeds = Self.seeds()
    var rng = TestRandom(seed: 0x5EED_0F_5EF)
    let parser = SGFParser()
    let writer = SGFWriter()
    var accepted = 0
    var replayed = 0
    var errors = 0
    for _ in 0..<Self.count {
      var bytes = seeds[rng.below(seeds.count)]
      for _ in 0..<(1 + rng.below(4)) { Self.mutate(&bytes, &rng, seeds: seeds) }
      let trees: [SGFTree]
      do {
        trees = try parser.parse(bytes: bytes)
      } catch {
        errors += 1
        #expect(error.line >= 1 && error.column >= 1, "\(error)")
        continue
      }
      accepted += 1
      let again = try parser.parse(writer.write(trees))
      #expect(again == trees)
      if let game = try? SGFGame(tree: trees[0]), let state = try? game.replay() {
        replayed += 1
        #expect(state.board.invariantViolation() == nil)
      }
    }
    #expect(accepted + errors == Self.count)
    // The mutations must exercise both paths, not only one.
    #expect(accepted > Self.count / 20 && errors > Self.count / 20)
    print("SGF fuzz: \(Self.count) files, \(accepted) parsed, \(replayed) replayed, \(errors) errors")
  }
}
