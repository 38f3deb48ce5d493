/// The pages' files, compiled into the binary (SwiftPM's `embedInCode` resources of
/// `Sources/GoServe/Assets/`: no files are read at run time, and nothing comes from a network).
///
/// Lookup is by exact name in a fixed table, so a path with `..`, slashes or encodings of them
/// is simply an unknown name (404); nothing is ever joined to a directory path.
enum StaticAssets {
  /// One file: its bytes and its `Content-Type`.
  struct Asset {
    var bytes: [UInt8]
    var contentType: String
  }

  /// Every asset by the name it is served under (`/` serves `index.html`, the others live
  /// under `/assets/`).
  static let table: [String: Asset] = [
    "index.html": Asset(bytes: PackageResources.index_html, contentType: "text/html; charset=utf-8"),
    "app.css": Asset(bytes: PackageResources.app_css, contentType: "text/css; charset=utf-8"),
    "board.js": Asset(bytes: PackageResources.board_js, contentType: "text/javascript; charset=utf-8"),
    "play.js": Asset(bytes: PackageResources.play_js, contentType: "text/javascript; charset=utf-8"),
    "analyse.js": Asset(
      bytes: PackageResources.analyse_js, contentType: "text/javascript; charset=utf-8"),
    "dashboard.js": Asset(
      bytes: PackageResources.dashboard_js, contentType: "text/javascript; charset=utf-8"),
  ]

  /// The asset named `name`, or nil.
  static func named(_ name: String) -> Asset? { table[name] }
}
