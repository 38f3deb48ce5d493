import Hummingbird
import HummingbirdWebSocket

extension WebServer {
  /// `/` (the single page) and `/assets/NAME` (its scripts and style sheet).
  func addPages(to router: Router<BasicWebSocketRequestContext>) {
    router.get("/") { _, _ in Self.serve(asset: "index.html") }
    router.get("/assets/:name") { _, context in
      Self.serve(asset: context.parameters.get("name") ?? "")
    }
  }

  /// The asset's response, or 404 for a name that is not an asset's.
  static func serve(asset name: String) -> Response {
    guard let asset = StaticAssets.named(name) else { return text(.notFound, "404 Not Found\n") }
    return Response(
      status: .ok,
      headers: [
        .contentType: asset.contentType, .cacheControl: "no-cache",
        .init("X-Content-Type-Options")!: "nosniff",
        .contentSecurityPolicy:
          "default-src 'self'; img-src 'self' blob: data:; connect-src 'self'; style-src 'self'",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
  }

  /// A plain-text response.
  static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
    Response(
      status: status, headers: [.contentType: "text/plain; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}
