import Foundation
import GoCore
import GoFeatures
import GoFormats

/// Positions and real KataGo `kata-raw-nn` outputs (as recorded by scripts/nn_record_katago.py),
/// and the comparison of Tengen's evaluations with them.
public struct KataGoReference: @unchecked Sendable {
  /// One recorded position.
  public struct Position {
    /// Position id.
    public var id: String
    /// The game, replayed as KataGo's GTP would.
    public var game: NNGame
    /// The symmetry KataGo evaluated.
    public var symmetry: Int
    /// KataGo's parsed output.
    public var expected: [String: JSONValue]
  }

  /// Why a reference file could not be read.
  public struct FormatError: Error, CustomStringConvertible {
    /// Explanation.
    public var description: String
  }

  /// The comparable positions.
  public var positions: [Position] = []
  /// Ids skipped because they need features this build does not compute (with the reason).
  public var skipped: [(String, String)] = []

  /// Loads a positions file and KataGo's outputs for them.
  public init(positionsPath: String, outputsPath: String) throws {
    guard let pos = try Self.read(positionsPath).array, let out = try Self.read(outputsPath).object
    else { throw FormatError(description: "unexpected JSON layout in \(positionsPath) or \(outputsPath)") }
    for p in pos.compactMap(\.object) {
      guard let id = p["id"]?.string, let expected = out[id]?.object, let size = p["size"]?.integer,
        let rulesName = p["rules"]?.string, let komi = p["komi"]?.double,
        let symmetry = p["symmetry"]?.integer
      else { continue }
      guard let rules = Rules(preset: rulesName) else {
        skipped.append((id, "unknown rules \(rulesName)"))
        continue
      }
      let pairs = { (key: String) -> [(String, String)] in
        (p[key]?.array ?? []).compactMap { pair in
          guard let a = pair.array, a.count == 2, let who = a[0].string, let vertex = a[1].string
          else { return nil }
          return (who, vertex)
        }
      }
      let handicap = (p["handicap"]?.integer ?? 0) > 0
      var game = try NNGame(
        xSize: size, ySize: size, rules: rules, komi: Float(komi),
        setup: pairs("setup"), moves: pairs("moves"), handicap: handicap)
      if let player = p["player"]?.string { game.nextPlayer = player == "B" ? 1 : 2 }
      positions.append(Position(id: id, game: game, symmetry: symmetry, expected: expected))
    }
  }

  /// The JSON value of the file at `path`.
  static func read(_ path: String) throws -> JSONValue {
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    do {
      return try JSONParser.parse(text)
    } catch {
      throw FormatError(description: "\(path): \(error.message)")
    }
  }

  /// Worst absolute differences between `e` and KataGo's printed numbers, per output kind.
  public static func differences(_ e: NNEvaluation, _ k: [String: JSONValue]) -> [String: Double] {
    func num(_ key: String) -> Double { k[key]?.double ?? .nan }
    var d: [String: Double] = [:]
    d["whiteWin"] = abs(Double(e.whiteWin) - num("whiteWin"))
    d["whiteLoss"] = abs(Double(e.whiteLoss) - num("whiteLoss"))
    d["noResult"] = abs(Double(e.noResult) - num("noResult"))
    d["whiteLead"] = abs(Double(e.whiteLead) - num("whiteLead"))
    d["whiteScoreSelfplay"] = abs(Double(e.whiteScoreMean) - num("whiteScoreSelfplay"))
    // The squared score (≈ 300) carries float32 rounding through the network of about 1e-5
    // relative; its difference is counted beyond that.
    d["whiteScoreSelfplaySq"] = max(0, abs(Double(e.whiteScoreMeanSq) - num("whiteScoreSelfplaySq")) - 1e-5 * abs(num("whiteScoreSelfplaySq")))
    d["varTimeLeft"] = abs(Double(e.varTimeLeft) - num("varTimeLeft"))
    d["shorttermWinlossError"] = abs(Double(e.shorttermWinlossError) - num("shorttermWinlossError"))
    d["shorttermScoreError"] = abs(Double(e.shorttermScoreError) - num("shorttermScoreError"))
    d["policyPass"] = abs(Double(e.passProbability) - num("policyPass"))
    let pol = k["policy"]?.array ?? []
    var worstPolicy = 0.0
    for (i, v) in pol.enumerated() {
      if let n = v.double {
        worstPolicy = max(worstPolicy, e.policy[i] < 0 ? 1 : abs(Double(e.policy[i]) - n))
      } else if e.policy[i] >= 0 {
        worstPolicy = 1  // KataGo says illegal, Tengen says legal
      }
    }
    d["policy"] = worstPolicy
    // A list with anything but numbers in it is not compared (KataGo prints only numbers).
    let own = (k["whiteOwnership"]?.array ?? []).map(\.double)
    let ownership = own.contains(nil) ? [] : own.map { $0! }
    d["whiteOwnership"] = zip(e.whiteOwnership, ownership).reduce(0) { max($0, abs(Double($1.0) - $1.1)) }
    return d
  }

  /// The allowed difference: 1e-4 for values KataGo prints with 6-7 decimals, print rounding
  /// (5e-4) plus 1e-4 for the values it prints with 3 decimals.
  public static func tolerance(_ key: String) -> Double {
    switch key {
    case "whiteLead", "whiteScoreSelfplay", "whiteScoreSelfplaySq", "varTimeLeft",
      "shorttermWinlossError", "shorttermScoreError":
      return 6e-4
    default: return 1e-4
    }
  }
}
