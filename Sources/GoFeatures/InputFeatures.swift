import GoCore

/// KataGo's network input features for every input version (`docs/KATAGO.md` §1.4, §2.2–2.4):
/// V7 for models v8–17 and the older V3–V6 for models v3–7, selected by `Options.version`.
public enum InputFeatures {
  /// Options that change the encoding.
  public struct Options: Sendable, Hashable {
    /// The input version to write (from the model's version).
    public var version: InputFeatureVersion = .v7
    /// Treat multi-stone suicide as legal for the area planes (model header flag).
    public var preferPassAliveUnderSuicide = false
    /// Playout doubling advantage from the side to move's view (V7 only).
    public var playoutDoublingAdvantage: Float = 0
    /// Hide all move history.
    public var hideHistory = false
    /// Moves before this index of the game are not shown as history (KataGo's
    /// `ignorePreRootHistory`: the search root's number of moves).
    public var historyFloor = 0
    /// KataGo's `conservativePass` at the search root (on in GTP, `kata-raw-nn` and analysis):
    /// when the opponent just passed, so that a pass would end the game, history is hidden and
    /// the "pass ends the phase" global is 0.
    public var conservativePassAtRoot = true

    /// Default options (V7).
    public init() {}

    /// Default options for a model of `modelVersion` (3–17).
    public init(modelVersion: Int) {
      version = InputFeatureVersion(modelVersion: modelVersion) ?? .v7
    }
  }

  /// Writes the features of `game` for its side to move, in `options.version`, transformed by
  /// `symmetry`, into `spatial` (`[spatialCount][nnYLen][nnXLen]`, zeroed here) and `global`
  /// (`[globalCount]`).
  public static func fill(
    _ game: NNGame, nnXLen: Int, nnYLen: Int, symmetry: Symmetry, options: Options = Options(),
    spatial: UnsafeMutablePointer<Float>, global: UnsafeMutablePointer<Float>
  ) {
    let version = options.version
    let game = version.supportsGeneralRules ? game : game.withPreV7Rules()
    let board = game.board
    precondition(board.width <= nnXLen && board.height <= nnYLen, "board larger than the NN grid")
    let area = nnXLen * nnYLen
    spatial.update(repeating: 0, count: version.spatialCount * area)
    global.update(repeating: 0, count: version.globalCount)
    let pla = game.nextPlayer
    let opp = 3 - pla
    let rules = game.rules
    let moves = game.state.moves
    let isV5 = version == .v5
    func set(_ plane: Int, _ point: Point) {
      let t = symmetry.apply(x: point.x, y: point.y, gridWidth: nnXLen, gridHeight: nnYLen)
      spatial[plane * area + t.y * nnXLen + t.x] = 1
    }
    // Planes 0-2, liberty planes 3-5 (not V5).
    for p in board.points {
      set(0, p)
      let c = board[p].rawValue
      if c == pla { set(1, p) } else if c == opp { set(2, p) }
      if !isV5 && (c == 1 || c == 2) {
        let libs = board.liberties(p)
        if libs == 1 { set(3, p) } else if libs == 2 { set(4, p) } else if libs == 3 { set(5, p) }
      }
    }
    // Ko plane (6; V5: 3): simple ko and superko bans. Always the main phase: GoCore's game
    // ends at two passes, and KataGo's GTP evaluates a territory-scored game after its two
    // passes as a finished main phase too (no encore; checked on the real net), so encore
    // planes 7/20/21 (V5: 4/11/12) and encore globals stay 0.
    let koPlane = isV5 ? 3 : 6
    if !board.koPoint.isNone { set(koPlane, board.koPoint) }
    for p in game.superkoBanned(for: pla) where p != board.koPoint { set(koPlane, p) }
    // History planes (9-13; V5: 6-10) and pass globals 0-4.
    // A finished game shows only its last turn in V6/V7 and no history in V3-V5 (measured
    // against KataGo 1.18); hidden history shows none.
    let lastWasOppPass = moves.last.map { $0.move == .pass && $0.player.rawValue == opp } ?? false
    let finished = game.isFinished
    let hide =
      options.hideHistory || (options.conservativePassAtRoot && !finished && lastWasOppPass)
      || (finished && !version.supportsGeneralRules)
    let historyBase = isV5 ? 5 : 8
    var included = 0
    if !hide {
      for k in 1...(finished ? 1 : 5) {
        guard moves.count >= k, moves.count - k >= options.historyFloor else { break }
        let m = moves[moves.count - k]
        guard m.player.rawValue == (k % 2 == 1 ? opp : pla) else { break }
        included = k
        if let p = m.move.point { set(historyBase + k, p) } else { global[k - 1] = 1 }
      }
    }
    if !isV5 {
      fillLadders(game, included: included, opp: opp, set: set)
      fillArea(game, version: version, options: options, pla: pla, opp: opp, set: set)
    }
    // Globals.
    let boardArea = Float(board.area)
    let komiBound = version == .v7 ? boardArea + 20 : boardArea + 1
    var selfKomi = pla == 2 ? game.whiteKomiTotal : -game.whiteKomiTotal
    selfKomi = min(max(selfKomi, -komiBound), komiBound)
    global[5] = selfKomi / (version == .v7 || version == .v6 ? 20 : 15)
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
    // Tax (V6-V7: 10/11); the encore globals (V3-V5: 10/11, V6-V7: 12/13) stay 0.
    let hasTax = version == .v6 || version == .v7
    if hasTax {
      if rules.tax != .none { global[10] = 1 }
      if rules.tax == .all { global[11] = 1 }
    }
    if isV5 { return }
    let passEndsPhaseIndex = hasTax ? 14 : 12
    if !hide && lastWasOppPass { global[passEndsPhaseIndex] = 1 }
    if version == .v7 {
      if options.playoutDoublingAdvantage != 0 {
        global[15] = 1
        global[16] = 0.5 * options.playoutDoublingAdvantage
      }
      if rules.hasButton && !moves.contains(where: { $0.move == .pass }) { global[17] = 1 }
    }
    if rules.scoring == .area {
      let even = board.area % 2 == 0
      let floorK: Float =
        even ? (selfKomi / 2).rounded(.down) * 2 : ((selfKomi - 1) / 2).rounded(.down) * 2 + 1
      let d = min(max(selfKomi - floorK, 0), 2)
      let waveIndex: Int
      switch version {
      case .v3, .v4: waveIndex = 13
      case .v6: waveIndex = 15
      default: waveIndex = 18
      }
      global[waveIndex] = d < 0.5 ? d : d < 1.5 ? 1 - d : d - 2
    }
  }

  /// Ladder planes 14-17 on the current board and the boards 1 and 2 turns ago (when that much
  /// history is included).
  private static func fillLadders(_ game: NNGame, included: Int, opp: UInt8, set: (Int, Point) -> Void) {
    let board = game.board
    let now = board.cachedLadderVerdicts()
    for p in board.points where now.captured[p.i] { set(14, p) }
    for p in opp == 1 ? now.workingBlack : now.workingWhite { set(17, p) }
    let prev = included >= 1 ? game.state.board(movesAgo: 1)!.cachedLadderVerdicts().captured : now.captured
    for p in board.points where prev[p.i] { set(15, p) }
    let prevPrev =
      included >= 2 ? game.state.board(movesAgo: 2)!.cachedLadderVerdicts().captured : prev
    for p in board.points where prevPrev[p.i] { set(16, p) }
  }

  /// Area planes 18/19 as each version defines them (`docs/KATAGO.md` §2.4.4; V3/V4 from
  /// KataGo's source).
  private static func fillArea(
    _ game: NNGame, version: InputFeatureVersion, options: Options, pla: UInt8, opp: UInt8,
    set: (Int, Point) -> Void
  ) {
    let board = game.board
    let rules = game.rules
    let suicide = rules.multiStoneSuicideLegal || options.preferPassAliveUnderSuicide
    let owner: [Stone]
    switch version {
    case .v3 where rules.scoring == .area:
      owner = board.kataGoArea(suicideLegal: suicide)
    case .v3, .v4:
      // Pass-alive stones and territory plus safe big territories only.
      owner = board.kataGoArea(
        suicideLegal: suicide, nonPassAliveStones: false, safeBigTerritories: true, unsafeBigTerritories: false)
    default:
      // V6/V7: territory scoring shows no area in the main phase.
      guard rules.scoring == .area else { return }
      owner =
        rules.tax == .none
        ? board.kataGoArea(suicideLegal: suicide)
        : board.kataGoIndependentLifeArea(suicideLegal: suicide, keepTerritories: false, keepStones: true)
    }
    for p in board.points {
      if owner[p.i].rawValue == pla { set(18, p) } else if owner[p.i].rawValue == opp { set(19, p) }
    }
  }
}
