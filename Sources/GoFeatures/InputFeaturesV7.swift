import GoCore

/// KataGo's version-7 input features (22 spatial planes, 19 global values).
public enum InputFeaturesV7 {
  /// Spatial plane count.
  public static let spatialCount = 22
  /// Global value count.
  public static let globalCount = 19

  /// Options that change the encoding.
  public struct Options: Sendable, Hashable {
    /// Treat multi-stone suicide as legal for the area planes (model header flag).
    public var preferPassAliveUnderSuicide = false
    /// Playout doubling advantage from the side to move's view.
    public var playoutDoublingAdvantage: Float = 0
    /// Hide all move history.
    public var hideHistory = false
    /// KataGo's `conservativePass` at the search root (on in GTP, `kata-raw-nn` and analysis):
    /// when the opponent just passed, so that a pass would end the game, history is hidden and
    /// global 14 is 0.
    public var conservativePassAtRoot = true

    /// Default options.
    public init() {}
  }

  /// Writes the features of `game` for its side to move, transformed by `symmetry`, into
  /// `spatial` (`[22][nnYLen][nnXLen]`, zeroed here) and `global` (`[19]`).
  public static func fill(
    _ game: NNGame, nnXLen: Int, nnYLen: Int, symmetry: Symmetry, options: Options = Options(),
    spatial: UnsafeMutablePointer<Float>, global: UnsafeMutablePointer<Float>
  ) {
    let board = game.board
    precondition(board.width <= nnXLen && board.height <= nnYLen, "board larger than the NN grid")
    let area = nnXLen * nnYLen
    spatial.update(repeating: 0, count: spatialCount * area)
    global.update(repeating: 0, count: globalCount)
    let pla = game.nextPlayer
    let opp = 3 - pla
    let rules = game.rules
    let moves = game.state.moves
    func set(_ plane: Int, _ point: Point) {
      let t = symmetry.apply(x: point.x, y: point.y, gridWidth: nnXLen, gridHeight: nnYLen)
      spatial[plane * area + t.y * nnXLen + t.x] = 1
    }
    for p in board.points {
      set(0, p)
      let c = board[p].rawValue
      if c == pla { set(1, p) } else if c == opp { set(2, p) }
      if c == 1 || c == 2 {
        let libs = board.liberties(p)
        if libs == 1 { set(3, p) } else if libs == 2 { set(4, p) } else if libs == 3 { set(5, p) }
      }
    }
    // Plane 6: simple ko and superko bans (main phase).
    if !board.koPoint.isNone { set(6, board.koPoint) }
    for p in game.superkoBanned(for: pla) where p != board.koPoint { set(6, p) }
    // History planes 9-13 and pass globals 0-4.
    // A finished game shows only its last turn (as KataGo 1.18 does); hidden history shows none.
    let lastWasOppPass = moves.last.map { $0.move == .pass && $0.player.rawValue == opp } ?? false
    let hide =
      options.hideHistory || (options.conservativePassAtRoot && !game.isFinished && lastWasOppPass)
    let finished = game.isFinished
    var included = 0
    if !hide {
      for k in 1...(finished ? 1 : 5) {
        guard moves.count >= k else { break }
        let m = moves[moves.count - k]
        guard m.player.rawValue == (k % 2 == 1 ? opp : pla) else { break }
        included = k
        if let p = m.move.point { set(8 + k, p) } else { global[k - 1] = 1 }
      }
    }
    // Ladder planes 14-17.
    let now = board.ladders(workingMovesFor: Player(nnColor: opp))
    for p in board.points where now.captured[p.i] { set(14, p) }
    for p in now.workingMoves { set(17, p) }
    let prev = included >= 1 ? game.state.board(movesAgo: 1)! : board
    let prevLadders = included >= 1 ? prev.ladders(workingMovesFor: Player(nnColor: opp)).captured : now.captured
    for p in board.points where prevLadders[p.i] { set(15, p) }
    let prevPrevLadders =
      included >= 2 ? game.state.board(movesAgo: 2)!.ladders(workingMovesFor: Player(nnColor: opp)).captured : prevLadders
    for p in board.points where prevPrevLadders[p.i] { set(16, p) }
    // Area planes 18-19 (area scoring without tax; territory scoring shows none in the main phase).
    if rules.scoring == .area && rules.tax == .none {
      let suicide = rules.multiStoneSuicideLegal || options.preferPassAliveUnderSuicide
      let owner = board.kataGoArea(suicideLegal: suicide)
      for p in board.points {
        if owner[p.i].rawValue == pla { set(18, p) } else if owner[p.i].rawValue == opp { set(19, p) }
      }
    }
    // Globals.
    var selfKomi = pla == 2 ? game.whiteKomiTotal : -game.whiteKomiTotal
    let boardArea = Float(board.area)
    selfKomi = min(max(selfKomi, -boardArea - 20), boardArea + 20)
    global[5] = selfKomi / 20
    switch rules.ko {
    case .simple: break
    case .positional, .spight:
      global[6] = 1
      global[7] = 0.5
    case .situational:
      global[6] = 1
      global[7] = -0.5
    }
    if rules.multiStoneSuicideLegal { global[8] = 1 }
    if rules.scoring == .territory { global[9] = 1 }
    if rules.tax != .none { global[10] = 1 }
    if rules.tax == .all { global[11] = 1 }
    let lastIsPass = moves.last.map { $0.move == .pass && $0.player.rawValue == opp } ?? false
    if !hide && lastIsPass { global[14] = 1 }
    if options.playoutDoublingAdvantage != 0 {
      global[15] = 1
      global[16] = 0.5 * options.playoutDoublingAdvantage
    }
    if rules.hasButton && !moves.contains(where: { $0.move == .pass }) { global[17] = 1 }
    if rules.scoring == .area {
      let even = board.area % 2 == 0
      let floorK: Float =
        even ? (selfKomi / 2).rounded(.down) * 2 : ((selfKomi - 1) / 2).rounded(.down) * 2 + 1
      let d = min(max(selfKomi - floorK, 0), 2)
      global[18] = d < 0.5 ? d : d < 1.5 ? 1 - d : d - 2
    }
  }
}
