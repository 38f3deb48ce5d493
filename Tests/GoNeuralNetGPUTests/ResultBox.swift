import Foundation
import GoNeuralNet

/// Thread-safe slots for concurrent results.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [NNRawOutputBatch?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ v: NNRawOutputBatch?) {
    lock.lock()
    values[i] = v
    lock.unlock()
  }
  func get(_ i: Int) -> NNRawOutputBatch? {
    lock.lock()
    defer { lock.unlock() }
    return values[i]
  }
}
