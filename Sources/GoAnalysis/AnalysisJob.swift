import GoCore
import GoSearch
import Synchronization

/// One turn of one query, waiting in the scheduler's queue or being analysed.
final class AnalysisJob: Sendable {
  /// The query this turn belongs to.
  let query: AnalysisQuery
  /// Index into `query.turns`.
  let turnIndex: Int
  /// Arrival order, for ties in priority.
  let sequence: Int
  /// How results are written.
  let response: AnalysisResponse
  /// Set by `terminate`: stop as soon as possible.
  let terminated = Atomic<Bool>(false)
  /// Set once the final result is written; later progress reports are dropped.
  let finished = Atomic<Bool>(false)

  init(query: AnalysisQuery, turnIndex: Int, sequence: Int) {
    self.query = query
    self.turnIndex = turnIndex
    self.sequence = sequence
    self.response = AnalysisResponse(query: query, turn: query.turns[turnIndex])
  }

  var turn: AnalysisQuery.Turn { query.turns[turnIndex] }
  var priority: Int { turn.priority }

  /// True if this job should run before `other`: higher priority, then earlier arrival.
  func precedes(_ other: AnalysisJob) -> Bool {
    priority != other.priority ? priority > other.priority : sequence < other.sequence
  }

  /// True if a `terminate` for `id` (nil: every query) and `turns` (nil: all) covers this job.
  func matches(id: String?, turns: Set<Int>?) -> Bool {
    (id == nil || id == query.id) && (turns == nil || turns!.contains(turn.number))
  }
}
