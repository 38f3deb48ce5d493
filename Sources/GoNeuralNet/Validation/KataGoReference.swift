import Foundation
import GoCore
import GoFeatures

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
    public var expected: [String: Any]
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
    guard
      let pos = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: positionsPath))) as? [[String: Any]],
      let out = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: outputsPath))) as? [String: [String: Any]]
    else { throw FormatError(description: "unexpected JSON layout in \(positionsPath) or \(outputsPath)") }
    for p in pos {
      guard let id = p["id"] as? String, let expected = out[id], let size = p["size"] as? Int,
        let rulesName = p["rules"] as? String, let komi = p["komi"] as? NSNumber,
        let symmetry = p["symmetry"] as? Int
      else { continue }
      guard let rules = Rules(preset: rulesName) else {
        skipped.append((id, "unknown rules \(rulesName)"))
        continue
      }
      let pairs = { (key: String) -> [(String, String)] in
        ((p[key] as? [[String]]) ?? []).map { ($0[0], $0[1]) }
      }
      let handicap = ((p["handicap"] as? Int) ?? 0) > 0
      var game = try NNGame(
        xSize: size, ySize: size, rules: rules, komi: komi.floatValue,
        setup: pairs("setup"), moves: pairs("moves"), handicap: handicap)
      if let player = p["player"] as? String { game.nextPlayer = player == "B" ? 1 : 2 }
      positions.append(Position(id: id, game: game, symmetry: symmetry, expected: expected))
    }
  }

  /// Worst absolute differences between `e` and KataGo's printed numbers, per output kind.
  public static func differences(_ e: NNEvaluation, _ k: [String: Any]) -> [String: Double] {
    func num(_ key: String) -> Double { (k[key] as? NSNumber)?.doubleValue ?? .nan }
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
    let pol = k["policy"] as? [Any] ?? []
    var worstPolicy = 0.0
    for (i, v) in pol.enumerated() {
      if let n = v as? NSNumber {
        worstPolicy = max(worstPolicy, e.policy[i] < 0 ? 1 : abs(Double(e.policy[i]) - n.doubleValue))
      } else if e.policy[i] >= 0 {
        worstPolicy = 1  // KataGo says illegal, Tengen says legal
      }
    }
    d["policy"] = worstPolicy
    let own = k["whiteOwnership"] as? [NSNumber] ?? []
    d["whiteOwnership"] = zip(e.whiteOwnership, own).reduce(0) { max($0, abs(Double($1.0) - $1.1.doubleValue)) }
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
