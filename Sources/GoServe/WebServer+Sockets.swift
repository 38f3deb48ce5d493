import Foundation
import GoFormats
import Hummingbird
import HummingbirdWebSocket
import Logging

extension WebServer {
  /// `/ws/play` (a game against the engine, `PlaySession`) and `/ws/analysis` (KataGo's JSON
  /// analysis protocol, `AnalysisSession`). Each socket is one session under the cap; a socket
  /// that closes stops its session's search.
  func addSockets(to router: Router<BasicWebSocketRequestContext>) {
    router.ws("/ws/play") { inbound, outbound, _ in
      try await self.session(inbound, outbound) { send in
        let engine = self.engines.make(self.configuration.threadsPerSession)
        let session = PlaySession(engine: engine, limits: self.configuration) { send($0.text) }
        return (receive: session.receive, close: session.close)
      }
    }
    router.ws("/ws/analysis") { inbound, outbound, _ in
      try await self.session(inbound, outbound) { send in
        let session = AnalysisSession(
          engines: self.engines, threads: self.configuration.threadsPerSession,
          limits: self.configuration, send: send)
        return (receive: session.receive, close: session.close)
      }
    }
  }

  /// Runs one session over a socket: takes a place under the cap (or tells the page the
  /// server is busy), makes the session with `start` (which gets the function that sends a
  /// text message), feeds it every text message, and closes it when the socket ends.
  ///
  /// `close` may block (it waits for the engine to stop), so it runs off the server's threads;
  /// then the memory the session freed goes back to the system (`FreedMemory`).
  func session(
    _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
    start: @escaping @Sendable (_ send: @escaping @Sendable (String) -> Void) -> (
      receive: @Sendable (String) -> Void, close: @Sendable () -> Void
    )
  ) async throws {
    guard gate.enter() else {
      let message = "The server is busy: \(gate.capacity) sessions are open. Try again later."
      try await outbound.write(.text(BoardJSON.error(message).text))
      return
    }
    defer { gate.leave() }
    let (stream, continuation) = AsyncStream<String>.makeStream()
    let session = await Self.offThread { start { continuation.yield($0) } }
    async let writer: Void = {
      for await text in stream {
        do {
          try await outbound.write(.text(text))
        } catch {
          break
        }
      }
    }()
    do {
      for try await message in inbound.messages(maxSize: configuration.maxMessageBytes) {
        guard case .text(let text) = message else {
          continuation.yield(BoardJSON.error("only text messages (JSON) are understood").text)
          continue
        }
        session.receive(text)
      }
    } catch {
      logger.notice("socket closed: \(error)")
    }
    await Self.offThread {
      session.close()
      FreedMemory.giveBack()
    }
    continuation.finish()
    await writer
  }

  /// Runs blocking `work` on a global queue and waits for it without holding a server thread.
  static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in
      DispatchQueue.global().async { c.resume(returning: work()) }
    }
  }
}
