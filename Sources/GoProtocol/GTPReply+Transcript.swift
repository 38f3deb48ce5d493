import Synchronization

extension GTPReply {
  /// The whole framed output of this reply when no further input arrives (for tests, golden
  /// transcripts and scripts): a stream that input ends is stopped as soon as it has started,
  /// the others run to their end.
  public func transcript(id: Int?) -> String {
    guard case .stream(let stream) = self else { return framed(id: id) }
    let lines = Mutex<[String]>([])
    let emit: @Sendable (String) -> Void = { line in lines.withLock { $0.append(line) } }
    stream.start(emit: emit)
    switch stream.ending {
    case .input: stream.stop()
    case .completion: break
    case .completionOrInput: stream.waitUntilFinished()
    }
    return framed(id: id) + lines.withLock { $0 }.map { $0 + "\n" }.joined() + "\n"
  }
}
