public import GoCore

/// Something that chooses moves: the rollout MCTS (`RolloutEngine`) or the network search
/// (`PUCTEngine`).
///
/// The GTP front end talks to engines only through this protocol. Calls come from one thread
/// at a time; `generateMove` blocks until the move is chosen (engines may use their own worker
/// threads inside).
public protocol GoEngine: AnyObject {
  /// A short name for logs and `version` strings.
  var name: String { get }

  /// Chooses a move for `state.toMove`.
  ///
  /// Blocks. Must return a legal move (or pass/resign) within the time `request.clock`
  /// allows, keeping the lag buffer in reserve.
  func generateMove(for state: GameState, request: MoveRequest) -> MoveDecision

  /// The stones the engine judges dead at the end of `state` (for `final_score`,
  /// `final_status_list`). Blocks.
  /// - Throws: when the engine cannot judge (its evaluator failed): a caller reports that,
  ///   never scores the game as if no stone were dead.
  func deadStones(in state: GameState) throws -> Set<Point>

  /// Forgets anything cached about earlier positions (new game, board size change).
  func clear()

  /// Asks a search in progress (or pondering) to finish as soon as it can. Safe to call from
  /// any thread; does nothing when no search runs.
  func stop()

  /// Starts thinking about `state` in the background (pondering on the opponent's time) if the
  /// engine does that; the next call into the engine ends it. Must not block.
  func ponder(_ state: GameState)
}

extension GoEngine {
  public func stop() {}
  public func ponder(_ state: GameState) {}
}

/// The outcome of a move search.
public enum MoveDecision: Hashable, Sendable {
  case move(Move)
  case resign
}

/// How a move should be chosen: clock and restrictions.
public struct MoveRequest: Sendable {
  /// The system of the game clock.
  public var timeControl: TimeControl
  /// What is left on the mover's clock (nil: no limit known).
  public var clock: ClockState?
  /// Moves are forbidden to pass (`kgs-genmove_cleanup`: capture dead stones first).
  public var cleanup: Bool
  /// Whether resigning is allowed.
  public var allowResign: Bool

  public init(
    timeControl: TimeControl = .none, clock: ClockState? = nil, cleanup: Bool = false,
    allowResign: Bool = true
  ) {
    self.timeControl = timeControl
    self.clock = clock
    self.cleanup = cleanup
    self.allowResign = allowResign
  }
}
