import ArgumentParser
import Foundation
import GoCore
import GoFormats
import GoNeuralNet
import GoNeuralNetCPU
import GoSelfPlay
import GoTrainingData

/// `tengen rows`: turns SGF files into training rows (`docs/FORMATS.md` §1), optionally
/// labelled by a teacher network (distillation). Problems with single files or games are
/// reported on stderr and skipped.
struct RowsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rows", abstract: "Write training rows (.npz) from SGF files.")

  @Option(help: "Output folder (created if missing).") var out: String
  @Option(help: "Teacher model (.bin.gz ...): label positions with its outputs.") var teacher: String?
  @Option(help: "Side of the row grid; boards larger than it are skipped.") var posLen = 19
  @Option(help: "Rules for records without a known RU (tromp-taylor, chinese, japanese, ...).")
  var rules = "tromp-taylor"
  @Option(help: "Rows per output file.") var rowsPerFile = 20_000
  @Option(help: "CPU backend threads for the teacher.") var threads = 2
  @Option(help: "Positions the teacher evaluates per batch.") var teacherBatch = 16
  @Flag(help: "The records carry a teacher's labels (TL, written by tengen selfplay with rawPolicy): rows from the labels and the game's end, no teacher needed.")
  var labelled = false
  @Argument(help: "SGF files or folders (searched recursively for .sgf).") var inputs: [String]

  func validate() throws {
    guard (2...32).contains(posLen) else { throw ValidationError("--pos-len must be 2...32") }
    guard rowsPerFile >= 1 else { throw ValidationError("--rows-per-file must be at least 1") }
    if labelled && teacher != nil { throw ValidationError("--labelled rows need no --teacher") }
    try CountLimits.check(teacherBatch, "--teacher-batch", in: CountLimits.batch)
    try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    guard Rules(preset: rules) != nil else {
      throw ValidationError("unknown rules \(rules) (\(Rules.presetNames.joined(separator: ", ")))")
    }
  }

  func run() throws {
    var extractor = SGFRowExtractor(posLen: posLen)
    extractor.teacherBatchSize = teacherBatch
    guard let fallback = Rules(preset: rules) else { throw ValidationError("unknown rules \(rules)") }
    extractor.fallbackRules = fallback
    var teacherName: String?
    if let teacher {
      OpenBLASCoreType.ensure()
      let model = try NetworkEvaluator.load(teacher)
      extractor.teacher = RawNNEvaluator(
        backend: try NetworkEvaluator.probed(CPUBackend(model: model, threads: threads), path: teacher),
        policyOptimism: 0)
      teacherName = model.name
    }
    let outURL = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
    let files = try Self.sgfFiles(inputs)
    let stamp = Self.timestamp()
    let runTag = Int64.random(in: 0...0x7FFF_FFFF)
    let tag = String(format: "%08x", runTag)
    var buffer = TrainingRowFile(posLen: posLen)
    var written = 0
    var totalRows = 0
    var games = 0
    var skipped = 0
    let meta = JSONValue.object([
      "writer": .string("tengen rows"), "version": .string("0.1.0"), "source": .string("sgf"),
      "teacher": teacherName.map(JSONValue.string) ?? .null, "created": .string(stamp),
      "labels": .bool(labelled),
      "rules_fallback": .string(rules),
    ])
    func flush() throws {
      guard !buffer.rows.isEmpty else { return }
      let name = String(format: "rows_%@_%@_%05d.npz", stamp, tag, written)
      try buffer.write(to: outURL.appendingPathComponent(name), meta: meta)
      written += 1
      totalRows += buffer.rows.count
      buffer.removeAll()
    }
    func append(_ rows: [TrainingRow]) throws {
      games += 1
      for row in rows {
        buffer.append(row)
        if buffer.rows.count >= rowsPerFile { try flush() }
      }
    }
    for file in files {
      let text: String
      do {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
      } catch {
        Self.warn("\(file): cannot read (\(error.localizedDescription)); skipped")
        continue
      }
      let trees: [SGFTree]
      do {
        trees = try SGFParser().parse(text)
      } catch {
        Self.warn("\(file): \(error); skipped")
        skipped += 1
        continue
      }
      for (k, tree) in trees.enumerated() {
        let label = trees.count > 1 ? "\(file) (game \(k + 1))" : file
        do {
          let game = try SGFGame(tree: tree)
          if labelled {
            guard game.info.width <= posLen && game.info.height <= posLen else {
              Self.warn("\(label): board larger than --pos-len \(posLen); skipped")
              skipped += 1
              continue
            }
            // A self-play record keeps its game number (game_0000123.sgf) as the rows' game
            // id, as the self-play folder's own rows have it.
            let name = (file as NSString).lastPathComponent
            let index = trees.count == 1 ? SelfPlayStore.gameIndex(sgfName: name) ?? games : games
            let id = runTag << 32 | Int64(index)
            try append(FinishedSelfPlayGame(labelled: game, index: index)
              .rows(posLen: posLen, gameID: id, shortTermFactor: SelfPlaySettings().shortTermValueFactor))
            continue
          }
          let outcome = try extractor.extract(game, gameID: runTag << 32 | Int64(games))
          if let reason = outcome.skipReason {
            Self.warn("\(label): \(reason); skipped")
            skipped += 1
            continue
          }
          try append(outcome.rows)
        } catch let error as SGFError {
          Self.warn("\(label): \(error); skipped")
          skipped += 1
        } catch let error as FinishedSelfPlayGame.LabelError {
          Self.warn("\(label): \(error); skipped")
          skipped += 1
        } catch let error as GameState.IllegalMove {
          Self.warn("\(label): illegal move in the record (\(error)); skipped")
          skipped += 1
        }
      }
    }
    try flush()
    Self.warn("\(games) games, \(totalRows) rows in \(written) files, \(skipped) skipped")
  }

  /// UTC time as `yyyyMMdd-HHmmss`, so that file names sort by age.
  static func timestamp() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd-HHmmss"
    return f.string(from: Date())
  }

  /// The `.sgf` files named or found (recursively, sorted) under the folders named.
  static func sgfFiles(_ inputs: [String]) throws -> [String] {
    var result: [String] = []
    for input in inputs {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else {
        throw ValidationError("\(input): no such file or folder")
      }
      if !isDir.boolValue {
        result.append(input)
        continue
      }
      let found = (FileManager.default.enumerator(atPath: input)?.allObjects as? [String] ?? [])
        .filter { $0.lowercased().hasSuffix(".sgf") }.sorted()
      result += found.map { (input as NSString).appendingPathComponent($0) }
    }
    return result
  }

  static func warn(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
  }
}
