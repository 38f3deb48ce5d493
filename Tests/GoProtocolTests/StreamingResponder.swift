import GoProtocol

/// A responder whose `analyze` command streams, to check the server's streaming frame.
final class StreamingResponder: GTPResponder {
  final class Ticker: GTPStream {
    func start(emit: @escaping @Sendable (String) -> Void) {
      emit("info move D4 visits 1")
      emit("info move Q16 visits 2")
    }
    func stop() {}
  }

  let inner: GTPController
  init(_ inner: GTPController) { self.inner = inner }
  var isQuitting: Bool { inner.isQuitting }

  func reply(to line: String) -> (id: Int?, reply: GTPReply)? {
    if let r = GTPRequest(line: line), r.name == "analyze" { return (r.id, .stream(Ticker())) }
    return inner.reply(to: line)
  }
}
