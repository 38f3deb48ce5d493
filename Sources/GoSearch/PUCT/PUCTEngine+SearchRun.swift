import GoCore
import Synchronization

extension PUCTEngine {
  /// Everything the worker threads share during one search: constants set before the threads
  /// start, then atomics and a mutex (`@unchecked Sendable`: nothing else is mutable).
  final class SearchRun: @unchecked Sendable {
    let rootState: GameState
    let selection: SelectionContext
    let center: Double
    let area: Int
    let deadline: ContinuousClock.Instant?
    let rootOwnership: [Float]?
    /// Moves before this index are hidden from the network (`ignorePreRootHistory`).
    let historyFloor: Int
    let halt = Atomic<Bool>(false)
    let evaluations = Atomic<Int>(0)
    let collisions = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)

    init(
      rootState: GameState, selection: SelectionContext, center: Double,
      deadline: ContinuousClock.Instant?, rootOwnership: [Float]?, historyFloor: Int
    ) {
      self.historyFloor = historyFloor
      self.rootState = rootState
      self.selection = selection
      self.center = center
      self.area = rootState.board.area
      self.deadline = deadline
      self.rootOwnership = rootOwnership
    }
  }
}
