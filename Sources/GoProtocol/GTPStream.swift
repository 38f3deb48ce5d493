/// Output that continues until the controller sends another line (e.g. `lz-analyze`).
///
/// `start` may emit lines from any thread until `stop` returns; the server frames them.
public protocol GTPStream: AnyObject, Sendable {
  /// Begins producing lines; `emit` writes one line (without its newline) to the output.
  func start(emit: @escaping @Sendable (String) -> Void)
  /// Stops producing lines; after it returns, `emit` is not called again.
  func stop()
}
