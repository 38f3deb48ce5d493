/// A failed GTP command: the message sent after `?`, and optional detail for the log.
public struct GTPError: Error, Equatable, Sendable {
  /// The reply text (a canonical GTP message where the spec defines one).
  public var message: String
  /// Extra explanation written to the diagnostics stream, not to the controller.
  public var detail: String?

  public init(_ message: String, detail: String? = nil) {
    self.message = message
    self.detail = detail
  }

  /// `unknown command`.
  public static let unknownCommand = GTPError("unknown command")
  /// `illegal move`.
  public static let illegalMove = GTPError("illegal move")
  /// `cannot undo`.
  public static let cannotUndo = GTPError("cannot undo")
  /// `board not empty`.
  public static let boardNotEmpty = GTPError("board not empty")
  /// `invalid number of stones`.
  public static let invalidNumberOfStones = GTPError("invalid number of stones")
  /// `bad vertex list`.
  public static let badVertexList = GTPError("bad vertex list")
  /// `unacceptable size`.
  public static let unacceptableSize = GTPError("unacceptable size")

  /// `syntax error`, with what was expected for the log.
  public static func syntax(_ detail: String) -> GTPError {
    GTPError("syntax error", detail: detail)
  }
}
