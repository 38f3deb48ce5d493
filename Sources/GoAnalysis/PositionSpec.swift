import GoCore
import GoFormats

/// The position part of a query: board, rules, setup stones and moves.
struct PositionSpec {
  var width: Int
  var height: Int
  var rules: Rules
  var black: [Point] = []
  var white: [Point] = []
  var initialPlayer: Player
  var moves: [(player: Player, move: Move, text: String)] = []

  /// Reads `boardXSize`, `boardYSize`, `rules`, `komi`, `whiteHandicapBonus`,
  /// `initialStones`, `initialPlayer` and `moves`.
  static func decode(_ f: QueryFields, maxBoardSize: Int) throws(AnalysisMessage) -> PositionSpec {
    let sizeMessage = "Must provide an integer from 2 to \(maxBoardSize)"
    guard let width = f["boardXSize"]?.integer, (2...maxBoardSize).contains(width) else {
      throw AnalysisMessage(field: "boardXSize", sizeMessage)
    }
    guard let height = f["boardYSize"]?.integer, (2...maxBoardSize).contains(height) else {
      throw AnalysisMessage(field: "boardYSize", sizeMessage)
    }
    var rules = try decodeRules(f)
    if let komi = f["komi"] {
      guard let k = komi.double, k.isFinite, abs(k) <= 400, (k * 2).rounded() == k * 2 else {
        throw AnalysisMessage(
          field: "komi", "Must be a integer or half-integer from -400.0 to 400.0")
      }
      rules.komi = k
    }
    if let whb = f["whiteHandicapBonus"] {
      guard let s = whb.string, let v = Rules.WhiteHandicapBonus(rawValue: s.uppercased()) else {
        throw AnalysisMessage(field: "whiteHandicapBonus", "Must be \"0\", \"N\", or \"N-1\"")
      }
      rules.whiteHandicapBonus = v
    }
    var spec = PositionSpec(width: width, height: height, rules: rules, initialPlayer: .black)
    if let stones = f["initialStones"] {
      for (player, move, text) in try locations(stones, field: "initialStones", width, height) {
        guard let p = move.point else {
          throw AnalysisMessage(field: "initialStones", "Could not parse board location: \(text)")
        }
        if player == .black { spec.black.append(p) } else { spec.white.append(p) }
      }
    }
    guard let moves = f["moves"] else {
      throw AnalysisMessage(field: "moves", "Missing field")
    }
    spec.moves = try locations(moves, field: "moves", width, height)
    if let initial = f["initialPlayer"] {
      guard let text = initial.string, let p = parsePlayer(text) else {
        throw AnalysisMessage(field: "initialPlayer", "Must be \"b\" or \"w\"")
      }
      spec.initialPlayer = p
    } else if let first = spec.moves.first {
      spec.initialPlayer = first.player
    } else {
      spec.initialPlayer = spec.black.count >= 2 && spec.white.isEmpty ? .white : .black
    }
    return spec
  }

  /// `rules`: a preset or compact string, or a JSON rules object.
  static func decodeRules(_ f: QueryFields) throws(AnalysisMessage) -> Rules {
    let missing =
      "Must specify rules string, such as \"chinese\" or \"tromp-taylor\", or a JSON object with detailed rules parameters."
    guard let value = f["rules"], value.string != nil || value.object != nil else {
      throw AnalysisMessage(field: "rules", missing)
    }
    do {
      if let text = value.string { return try RulesText.parse(text) }
      return try RulesText.parse(json: value)
    } catch {
      throw AnalysisMessage(field: "rules", "Could not parse rules: \(value.string ?? value.text)")
    }
  }

  /// `B`/`W`/`black`/`white`, any case.
  static func parsePlayer(_ text: String) -> Player? {
    switch text.lowercased() {
    case "b", "black": .black
    case "w", "white": .white
    default: nil
    }
  }

  /// An array of [player, vertex] pairs.
  static func locations(
    _ value: JSONValue, field: String, _ width: Int, _ height: Int
  ) throws(AnalysisMessage) -> [(player: Player, move: Move, text: String)] {
    let shape = "Must specify an array of [player,location] pairs"
    guard let list = value.array else { throw AnalysisMessage(field: field, shape) }
    var result: [(player: Player, move: Move, text: String)] = []
    for e in list {
      guard let pair = e.array, pair.count == 2, let who = pair[0].string,
        let vertex = pair[1].string
      else { throw AnalysisMessage(field: field, shape) }
      guard let player = parsePlayer(who) else {
        throw AnalysisMessage(field: field, "Could not parse player: \(who)")
      }
      guard let move = GTPVertex.move(vertex, width: width, height: height) else {
        throw AnalysisMessage(field: field, "Could not parse board location: \(vertex)")
      }
      result.append((player, move, vertex))
    }
    return result
  }

  /// The position after the first `turn` moves, for a spec whose moves `replay` accepted.
  ///
  /// Queries keep their turns as numbers and build each position only when it is analysed:
  /// a `GameState` carries a board per move played (its undo history), so keeping every turn
  /// of a whole game at once took memory quadratic in the game's length (about 60 MB for an
  /// 85-move 9×9 game, several hundred MB for a long 19×19 one).
  func state(at turn: Int) -> GameState {
    var prefix = self
    prefix.moves = Array(moves.prefix(turn))
    var last: GameState?
    do {
      try prefix.replay { n, state in
        if n == turn { last = state }
      }
    } catch {
      preconditionFailure("a decoded query's moves replay without error: \(error.message)")
    }
    return last!
  }

  /// Plays the moves, calling `visit` with the position after each number of moves (0 first).
  ///
  /// Moves are applied tolerantly, as KataGo does: a move onto an occupied point is an error
  /// (`Illegal move N: V`, N counted from 0), but ko, superko and multi-stone suicide bans are
  /// ignored (the history is then restarted from the position before the move). A move by the
  /// player not to move restarts the history with that player to move.
  func replay(_ visit: (Int, GameState) -> Void) throws(AnalysisMessage) {
    var state = GameState(width: width, height: height, rules: rules)
    if black.isEmpty && white.isEmpty {
      state.setToMove(initialPlayer)
    } else {
      state.setup(black: black, white: white, toMove: initialPlayer)
    }
    visit(0, state)
    for (i, m) in moves.enumerated() {
      if m.player != state.toMove {
        state.setToMove(m.player)
        state.setup(toMove: m.player)
      }
      if let reason = state.illegality(m.move, by: m.player) {
        let tolerated: Bool
        switch reason {
        case .ko, .superko: tolerated = true
        case .suicide:
          tolerated =
            m.move.point.map { state.board.isLegal($0, for: m.player, multiStoneSuicide: true) }
            ?? false
        default: tolerated = false
        }
        guard tolerated else {
          throw AnalysisMessage(field: "moves", "Illegal move \(i): \(m.text)")
        }
        // Forget the ko ban and the superko memory, allow suicide for this one move.
        state.setToMove(m.player.opponent)
        state.setToMove(m.player)
        state.setup(toMove: m.player)
        let saved = state.rules
        state.rules.multiStoneSuicideLegal = true
        do {
          try state.play(m.move, by: m.player)
        } catch {
          throw AnalysisMessage(field: "moves", "Illegal move \(i): \(m.text)")
        }
        state.rules = saved
      } else {
        do {
          try state.play(m.move, by: m.player)
        } catch {
          throw AnalysisMessage(field: "moves", "Illegal move \(i): \(m.text)")
        }
      }
      visit(i + 1, state)
    }
  }
}
