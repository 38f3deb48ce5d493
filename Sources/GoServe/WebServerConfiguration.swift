/// The settings of `tengen serve` (docs/WEB.md).
public struct WebServerConfiguration: Sendable {
  /// The address to bind; anything but a loopback address needs `token`.
  public var host = "127.0.0.1"
  /// The TCP port; 0 picks a free one (the URL printed at start names it).
  public var port = 8080
  /// The secret every HTTP request and WebSocket upgrade must carry (nil: none asked).
  public var token: String?
  /// Game and analysis sessions (open WebSockets) at most; more are refused.
  public var maxSessions = 4
  /// Search threads of all sessions together; each session gets an equal share (at least 1).
  public var totalSearchThreads = 8
  /// Largest request body accepted (SGF uploads), bytes; larger ones get 413.
  public var maxUploadBytes = 512 * 1024
  /// Largest WebSocket message accepted, bytes; a larger one closes that socket.
  public var maxMessageBytes = 256 * 1024
  /// Visits per move at most (caps what a page may ask for).
  public var maxVisits = 100_000
  /// Seconds per move at most (caps what a page may ask for).
  public var maxMoveSeconds = 60.0
  /// A self-play loop run folder the dashboard reads (never writes); nil: no dashboard data.
  public var runDirectory: String?

  public init() {}

  /// Search threads one session may use: an equal share of `totalSearchThreads`.
  public var threadsPerSession: Int { max(1, totalSearchThreads / max(1, maxSessions)) }

  /// True for the addresses only this machine reaches (`127.0.0.0/8`, `::1`, `localhost`).
  public static func isLoopback(_ host: String) -> Bool {
    let h = host.lowercased()
    if h == "localhost" || h == "::1" || h == "[::1]" { return true }
    let parts = h.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
    return parts[0] == "127"
  }

  /// Why this configuration must not start, or nil when it may.
  public var refusal: String? {
    if !Self.isLoopback(host) && (token ?? "").isEmpty {
      return "binding \(host) (not a loopback address) needs --token or --token-file"
    }
    if let token, token.count < 8 { return "the token must have at least 8 characters" }
    if maxSessions < 1 { return "--max-sessions must be at least 1" }
    if totalSearchThreads < 1 { return "--search-threads must be at least 1" }
    return nil
  }
}
