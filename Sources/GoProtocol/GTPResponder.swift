/// Whatever answers GTP lines for a `GTPServer`: the controller, or a test double.
public protocol GTPResponder: AnyObject {
  /// The reply to one raw input line with its id, or nil if the line is to be ignored.
  func reply(to line: String) -> (id: Int?, reply: GTPReply)?
  /// True once the server should stop reading (after `quit`).
  var isQuitting: Bool { get }
}

extension GTPController: GTPResponder {}
