/// The outcome of one GTP command, before framing.
public enum GTPReply: Sendable {
  /// Success with a result text (possibly empty, possibly several lines).
  case success(String)
  /// Failure with an error message.
  case failure(String)
  /// Success whose output keeps coming until the next input line arrives (analysis
  /// commands): the server prints the header, starts the stream, and stops it at the next line.
  case stream(any GTPStream)

  /// The framed response: `=id text` or `?id text`, then a blank line.
  ///
  /// The text is made safe for framing: control characters other than line feeds are dropped,
  /// tabs become spaces, and empty lines inside it are removed so that the blank line only
  /// ever ends the response.
  public func framed(id: Int?) -> String {
    let idText = id.map(String.init) ?? ""
    switch self {
    case .success(let text): return "=" + idText + " " + GTPReply.sanitize(text) + "\n\n"
    case .failure(let text): return "?" + idText + " " + GTPReply.sanitize(text) + "\n\n"
    case .stream(let stream): return "=" + idText + (stream.sharesHeaderLine ? " " : "\n")
    }
  }

  /// `text` with no control characters but line feeds and no empty lines after the first.
  static func sanitize(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var lastWasNewline = false
    var first = true
    for s in text.unicodeScalars {
      if s == "\n" {
        // A leading newline is allowed (multi-line results start on the next line).
        if !lastWasNewline || first { out.unicodeScalars.append(s) }
        lastWasNewline = true
      } else if s == "\t" {
        out.unicodeScalars.append(" ")
        lastWasNewline = false
      } else if s.value < 32 || s.value == 127 {
        continue
      } else {
        out.unicodeScalars.append(s)
        lastWasNewline = false
      }
      first = false
    }
    while out.hasSuffix("\n") { out.removeLast() }
    return out
  }
}
