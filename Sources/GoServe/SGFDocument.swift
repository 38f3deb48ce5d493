import GoCore
import GoFormats

/// An uploaded or pasted SGF record as the analysis page steps through it: every node of the
/// first game tree, variations included, with the position after it (GoFormats'
/// `SGFGame.nodePositions`), and what an analysis query of any node needs (size, rules, komi,
/// the root's stones).
enum SGFDocument {
  /// The page's `game` object for SGF `text`, or the parser's error (with line and column).
  static func json(_ text: String) throws(SGFError) -> JSONValue {
    let trees = try SGFParser().parse(text)
    guard let tree = trees.first else { throw SGFError("no game tree in the file") }
    let game = try SGFGame(tree: tree)
    guard game.info.width == game.info.height, (2...19).contains(game.info.width) else {
      throw SGFError("only square boards from 2x2 to 19x19 can be analysed here")
    }
    let rules = game.rules(fallback: .chinese)
    let nodes = try game.nodePositions(rules: rules)
    let h = game.info.height
    let root = nodes[0].board
    var initial: [JSONValue] = []
    for p in root.points where root[p] != .empty {
      initial.append(
        .array([.string(root[p] == .black ? "B" : "W"), .string(GTPVertex.text(p, height: h))]))
    }
    var info: [String: JSONValue] = [:]
    for (key, value) in [
      ("black", game.info.blackName), ("white", game.info.whiteName),
      ("result", game.info.result), ("date", game.info.date),
    ] {
      if let value { info[key] = .string(value) }
    }
    return .object([
      "type": .string("game"),
      "size": .int(game.info.width),
      "komi": .float(rules.komi),
      "rules": .string(RulesText.presetName(rules) ?? RulesText.compact(rules)),
      "initialStones": .array(initial),
      "initialPlayer": .string(nodes[0].toMove == .black ? "B" : "W"),
      "info": .object(info),
      "nodes": .array(nodes.map { node(of: $0, height: h) }),
    ])
  }

  /// One node: parent index, move (`["B","D4"]`), board rows, player to move, comment.
  private static func node(of n: SGFGame.NodePosition, height: Int) -> JSONValue {
    var fields: [String: JSONValue] = [
      "parent": n.parent.map { .int($0) } ?? .null,
      "board": BoardJSON.rows(n.board),
      "toMove": .string(n.toMove == .black ? "B" : "W"),
      "depth": .int(n.depth),
    ]
    if let (player, move) = n.move {
      fields["move"] = .array([
        .string(player == .black ? "B" : "W"), BoardJSON.move(move, height: height),
      ])
    }
    if let c = n.comment { fields["comment"] = .string(c) }
    return .object(fields)
  }
}
