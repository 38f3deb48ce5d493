import Foundation
import GoCore
public import GoSearch
import Synchronization

/// Plays self-play games with KataGo's techniques (`docs/SELFPLAY.md`): an opening sampled
/// from the raw policy, randomised komi, playout-cap randomisation (full searches with noise,
/// forced playouts and a pruned policy target; cheap ones that keep the tree), move
/// temperature, soft resignation, optional Leela Zero-style resignation.
///
/// A game is a pure function of its seed as long as the evaluator is (hashed symmetries);
/// many players may share one evaluator from many threads.
public final class SelfPlayGamePlayer: @unchecked Sendable {
  /// The generator's settings.
  public let settings: SelfPlaySettings
  /// The search settings every search starts from (`SelfPlaySettings.searchParameters`).
  public let search: PUCTParameters
  /// Where leaf values come from, shared by every game.
  public let evaluator: any PositionEvaluator
  /// Fair komi by board size and rules (network's view), computed once.
  private let fairKomi = Mutex<[String: Double]>([:])

  /// A player over `evaluator`; `search` is made self-play-safe here.
  public init(settings: SelfPlaySettings, search: PUCTParameters, evaluator: any PositionEvaluator) {
    self.settings = settings
    self.search = SelfPlaySettings.searchParameters(search)
    self.evaluator = evaluator
  }

  /// Plays game `index` from `seed` to its end.
  /// - Throws: when the evaluator fails.
  public func play(index: Int, seed: UInt64) throws -> FinishedSelfPlayGame {
    let started = ContinuousClock.now
    var rng = FastRandom(seed: seed)
    let s = settings
    let size = s.boardSizes.draw(&rng)
    let rulesName = s.rules.draw(&rng)
    let area = size * size
    var state = GameState(size: size, rules: Rules(preset: rulesName)!.withKomi(try gameKomi(size, rulesName, &rng)))

    // Opening: moves sampled from the raw policy, no rows.
    let opening = Int((-log(max(1e-12, 1 - rng.unit())) * s.policyInitAreaProp * Double(area)).rounded(.down))
    for _ in 0..<min(opening, area / 2) {
      let e = try evaluator.evaluate(state, isRoot: true)
      guard let move = Self.sampleFromPolicy(state, e.policy, temperature: s.policyInitTemperature, &rng) else { break }
      try? state.play(move)
    }
    let openingMoves = state.moves.count
    if openingMoves > 0 && rng.unit() < s.compensateAfterPolicyInitProb {
      let e = try evaluator.evaluate(state, isRoot: true)
      state.rules.komi = Self.halfPoints(state.rules.komi - Double(e.whiteLead))
    }

    var params = search
    params.seed = seed ^ 0x5E1F_91A7
    let engine = PUCTEngine(evaluator: evaluator, params: params)
    engine.log = { _ in }
    // One search thread per game: search on this game's thread (it has a search thread's stack).
    engine.searchInline = true
    let maxMoves = Int(s.maxMovesAreaFactor * Double(area))
    var turns: [SelfPlayTurn] = []
    var history: [Double] = []
    var streak: [Player: Int] = [.black: 0, .white: 0]
    let resignOn = s.resignThreshold > 0 && rng.unit() >= s.resignPlayoutProbability
    var resigned: Player?
    var wouldHaveResigned: Player?

    while !state.isOver && state.moves.count < maxMoves {
      let turn = state.moves.count
      if s.rawPolicy {
        let record = try rawPolicyTurn(state, temperature: s.decayed(
          early: s.chosenMoveTemperatureEarly, late: s.chosenMoveTemperature, turns: turn, area: area), &rng)
        history.append(record.whiteWinLoss)
        turns.append(record)
        try state.play(record.move)
        continue
      }
      let full = s.cheapVisits == 0 || rng.unit() < s.fullSearchProbability
      var visits = full ? s.fullVisits : s.cheapVisits
      var weight = 1.0
      if full, s.reduceVisits, let prop = Self.reduction(history, s) {
        visits = max(s.reducedVisitsMin, Int((Double(visits) + prop * Double(s.reducedVisitsMin - visits)).rounded()))
        weight = 1 + prop * (s.reducedVisitsWeight - 1)
      }
      var p = params
      if full {
        p.rootNoise = true
        p.rootPolicyTemperature = s.decayed(
          early: s.rootPolicyTemperatureEarly, late: s.rootPolicyTemperature, turns: turn, area: area)
        p.rootDesiredPerChildVisitsCoeff = s.forcedPlayoutsCoeff
      } else {
        p.rootNoise = false
        p.rootPolicyTemperature = 1
        p.rootDesiredPerChildVisitsCoeff = 0
        p.rootFpuReductionMax = p.fpuReductionMax
      }
      engine.params = p
      let result = try engine.selfPlaySearch(
        state, visits: visits, freshTree: full, prunePolicyTarget: full && s.policyTargetPruning)
      let temperature = s.decayed(
        early: s.chosenMoveTemperatureEarly, late: s.chosenMoveTemperature, turns: turn, area: area)
      let target = result.children.map { (move: $0.move, weight: $0.targetWeight) }
      let move = Self.choose(target, priors: result.children.map(\.prior), temperature: temperature, &rng)
      let record = SelfPlayTurn(
        player: state.toMove, move: move, full: full, rowWeight: weight, policyTarget: target,
        whiteWinLoss: result.whiteWinLoss, whiteNoResult: result.whiteNoResult, whiteScore: result.whiteScore,
        visits: result.rootVisits, newVisits: result.stats.newVisits, evaluations: result.stats.evaluations)
      history.append(result.whiteWinLoss)
      if s.resignThreshold > 0 {
        let mover = state.toMove
        streak[mover] = record.moverWinrate < s.resignThreshold ? streak[mover]! + 1 : 0
        if streak[mover]! >= s.resignConsecutiveTurns {
          if resignOn {
            resigned = mover
            break
          }
          if wouldHaveResigned == nil { wouldHaveResigned = mover }
        }
      }
      turns.append(record)
      try state.play(move)
    }

    var whiteScore: Double?
    var winner: Player?
    var ownership: [Stone]?
    if let resigned {
      winner = resigned.opponent
    } else {
      let dead = try engine.deadStones(in: state)
      let score = state.score(dead: dead)
      let margin = score.white - score.black
      whiteScore = margin
      winner = margin > 0 ? .white : (margin < 0 ? .black : nil)
      ownership = state.board.areaOwnership(dead: dead)
    }
    return FinishedSelfPlayGame(
      index: index, state: state, rulesName: rulesName, openingMoves: openingMoves, turns: turns,
      whiteScore: whiteScore, winner: winner, resigned: resigned, wouldHaveResigned: wouldHaveResigned,
      resignationEnabled: resignOn, finalOwnership: ownership,
      seconds: (ContinuousClock.now - started).inSeconds)
  }

  /// A distillation turn (`rawPolicy`): one evaluation; the target is the raw policy over the
  /// legal moves and pass, the move drawn from it at `temperature`, the values the network's.
  func rawPolicyTurn(_ state: GameState, temperature: Double, _ rng: inout FastRandom) throws -> SelfPlayTurn {
    let e = try evaluator.evaluate(state, isRoot: true)
    let w = state.board.width
    var target: [(move: Move, weight: Double)] = []
    for p in state.board.points where state.board[p] == .empty && state.isLegal(.play(p)) {
      let raw = e.policy.count == state.board.area ? Double(max(0, e.policy[p.y * w + p.x])) : 0
      if raw > 0 { target.append((.play(p), raw)) }
    }
    target.append((.pass, Double(max(0, e.passProbability))))
    let total = target.reduce(0) { $0 + $1.weight }
    if total > 0 { target = target.map { ($0.move, $0.weight / total) } } else { target = [(.pass, 1)] }
    let move = Self.choose(target, priors: target.map(\.weight), temperature: temperature, &rng)
    return SelfPlayTurn(
      player: state.toMove, move: move, full: true, rowWeight: 1, policyTarget: target,
      whiteWinLoss: Double(e.whiteWin - e.whiteLoss), whiteNoResult: Double(e.noResult),
      whiteScore: Double(e.whiteScoreMean), visits: 1, newVisits: 1, evaluations: 1, teacher: e)
  }

  /// The game's komi: the rules' (or the fair komi), plus a random offset, in half points.
  private func gameKomi(_ size: Int, _ rulesName: String, _ rng: inout FastRandom) throws -> Double {
    let s = settings
    var base = s.komi
    if s.komiAuto {
      let key = "\(size) \(rulesName)"
      if let known = fairKomi.withLock({ $0[key] }) {
        base = known
      } else {
        let empty = GameState(size: size, rules: Rules(preset: rulesName)!.withKomi(s.komi))
        let e = try evaluator.evaluate(empty, isRoot: true)
        let fair = min(s.komi + s.komiAutoMaxShift, max(s.komi - s.komiAutoMaxShift, s.komi - Double(e.whiteLead)))
        fairKomi.withLock { $0[key] = fair }
        base = fair
      }
    }
    let stdev = rng.unit() < s.komiBigStdevProbability ? s.komiBigStdev : s.komiStdev
    return Self.halfPoints(base + stdev * rng.normal())
  }

  /// How far soft resignation cuts this full search (0…1), or nil when it does not: the
  /// square of how far past the threshold the least extreme of the last lookback values is.
  static func reduction(_ history: [Double], _ s: SelfPlaySettings) -> Double? {
    guard history.count >= s.reduceVisitsLookback else { return nil }
    let recent = history.suffix(s.reduceVisitsLookback)
    let extreme = min(1, max(recent.min()!, -recent.max()!))
    let through = extreme - s.reduceVisitsThreshold
    guard through > 0, s.reduceVisitsThreshold < 1 else { return nil }
    let prop = through / (1 - s.reduceVisitsThreshold)
    return prop * prop
  }

  /// A move drawn from the target weights sharpened by 1/`temperature` (the most weighted at
  /// temperature 0; by prior when nothing was visited).
  static func choose(
    _ target: [(move: Move, weight: Double)], priors: [Double], temperature: Double, _ rng: inout FastRandom
  ) -> Move {
    guard !target.isEmpty else { return .pass }
    var weights = target.map(\.weight)
    if weights.allSatisfy({ $0 <= 0 }) { weights = priors }
    let top = weights.max() ?? 0
    guard top > 0 else { return target[0].move }
    if temperature <= 1e-4 { return target[weights.firstIndex(of: top)!].move }
    let powered = weights.map { $0 > 0 ? pow($0 / top, 1 / temperature) : 0 }
    var x = rng.unit() * powered.reduce(0, +)
    for (k, w) in powered.enumerated() where w > 0 {
      x -= w
      if x < 0 { return target[k].move }
    }
    return target[weights.firstIndex(of: top)!].move
  }

  /// A legal board move (never a pass) drawn from the raw policy at `temperature`; nil when
  /// there is none.
  static func sampleFromPolicy(
    _ state: GameState, _ policy: [Float], temperature: Double, _ rng: inout FastRandom
  ) -> Move? {
    let w = state.board.width
    var moves: [Move] = []
    var weights: [Double] = []
    for p in state.board.points where state.board[p] == .empty && state.isLegal(.play(p)) {
      let raw = policy.count == state.board.area ? Double(max(0, policy[p.y * w + p.x])) : 1
      moves.append(.play(p))
      weights.append(pow(max(raw, 1e-12), 1 / temperature))
    }
    guard !moves.isEmpty else { return nil }
    var x = rng.unit() * weights.reduce(0, +)
    for (k, v) in weights.enumerated() {
      x -= v
      if x < 0 { return moves[k] }
    }
    return moves.last
  }

  /// `x` rounded to the nearest half point.
  static func halfPoints(_ x: Double) -> Double { (x * 2).rounded() / 2 }
}
