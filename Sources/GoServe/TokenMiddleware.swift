import Foundation
import Hummingbird

/// Checks the server's token on every request, WebSocket upgrades included (they are GET
/// requests through the same router): `Authorization: Bearer TOKEN`, a `token=TOKEN` query
/// parameter, or the `tengen_token` cookie. A request without the right token gets 401.
///
/// A page opened as `/?token=TOKEN` gets the cookie (HttpOnly, SameSite=Strict), so its
/// scripts and sockets need not repeat the token. Comparison takes the same time for every
/// wrong token of a given length.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The secret.
  let token: String

  /// The cookie that carries the token after the first page load.
  static var cookieName: String { "tengen_token" }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let fromQuery = request.uri.queryParameters.get("token")
    let presented = [Self.bearer(request), fromQuery, Self.cookie(request)].compactMap { $0 }
    guard presented.contains(where: { Self.equal($0, token) }) else {
      return Response(
        status: .unauthorized, headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: "401 Unauthorized: this server needs its token\n")))
    }
    var response = try await next(request, context)
    if let fromQuery, Self.equal(fromQuery, token) {
      response.headers[values: .setCookie].append(
        "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict")
    }
    return response
  }

  /// The token of an `Authorization: Bearer` header.
  static func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
    return String(value.dropFirst("Bearer ".count))
  }

  /// The value of the token cookie.
  static func cookie(_ request: Request) -> String? {
    for header in request.headers[values: .cookie] {
      for part in header.split(separator: ";") {
        let kv = part.trimmingCharacters(in: .whitespaces)
        if kv.hasPrefix(cookieName + "=") { return String(kv.dropFirst(cookieName.count + 1)) }
      }
    }
    return nil
  }

  /// Compares without stopping at the first difference.
  static func equal(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in 0..<x.count { diff |= x[i] ^ y[i] }
    return diff == 0
  }
}
