import Foundation
public import GoCore
public import GoFormats
import GoNeuralNet

/// Labelled records: a distillation game (`rawPolicy`) written so that its rows can be made
/// again later without the teacher, in a few percent of the rows' size (`docs/SELFPLAY.md`,
/// "Labelled records").
///
/// Each teacher-labelled move's node holds `TL[wwin wloss noresult wlead wscore move:p ...]`:
/// the teacher's values from White's view and its policy over the position, the most likely
/// moves first until 99% of the mass (at most `labelMoves`, none under 0.001; three decimals),
/// vertices as GTP writes them. The root holds `TO[...]`, the final ownership row by row from the top
/// (`B`, `W`, `.`), which the rows' ownership target needs.
extension FinishedSelfPlayGame {
  /// Most policy entries a label keeps.
  public static let labelMoves = 24

  /// The `TL` text of a teacher turn.
  static func label(_ t: SelfPlayTurn, _ e: NNEvaluation, height: Int) -> String {
    let sorted = t.policyTarget.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }
    var kept: [String] = []
    var mass = 0.0
    for (m, w) in sorted where kept.count < labelMoves && (kept.isEmpty || (mass < 0.99 && w >= 0.001)) {
      kept.append("\(GTPVertex.text(m, height: height)):" + String(format: "%.3f", w))
      mass += w
    }
    let values = [e.whiteWin, e.whiteLoss, e.noResult, e.whiteLead, e.whiteScoreMean]
      .map { String(format: "%.4f", $0) }
    return (values + kept).joined(separator: " ")
  }

  /// The `TO` text: the final ownership row by row from the top.
  static func ownershipText(_ own: [Stone], board: Board) -> String {
    var text = ""
    for y in 0..<board.height {
      for x in 0..<board.width {
        let o = own[Point(x: x, y: y).i]
        text.append(o == .black ? "B" : (o == .white ? "W" : "."))
      }
    }
    return text
  }

  /// Why a labelled record cannot be read.
  public struct LabelError: Error, CustomStringConvertible {
    public var description: String
  }

  /// A game from a labelled record: its moves, result, final ownership, and for every move
  /// after the opening a turn with the teacher's label, ready for `rows`.
  /// - Throws: `SGFError` for a broken record; `LabelError` for a record with no labels, a
  ///   labelled move followed by an unlabelled one, or a malformed label or ownership.
  public init(labelled game: SGFGame, index: Int) throws {
    let state = try game.replay(rules: game.rules(fallback: .chinese))
    let (w, h) = (state.width, state.height)
    let moveNodes = game.tree.mainLine.filter { $0["B"] != nil || $0["W"] != nil }
    guard moveNodes.count == state.moves.count else {
      throw LabelError(description: "a node holds more or less than one move")
    }
    guard let first = moveNodes.firstIndex(where: { $0["TL"] != nil }) else {
      throw LabelError(description: "no TL labels: not a labelled record")
    }
    var turns: [SelfPlayTurn] = []
    for (k, node) in moveNodes.enumerated().dropFirst(first) {
      guard let label = node["TL"] else {
        throw LabelError(description: "move \(k + 1) has no TL label after labelled moves")
      }
      let fields = label.split(separator: " ")
      let values = fields.prefix(5).compactMap { Float(String($0)) }
      guard values.count == 5, fields.count > 5, values.allSatisfy(\.isFinite) else {
        throw LabelError(description: "move \(k + 1): malformed TL values '\(label.prefix(60))'")
      }
      var target: [(move: Move, weight: Double)] = []
      for field in fields.dropFirst(5) {
        let parts = field.split(separator: ":")
        guard parts.count == 2, let m = GTPVertex.move(String(parts[0]), width: w, height: h),
          let p = Double(String(parts[1])), p.isFinite, p >= 0
        else {
          throw LabelError(description: "move \(k + 1): malformed TL entry '\(field)'")
        }
        target.append((m, p))
      }
      let (player, move) = state.moves[k]
      let e = NNEvaluation(
        xSize: w, ySize: h, nextPlayer: player == .black ? 1 : 2, policy: [], passProbability: 0,
        whiteWin: values[0], whiteLoss: values[1], noResult: values[2], whiteLead: values[3],
        whiteScoreMean: values[4], whiteScoreMeanSq: values[4] * values[4], whiteOwnership: [])
      turns.append(
        SelfPlayTurn(
          player: player, move: move, full: true, rowWeight: 1, policyTarget: target,
          whiteWinLoss: Double(e.whiteWin - e.whiteLoss), whiteNoResult: Double(e.noResult),
          whiteScore: Double(e.whiteScoreMean), visits: 1, newVisits: 1, evaluations: 1, teacher: e))
    }
    var ownership: [Stone]?
    if let text = game.tree.nodes.first?["TO"] {
      let cells = Array(text)
      guard cells.count == w * h else {
        throw LabelError(description: "TO has \(cells.count) points for a \(w)x\(h) board")
      }
      var own = [Stone](repeating: .empty, count: Point.capacity)
      for (k, c) in cells.enumerated() {
        let p = Point(x: k % w, y: k / w)
        switch c {
        case "B": own[p.i] = .black
        case "W": own[p.i] = .white
        case ".": break
        default: throw LabelError(description: "TO holds '\(c)'")
        }
      }
      ownership = own
    }
    let result = game.info.result?.uppercased() ?? ""
    var whiteScore: Double?
    var resigned: Player?
    if result == "0" || result == "DRAW" {
      whiteScore = 0
    } else if result.hasSuffix("+R") || result.hasSuffix("+RESIGN") {
      resigned = result.hasPrefix("B") ? .white : .black
    } else if let margin = Double(result.dropFirst(2)), result.hasPrefix("B+") || result.hasPrefix("W+") {
      whiteScore = result.hasPrefix("W") ? margin : -margin
    } else {
      throw LabelError(description: "RE '\(result)' is not a result the rows can use")
    }
    let winner: Player? = resigned.map(\.opponent) ?? whiteScore.flatMap { $0 > 0 ? .white : ($0 < 0 ? .black : nil) }
    self.init(
      index: index, state: state, rulesName: game.info.rules ?? "chinese", openingMoves: first,
      turns: turns, whiteScore: whiteScore, winner: winner, resigned: resigned,
      wouldHaveResigned: nil, resignationEnabled: false, finalOwnership: resigned == nil ? ownership : nil,
      seconds: 0)
  }
}
