public import GoCore

/// An SGF game record: the tree plus its game information, and the bridge to `GameState`.
public struct SGFGame: Sendable {
  /// The full tree, every variation included.
  public var tree: SGFTree
  /// The root's game information.
  public var info: SGFGameInfo

  /// A record from a parsed tree.
  /// - Throws: `SGFError` if the root's game information is malformed.
  public init(tree: SGFTree) throws(SGFError) {
    guard let root = tree.root else { throw SGFError("empty game tree") }
    self.tree = tree
    self.info = try SGFGameInfo(root: root)
  }

  /// The first game of an SGF text.
  /// - Throws: `SGFError` naming the line and column of the first problem.
  public init(text: String, parser: SGFParser = SGFParser()) throws(SGFError) {
    let trees = try parser.parse(text)
    try self.init(tree: trees[0])
  }

  /// The rules the record asks for: `RU` when Tengen knows it, else `fallback`; komi from `KM`.
  public func rules(fallback: Rules = .trompTaylor) -> Rules {
    var rules = fallback
    if let ru = info.rules, let parsed = try? RulesText.parse(ru) { rules = parsed }
    if let k = info.komi { rules.komi = k }
    return rules
  }

  /// Most moves `replay` accepts: every move keeps an undo snapshot of the board, so a hostile
  /// file of a million passes must not exhaust memory.
  public static let maxMoves = 10_000

  /// Replays the main line into a game.
  ///
  /// Setup properties (`AB`, `AW`, `AE`, `PL`) become setup positions; `B` and `W` are played
  /// with the rules' legality checks.
  /// - Parameters:
  ///   - moveNumber: stop before this move (1 is the first `B`/`W` move); nil plays every move.
  ///   - rules: the rules to play under (default: `rules()` of the record).
  /// - Throws: `SGFError` at the property that holds a malformed point or an illegal move.
  public func replay(stoppingBefore moveNumber: Int? = nil, rules: Rules? = nil)
    throws(SGFError) -> GameState
  {
    var state = GameState(width: info.width, height: info.height, rules: rules ?? self.rules())
    var played = 0
    for node in tree.mainLine {
      guard try apply(node, to: &state, played: &played, stoppingBefore: moveNumber) else {
        return state
      }
    }
    return state
  }

  /// Applies one node to `state`: its setup (`AB`, `AW`, `AE`, `PL`), then its `B` and `W`
  /// moves with the rules' legality checks; `played` counts the moves played so far.
  ///
  /// - Returns: false, leaving the node's moves unplayed, when a move would be number
  ///   `moveNumber` (1-based) or later.
  /// - Throws: `SGFError` at a malformed point or player, or an illegal move.
  func apply(
    _ node: SGFNode, to state: inout GameState, played: inout Int, stoppingBefore moveNumber: Int?
  ) throws(SGFError) -> Bool {
    let (w, h) = (info.width, info.height)
    let blacks = try points(node, "AB")
    let whites = try points(node, "AW")
    let empties = try points(node, "AE")
    var toMove: Player?
    if let pl = node.property("PL") {
      switch pl.value.trimmingSpaces.uppercased() {
      case "B", "1", "BLACK": toMove = .black
      case "W", "2", "WHITE": toMove = .white
      default: throw SGFError("malformed player PL[\(pl.value)]", at: pl.position)
      }
    }
    if !blacks.isEmpty || !whites.isEmpty || !empties.isEmpty {
      let isHandicap = state.moves.isEmpty && whites.isEmpty && empties.isEmpty
        && blacks.count >= 2 && (info.handicap ?? 0) >= 2
      state.setup(
        black: blacks, white: whites, empty: empties,
        toMove: toMove ?? (isHandicap ? .white : nil))
    } else if let toMove {
      state.setToMove(toMove)
    }
    for (ident, player) in [("B", Player.black), ("W", Player.white)] {
      guard let prop = node.property(ident) else { continue }
      if let moveNumber, played + 1 >= moveNumber { return false }
      guard played < SGFGame.maxMoves else {
        throw SGFError("more than \(SGFGame.maxMoves) moves", at: prop.position)
      }
      guard prop.values.count == 1 else {
        throw SGFError("move \(ident) has \(prop.values.count) values", at: prop.position)
      }
      guard let move = SGFCoordinates.move(prop.value, width: w, height: h) else {
        throw SGFError("invalid move \(prop) on a \(w)x\(h) board", at: prop.position)
      }
      do {
        try state.play(move, by: player)
      } catch {
        throw SGFError("illegal move \(prop) (\(error))", at: prop.position)
      }
      played += 1
    }
    return true
  }

  /// The points listed by property `ident` of `node` (compressed lists expanded).
  private func points(_ node: SGFNode, _ ident: String) throws(SGFError) -> [Point] {
    guard let prop = node.property(ident) else { return [] }
    var result: [Point] = []
    for v in prop.values {
      guard let ps = SGFCoordinates.points(v, width: info.width, height: info.height) else {
        throw SGFError("invalid point [\(v)] in \(ident)", at: prop.position)
      }
      result += ps
    }
    return result
  }
}

extension SGFGame {
  /// A record of `state`: its start position as setup stones, then every move as a node.
  ///
  /// `info` supplies names, result and the like; size, komi, handicap and rules are taken
  /// from the game.
  public init(state: GameState, info: SGFGameInfo = SGFGameInfo()) {
    var info = info
    info.width = state.width
    info.height = state.height
    info.komi = state.rules.komi
    info.handicap = state.handicap >= 2 ? state.handicap : nil
    info.rules = RulesText.presetName(state.rules) ?? RulesText.compact(state.rules)
    var root = SGFNode()
    root["GM"] = "1"
    root["FF"] = "4"
    root["CA"] = "UTF-8"
    root["AP"] = TengenVersion.sgfApplication
    info.write(to: &root)
    let start = state.initialBoard
    var blacks: [Point] = []
    var whites: [Point] = []
    for p in start.points {
      if start[p] == .black { blacks.append(p) } else if start[p] == .white { whites.append(p) }
    }
    root.add("AB", SGFCoordinates.compressed(blacks))
    root.add("AW", SGFCoordinates.compressed(whites))
    let natural: Player = (state.handicap >= 2 && whites.isEmpty) ? .white : .black
    if state.initialToMove != natural || (!blacks.isEmpty && natural == .black) {
      root["PL"] = state.initialToMove == .black ? "B" : "W"
    }
    var nodes = [root]
    for (player, move) in state.moves {
      nodes.append(SGFNode([SGFProperty(player == .black ? "B" : "W", [SGFCoordinates.text(move)])]))
    }
    self.tree = SGFTree(nodes: nodes)
    self.info = info
  }

  /// The record as SGF text.
  public func text(writer: SGFWriter = SGFWriter()) -> String { writer.write(tree) }
}
