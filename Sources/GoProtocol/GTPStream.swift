/// Output that continues after the reply's header (e.g. `lz-analyze`, `kata-genmove_analyze`).
///
/// `start` may emit lines from any thread until `stop` returns; the server frames them. How
/// the stream ends is its `ending`.
public protocol GTPStream: AnyObject, Sendable {
  /// What ends the stream (default: the next input line).
  var ending: GTPStreamEnding { get }
  /// True if the first emitted line continues the header line (`= C5`, as `kata-search_cancellable`
  /// answers) instead of following `=` on a line of its own (default: false).
  var sharesHeaderLine: Bool { get }
  /// Begins producing lines; `emit` writes one line (without its newline) to the output.
  /// A `.completion` stream does all its work inside `start`.
  func start(emit: @escaping @Sendable (String) -> Void)
  /// Stops producing lines; after it returns, `emit` is not called again.
  func stop()
  /// Blocks until the stream has emitted its last line on its own (or was stopped); returns at
  /// once for streams that only input ends.
  func waitUntilFinished()
}

extension GTPStream {
  public var ending: GTPStreamEnding { .input }
  public var sharesHeaderLine: Bool { false }
  public func waitUntilFinished() {}
}

/// What ends a `GTPStream`.
public enum GTPStreamEnding: Sendable {
  /// The next input line (analysis): the server stops the stream, then prints the blank line.
  case input
  /// The stream's own end (`genmove_analyze`): input waits until it is over.
  case completion
  /// Whichever comes first (the `_cancellable` commands): input stops it early.
  case completionOrInput
}
