/// Why a move's search ended (the per-move time line on stderr says it).
public enum StopReason: String, Sendable, Equatable {
  /// The planned time was spent and the best move was clear.
  case plannedTime = "planned time"
  /// An unclear move was given more time, up to the plan's limit.
  case extendedTime = "extended time spent (unclear move)"
  /// The plan's limit (the hard cap) was reached.
  case limit = "time limit"
  /// The best move led by more visits than the rest of the budget could bring the runner-up.
  case dominant = "best move cannot be caught"
  /// `auto` thinking judged the position settled.
  case settled = "position settled (auto thinking)"
  /// The visit or playout limit was reached.
  case visitLimit = "visit limit"
  /// Stopped from outside (`stop`, a new command).
  case interrupted = "interrupted"
  /// Nothing to search (finished game, forced move).
  case nothingToSearch = "nothing to search"
}
