import Foundation
import GoFormats

/// A self-play loop run folder (docs/TRAINING.md, "The self-play loop"), read for the training
/// dashboard and never written: `RUN/status.json`, `RUN/rating.png`, `RUN/models/` and the
/// games in `RUN/selfplay/genNNNN/sgf/`.
///
/// Every name the page may ask for is checked against a fixed pattern before it touches the
/// file system, so no request reaches a file outside these.
struct RunFolder: Sendable {
  /// The folder as given to `--run`.
  let path: String

  /// How many of the newest self-play games the dashboard lists.
  static let recentGames = 24

  /// The dashboard's `run` object: the loop's status as it wrote it, the newest games, the
  /// network files; or `{"ok": false, "message": ...}` for a folder that is not a run.
  func summary() -> JSONValue {
    let statusPath = (path as NSString).appendingPathComponent("status.json")
    guard FileManager.default.fileExists(atPath: path) else {
      return failure("\(path) does not exist")
    }
    guard let data = FileManager.default.contents(atPath: statusPath),
      let text = String(data: data, encoding: .utf8)
    else {
      return failure("\(path) is not a self-play run folder: it has no readable status.json")
    }
    let status: JSONValue
    do {
      status = try JSONParser.parse(text)
    } catch {
      return failure("\(path)/status.json is not valid JSON (\(error.message))")
    }
    guard let fields = status.object, fields["generations"]?.object != nil else {
      return failure(
        "\(path)/status.json is not a self-play loop status (it has no \"generations\")")
    }
    return .object([
      "ok": .bool(true),
      "path": .string(path),
      "status": status,
      "games": .array(newestGames().map { g in
        .object(["generation": .int(g.generation), "name": .string(g.name)])
      }),
      "models": .array(models().map { m in
        .object(["name": .string(m.name), "bytes": .int(m.bytes)])
      }),
      "ratingPlot": .bool(FileManager.default.fileExists(atPath: ratingPlotPath)),
    ])
  }

  /// `RUN/rating.png`.
  var ratingPlotPath: String { (path as NSString).appendingPathComponent("rating.png") }

  /// The text of self-play game `name` of generation `generation`, or nil when the name is
  /// not a game file's (`game_NNN.sgf`) or the file does not exist.
  func game(generation: Int, name: String) -> String? {
    guard (0...99_999).contains(generation), Self.isGameName(name) else { return nil }
    let file = [path, "selfplay", Self.generationFolder(generation), "sgf", name]
      .joined(separator: "/")
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    return String(data: data, encoding: .utf8)
  }

  /// True for the names the self-play store gives games: `game_` digits `.sgf`.
  static func isGameName(_ name: String) -> Bool {
    guard name.hasPrefix("game_"), name.hasSuffix(".sgf") else { return false }
    let digits = name.dropFirst(5).dropLast(4)
    return !digits.isEmpty && digits.count <= 12 && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// `genNNNN`.
  static func generationFolder(_ g: Int) -> String {
    let s = String(g)
    return "gen" + String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  /// The newest games: the highest generations first, the highest game numbers first.
  func newestGames() -> [(generation: Int, name: String)] {
    let fm = FileManager.default
    let selfplay = (path as NSString).appendingPathComponent("selfplay")
    let generations = ((try? fm.contentsOfDirectory(atPath: selfplay)) ?? [])
      .compactMap { name -> Int? in
        guard name.hasPrefix("gen"), let g = Int(name.dropFirst(3)) else { return nil }
        return g
      }
      .sorted(by: >)
    var result: [(generation: Int, name: String)] = []
    for g in generations where result.count < Self.recentGames {
      let folder = [selfplay, Self.generationFolder(g), "sgf"].joined(separator: "/")
      let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? [])
        .filter(Self.isGameName).sorted(by: >)
      for name in names.prefix(Self.recentGames - result.count) { result.append((g, name)) }
    }
    return result
  }

  /// The network files in `RUN/models/` with their sizes, newest name first.
  func models() -> [(name: String, bytes: Int)] {
    let folder = (path as NSString).appendingPathComponent("models")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".bin.gz") }.sorted(by: >)
    return names.map { name in
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: (folder as NSString).appendingPathComponent(name))
      return (name, (attributes?[.size] as? Int) ?? 0)
    }
  }

  private func failure(_ message: String) -> JSONValue {
    .object(["ok": .bool(false), "message": .string(message)])
  }
}
