import Foundation
import GoCore
import GoProtocol
import Testing
import TestSupport

/// Random and mutated command lines against the controller: no crash, no hang, exactly one
/// well-formed response per command line, and failures that change nothing.
@Suite struct GTPFuzzTests {
  /// Lines to send. `swift test` runs 20,000 to stay fast in debug builds; the full robustness
  /// run sets `GTP_FUZZ_COUNT=100000`.
  static var count: Int {
    if let s = ProcessInfo.processInfo.environment["GTP_FUZZ_COUNT"], let n = Int(s) { return n }
    return 20_000
  }

  static let game9 = fixturesDirectory.appendingPathComponent("sgf/game9.sgf").path

  /// A plausible argument for position `k` of a command, sometimes wrong on purpose.
  static func argument(_ rng: inout TestRandom) -> String {
    let letters = Array("ABCDEFGHJKLMNOPQRSTUVWXYZIabcdefghj")
    switch rng.below(12) {
    case 0, 1: return ["b", "w", "black", "WHITE", "B", "x", "white"][rng.below(7)]
    case 2, 3, 4:
      return String(letters[rng.below(letters.count)]) + String(rng.below(27))
    case 5: return ["pass", "PASS", "resign", "tt", "A0", "(3,4)"][rng.below(6)]
    case 6: return String(rng.below(30) - 5)
    case 7: return ["6.5", "-3", "0.5", "1e3", "nan", "inf", "7.25", "400", "-401"][rng.below(9)]
    case 8:
      return ["alive", "dead", "seki", "none", "absolute", "canadian", "byoyomi", "fischer"][
        rng.below(8)]
    case 9:
      return ["chinese", "japanese", "tromp-taylor", "aga", "new_zealand", "koSIMPLEscoreAREA",
              #"{"ko":"SIMPLE"}"#, #"{"bad":1}"#, "ko", "hasButton", "true", "N-1"][rng.below(12)]
    case 10: return [game9, "missing.sgf", "3", "100"][rng.below(4)]
    default: return String(rng.next() % 100_000)
    }
  }

  /// A command whose arguments have the right types (most of them succeed).
  static func wellTyped(_ rng: inout TestRandom) -> String {
    let color = rng.below(2) == 0 ? "b" : "w"
    let letters = Array("ABCDEFGHJ")
    let vertex = rng.below(15) == 0
      ? "pass" : String(letters[rng.below(9)]) + String(1 + rng.below(9))
    switch rng.below(20) {
    case 0...7: return "play \(color) \(vertex)"
    case 8, 9: return "genmove \(color)"
    case 10: return ["undo", "showboard", "final_score", "printsgf", "clear_board"][rng.below(5)]
    case 11: return "boardsize \([5, 7, 9, 9, 13][rng.below(5)])"
    case 12: return "fixed_handicap \(2 + rng.below(8))"
    case 13: return "komi \(Double(rng.below(30)) / 2 - 3)"
    case 14: return "time_left \(color) \(rng.below(600)) \(rng.below(3))"
    case 15:
      return ["time_settings 300 30 5", "kgs-time_settings byoyomi 60 10 3",
              "kata-time_settings fischer 30 2", "kgs-time_settings none"][rng.below(4)]
    case 16:
      let status = ["alive", "dead", "seki", "black_territory", "white_territory", "dame"]
      return ["final_status_list \(status[rng.below(6)])", "final_status \(vertex)",
              "list_stones \(color)", "all_legal \(color)", "move_history", "estimate_score",
              "captures \(color)", "get_handicap"][rng.below(8)]
    case 17: return "kata-set-rules \(["chinese", "japanese", "aga", "tromp-taylor"][rng.below(4)])"
    case 18: return "set_free_handicap \(vertex) \(String(letters[rng.below(9)]))\(1 + rng.below(9))"
    default: return ["reg_genmove \(color)", "kgs-genmove_cleanup \(color)", "loadsgf \(game9) \(1 + rng.below(40))"][rng.below(3)]
    }
  }

  /// One line: a command with random arguments, a mutation of one, or noise.
  static func line(_ rng: inout TestRandom, names: [String]) -> String {
    let extra = ["frobnicate", "lz-analyze", "kata-analyze", "", "#", "genmove_analyze"]
    var words: [String] = []
    if rng.below(4) == 0 { words.append(String(rng.below(1000))) }
    let all = names + extra
    let name = all[rng.below(all.count)]
    words.append(name)
    // Keep boards small most of the time so genmove stays cheap.
    if name == "boardsize" || name == "rectangular_boardsize" {
      words.append(String(rng.below(12)))
      if name == "rectangular_boardsize" || rng.below(3) == 0 { words.append(String(rng.below(12))) }
    } else {
      for _ in 0..<rng.below(5) { words.append(argument(&rng)) }
    }
    let text = rng.below(2) == 0
      ? words.joined(separator: rng.below(5) == 0 ? "\t" : " ")
      : (words.count > 1 && Int(words[0]) != nil ? words[0] + " " : "") + wellTyped(&rng)
    var bytes = Array(text.utf8)
    switch rng.below(14) {
    case 0:
      // Pure noise.
      bytes = (0..<rng.below(40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    case 1, 2:
      let noise: [UInt8] = [0, 1, 8, 9, 13, 27, 35, 127, 32, 61, 63, 0xC3, 0xA9, 0xFF, 10]
      for _ in 0..<(1 + rng.below(3)) {
        bytes.insert(noise[rng.below(noise.count)], at: rng.below(bytes.count + 1))
      }
    case 3 where !bytes.isEmpty:
      let i = rng.below(bytes.count)
      bytes.removeSubrange(i..<min(bytes.count, i + 1 + rng.below(6)))
    case 4 where !bytes.isEmpty:
      bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
    default: break
    }
    // One command per line: a line feed inside would make two.
    return String(decoding: bytes.filter { $0 != 10 }, as: UTF8.self)
  }

  /// True if `response` is one well-formed GTP response for a request with `id`.
  static func wellFormed(_ response: String, id: Int?) -> Bool {
    guard let first = response.first, first == "=" || first == "?" else { return false }
    guard response.hasSuffix("\n\n") else { return false }
    let body = response.dropLast(2)
    guard !body.contains("\n\n") else { return false }
    guard !body.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\n" }) else {
      return false
    }
    let header = body.dropFirst().prefix { $0 != " " && $0 != "\n" }
    guard header == (id.map(String.init) ?? "") else { return false }
    return body.dropFirst(1 + header.count).first == " "
  }

  @Test func randomAndMutatedLinesGetOneWellFormedReplyEach() throws {
    let names = GTPCommand.names
    var rng = TestRandom(seed: 0x6770_F022)
    var (controller, _, _) = makeController(size: 9)
    var responses = 0
    var ignored = 0
    var failures = 0
    var quits = 0
    for k in 0..<Self.count {
      var line = Self.line(&rng, names: names)
      let request = GTPRequest(line: line)
      // The fuzzer must not write files or read devices.
      if let r = request, r.name == "printsgf" && !r.arguments.isEmpty { line = "printsgf" }
      if let r = request, r.name == "loadsgf", let path = r.arguments.first,
        path.hasPrefix("/") && path != Self.game9
      {
        line = "loadsgf missing.sgf"
      }
      let before = ControllerSnapshot(controller)
      let response = controller.respond(to: line)
      guard let request = GTPRequest(line: line) else {
        #expect(response == nil, "\(line.debugDescription)")
        ignored += 1
        continue
      }
      guard let response else {
        Issue.record("no response to \(line.debugDescription)")
        continue
      }
      responses += 1
      #expect(Self.wellFormed(response, id: request.id), "\(line.debugDescription) -> \(response.debugDescription)")
      if response.hasPrefix("?") {
        failures += 1
        #expect(ControllerSnapshot(controller) == before, "\(line.debugDescription) changed state")
      }
      if k % 500 == 0 {
        #expect(controller.game.board.invariantViolation() == nil)
      }
      if controller.isQuitting || controller.game.moves.count > 200 {
        quits += controller.isQuitting ? 1 : 0
        (controller, _, _) = makeController(size: 9)
      }
    }
    #expect(responses + ignored == Self.count)
    #expect(failures > 0 && failures < responses)
    print("GTP fuzz: \(Self.count) lines, \(responses) responses (\(failures) errors), "
      + "\(ignored) ignored, \(quits) quits")
  }
}
