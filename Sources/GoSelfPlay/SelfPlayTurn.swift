import GoCore
import GoNeuralNet

/// One searched move of a self-play game: what the search said and what was played.
struct SelfPlayTurn: Sendable {
  /// The player who moved.
  var player: Player
  /// The move played.
  var move: Move
  /// A full search (a training row) or a cheap one (none).
  var full: Bool
  /// The row's sample weight (below 1 once soft resignation cut the search).
  var rowWeight: Double
  /// Policy-target weights by move: pruned visit weights of a full search, plain visit
  /// weights of a cheap one.
  var policyTarget: [(move: Move, weight: Double)]
  /// The search's root values, White's view: win/loss (−1…1), no-result, score.
  var whiteWinLoss: Double
  var whiteNoResult: Double
  var whiteScore: Double
  /// Root visits after the search, and the visits this search added.
  var visits: Int
  var newVisits: Int
  /// Network evaluations this search asked for.
  var evaluations: Int
  /// A distillation turn's evaluation (`rawPolicy`): its value, lead and ownership become the
  /// row's targets, as `tengen rows --teacher` labels them.
  var teacher: NNEvaluation? = nil

  /// The mover's win rate (0…1) by the search.
  var moverWinrate: Double { 0.5 * (1 + (player == .white ? 1 : -1) * whiteWinLoss) }
}
