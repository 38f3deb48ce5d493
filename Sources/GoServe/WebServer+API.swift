import Foundation
import GoFormats
import Hummingbird
import HummingbirdWebSocket

extension WebServer {
  /// The JSON endpoints: `/api/info`, `/api/sgf` (an SGF record to step through),
  /// `/api/run`, `/api/run/rating.png` and `/api/run/game` (the dashboard, read-only).
  func addAPI(to router: Router<BasicWebSocketRequestContext>) {
    router.get("/api/info") { _, _ in Self.json(.ok, self.info()) }
    router.post("/api/sgf") { request, _ in
      var request = request
      let limit = self.configuration.maxUploadBytes
      if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
        return Self.json(.contentTooLarge, Self.tooLarge(limit))
      }
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: limit)
      } catch {
        return Self.json(.contentTooLarge, Self.tooLarge(limit))
      }
      return Self.document(String(buffer: body))
    }
    router.get("/api/run") { _, _ in
      guard let run = self.run else {
        return Self.json(
          .ok,
          .object([
            "ok": .bool(false),
            "message": .string("No run folder: start the server with --run DIR to watch a self-play loop."),
          ]))
      }
      return Self.json(.ok, run.summary())
    }
    router.get("/api/run/rating.png") { _, _ in
      guard let run = self.run, let data = FileManager.default.contents(atPath: run.ratingPlotPath)
      else { return Self.text(.notFound, "404 Not Found\n") }
      return Response(
        status: .ok, headers: [.contentType: "image/png", .cacheControl: "no-cache"],
        body: .init(byteBuffer: ByteBuffer(bytes: [UInt8](data))))
    }
    router.get("/api/run/game") { request, _ in
      let q = request.uri.queryParameters
      guard let run = self.run, let g = q.get("generation").flatMap(Int.init),
        let name = q.get("name"), let text = run.game(generation: g, name: name)
      else { return Self.text(.notFound, "404 Not Found\n") }
      return Self.document(text)
    }
  }

  /// What the page's footer and the tests read: engine, models, session limits, and the
  /// network cache's fill (`nnCache`, with a network).
  func info() -> JSONValue {
    var fields: [String: JSONValue] = [
      "engine": .string(engines.description),
      "maxSessions": .int(configuration.maxSessions),
      "sessions": .int(gate.count),
      "threadsPerSession": .int(configuration.threadsPerSession),
      "maxUploadBytes": .int(configuration.maxUploadBytes),
      "run": .bool(run != nil),
    ]
    if let fill = engines.cacheFill?() {
      fields["nnCache"] = .object(["entries": .int(fill.entries), "capacity": .int(fill.capacity)])
    }
    return .object(fields)
  }

  /// The analysis page's `game` object for SGF `text`, or 400 with the parser's message.
  static func document(_ text: String) -> Response {
    do {
      return json(.ok, try SGFDocument.json(text))
    } catch {
      return json(.badRequest, .object(["error": .string("Cannot read this SGF: \(error.description)")]))
    }
  }

  /// The message of a 413.
  static func tooLarge(_ limit: Int) -> JSONValue {
    .object(["error": .string("The file is too large: the limit is \(limit / 1024) KB.")])
  }

  /// A JSON response.
  static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
      body: .init(byteBuffer: ByteBuffer(string: value.text)))
  }
}
