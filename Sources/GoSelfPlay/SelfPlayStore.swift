public import Foundation
public import GoFormats
public import GoTrainingData

/// A self-play output folder: `selfplay.json` (what the run is), `rows/rows_NNNNN.npz` with
/// their indexes `rows/rows_NNNNN.json`, and `sgf/game_NNNNNNN.sgf`.
///
/// Games are committed in groups: their SGF files, then the rows (temporary file + rename),
/// then the index (the same). A group counts only once its index exists, so after `kill -9`
/// `recover()` removes rows without an index and temporary files, and the games of that group
/// are played again (each game is a function of its seed, so the rerun writes the same games).
public final class SelfPlayStore: @unchecked Sendable {
  /// The folder.
  public let directory: URL
  var rowsDirectory: URL { directory.appendingPathComponent("rows") }
  var sgfDirectory: URL { directory.appendingPathComponent("sgf") }
  /// Everything committed so far.
  public private(set) var games: [SelfPlayGameSummary] = []
  /// Rows committed so far.
  public private(set) var rowCount = 0
  /// Row files committed so far.
  public private(set) var fileCount = 0
  /// Indices of the committed games.
  public private(set) var done: Set<Int> = []
  /// The folder's lock (held until the process ends or the store is released).
  private var lockDescriptor: Int32 = -1

  deinit {
    if lockDescriptor >= 0 { close(lockDescriptor) }
  }

  /// Opens (creating) `directory` for a run described by `header` (what its games depend
  /// on): a new folder gets it as `selfplay.json` (indented JSON); an existing one must hold
  /// the same value, however its text is laid out. Then recovers the committed state.
  /// - Throws: `SelfPlayError` when the folder holds another run or cannot be read/written.
  public init(directory: String, header: JSONValue) throws {
    self.directory = URL(fileURLWithPath: directory)
    let fm = FileManager.default
    do {
      try fm.createDirectory(at: rowsDirectory, withIntermediateDirectories: true)
      try fm.createDirectory(at: sgfDirectory, withIntermediateDirectories: true)
    } catch {
      throw SelfPlayError("cannot create \(directory): \(error.localizedDescription)")
    }
    // One writer per folder: a second one (e.g. a Ray task retried while the first still
    // runs) waits here until the first ends, then finds its games committed.
    lockDescriptor = open(self.directory.appendingPathComponent(".lock").path, O_CREAT | O_RDWR, 0o644)
    if lockDescriptor >= 0 && flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
      FileHandle.standardError.write(Data("selfplay: waiting for another tengen selfplay writing \(directory)\n".utf8))
      _ = flock(lockDescriptor, LOCK_EX)
    }
    let headerURL = self.directory.appendingPathComponent("selfplay.json")
    if let old = try? String(contentsOf: headerURL, encoding: .utf8) {
      guard (try? JSONParser.parse(old)) == header else {
        throw SelfPlayError(
          "\(directory) holds a self-play run with other settings, seed or network (selfplay.json); "
            + "continue it with the same ones or use another --out")
      }
    } else {
      try Self.writeAtomically(Data((header.prettyText + "\n").utf8), to: headerURL)
    }
    try recover()
  }

  /// Reads the committed groups and removes what a killed run left half written.
  func recover() throws {
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: rowsDirectory.path)) ?? []
    var indexes: Set<String> = []
    for name in names where name.hasPrefix(".") && name.contains(".tmp") {
      try? fm.removeItem(at: rowsDirectory.appendingPathComponent(name))
    }
    games = []
    done = []
    rowCount = 0
    fileCount = 0
    let decoder = JSONDecoder()
    for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let url = rowsDirectory.appendingPathComponent(name)
      guard let data = try? Data(contentsOf: url), let index = try? decoder.decode(SelfPlayFileIndex.self, from: data)
      else { throw SelfPlayError("\(url.path): unreadable row-file index; move it away to replay its games") }
      guard fm.fileExists(atPath: rowsDirectory.appendingPathComponent(index.rowsFile).path) else {
        throw SelfPlayError("\(url.path): its rows file \(index.rowsFile) is missing")
      }
      indexes.insert(index.rowsFile)
      games += index.games
      done.formUnion(index.games.map(\.index))
      rowCount += index.rows
      fileCount += 1
    }
    for name in names where name.hasSuffix(".npz") && !name.hasPrefix(".") && !indexes.contains(name) {
      try? fm.removeItem(at: rowsDirectory.appendingPathComponent(name))
    }
    // SGF files of games that were never committed are played (and written) again.
    let sgfs = (try? fm.contentsOfDirectory(atPath: sgfDirectory.path)) ?? []
    for name in sgfs {
      let index = Self.gameIndex(sgfName: name)
      if name.hasPrefix(".") || index.map({ !done.contains($0) }) ?? false {
        try? fm.removeItem(at: sgfDirectory.appendingPathComponent(name))
      }
    }
  }

  /// Commits `group` (finished games with their rows) as the next row file; SGF files first.
  /// - Throws: `SelfPlayError` when a file cannot be written; nothing of the group counts then.
  public func commit(_ group: [FinishedSelfPlayGame], rows: TrainingRowFile, sgf: [String], meta: JSONValue) throws {
    precondition(group.count == sgf.count)
    do {
      for (g, text) in zip(group, sgf) {
        try Self.writeAtomically(Data(text.utf8), to: sgfDirectory.appendingPathComponent(Self.sgfName(g.index)))
      }
      let name = String(format: "rows_%05d", fileCount)
      try rows.write(to: rowsDirectory.appendingPathComponent(name + ".npz"), meta: meta)
      let index = SelfPlayFileIndex(rowsFile: name + ".npz", rows: rows.rows.count, games: group.map(SelfPlayGameSummary.init))
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try Self.writeAtomically(try encoder.encode(index), to: rowsDirectory.appendingPathComponent(name + ".json"))
      games += index.games
      done.formUnion(index.games.map(\.index))
      rowCount += index.rows
      fileCount += 1
    } catch let e as SelfPlayError {
      throw e
    } catch {
      throw SelfPlayError("cannot write to \(directory.path): \(error.localizedDescription)")
    }
  }

  /// `game_0000123.sgf`.
  static func sgfName(_ index: Int) -> String { String(format: "game_%07d.sgf", index) }

  /// The game number in a record's file name, the inverse of `sgfName` (`game_0000123.sgf` ->
  /// 123; also a temporary `game_0000123.sgf.tmp-…` -> 123); nil for any other name.
  public static func gameIndex(sgfName name: String) -> Int? {
    guard name.hasPrefix("game_") else { return nil }
    let digits = name.dropFirst(5).prefix { $0.isNumber }
    guard !digits.isEmpty, name.dropFirst(5 + digits.count).hasPrefix(".sgf") else { return nil }
    return Int(digits)
  }

  /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
  static func writeAtomically(_ data: Data, to url: URL) throws {
    let tmp = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
    do {
      try data.write(to: tmp)
      if rename(tmp.path, url.path) != 0 {
        throw SelfPlayError("cannot rename \(tmp.path) to \(url.path): errno \(errno)")
      }
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw error
    }
  }
}

/// A self-play run cannot go on: a message for the user.
public struct SelfPlayError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
