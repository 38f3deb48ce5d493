public import Foundation
public import GoSearch
import GoFormats

/// KataGo's JSON analysis engine: one query per input line, results as JSON lines, any number
/// of queries analysed at a time by a fixed pool of engines.
///
/// Lines are handled in order on the caller's thread: actions are answered at once, queries
/// are decoded (errors and warnings printed at once) and their turns queued. Results come from
/// the worker threads whenever they finish, one JSON object per line, never interleaved.
public final class AnalysisServer: @unchecked Sendable {
  /// The settings every query starts from.
  public let configuration: AnalysisConfiguration
  private let output: @Sendable (String) -> Void
  private let outputLock = NSLock()
  private(set) var scheduler: AnalysisScheduler!
  /// Names `overrideSettings` may set on the engines (besides the request's own settings).
  private let engineParameters: Set<String>

  /// A server with `configuration.threads` engines from `makeEngine`, writing each JSON line
  /// (without its newline) to `output`.
  public init(
    configuration: AnalysisConfiguration, makeEngine: () -> any AnalyzingEngine,
    output: @escaping @Sendable (String) -> Void
  ) {
    self.configuration = configuration
    self.output = output
    let engines = (0..<max(1, configuration.threads)).map { _ in makeEngine() }
    engineParameters = Set(engines[0].parameterValues.map(\.name))
    scheduler = AnalysisScheduler(engines: engines) { [weak self] job, engine in
      self?.analyse(job, on: engine)
    }
  }

  /// Serves stdin-like `input` until its end, writes results to `output` and diagnostics to
  /// `errors`; returns when all queued work is done. The entry point of `tengen analysis`.
  public static func run(
    configuration: AnalysisConfiguration, makeEngine: () -> any AnalyzingEngine,
    input: FileHandle = .standardInput, output: FileHandle = .standardOutput,
    errors: FileHandle = .standardError
  ) {
    let sink = LockedHandle(output)
    let server = AnalysisServer(configuration: configuration, makeEngine: makeEngine) {
      sink.write($0 + "\n")
    }
    errors.write(Data("Started, ready to begin handling requests\n".utf8))
    var reader = LineReader(input)
    while let line = reader.nextLine() {
      switch line {
      case .text(let text): server.handle(text)
      case .tooLong(let bytes): server.refuseLine(bytes: bytes, limit: reader.maxLineBytes)
      }
    }
    server.finish()
  }

  /// Answers an input line too long to read (`LineReader`'s limit) with an error line, as for
  /// a line that is not JSON; its text is not echoed.
  public func refuseLine(bytes: Int, limit: Int) {
    emit(
      .object([
        "error": .string(
          "input line of \(bytes) bytes is longer than the limit of \(limit) bytes - could not parse input line as json request")
      ]))
  }

  /// Handles one input line.
  public func handle(_ line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return }
    let value: JSONValue
    do {
      value = try JSONParser.parse(trimmed)
    } catch {
      emit(
        .object([
          "error": .string(
            "\(error.message) - could not parse input line as json request: \(trimmed)")
        ]))
      return
    }
    guard let fields = value.object else {
      emit(
        .object([
          "error": .string(
            "Request line was valid json but was not an object, ignoring: \(trimmed)")
        ]))
      return
    }
    guard let id = fields["id"]?.string else {
      emit(.object(["error": .string("Request must have a string \"id\" field")]))
      return
    }
    if let action = fields["action"] {
      handleAction(action, id: id, fields: fields)
      return
    }
    let query: AnalysisQuery
    do {
      query = try AnalysisQuery.decode(
        id: id, fields: fields, configuration: configuration, engineParameters: engineParameters)
    } catch {
      emit(error.errorJSON(id: id))
      return
    }
    for w in query.warnings { emit(w.warningJSON(id: id)) }
    scheduler.submit(query)
  }

  /// Finishes the queued work and stops the workers (end of input).
  public func finish() { scheduler.finish() }

  /// Writes one JSON line.
  func emit(_ value: JSONValue) {
    let text = value.text
    outputLock.lock()
    output(text)
    outputLock.unlock()
  }

  /// Runs one job on `engine` and writes its progress reports and final result.
  private func analyse(_ job: AnalysisJob, on engine: any AnalyzingEngine) {
    let query = job.query
    var restore: [(String, String)] = []
    if !query.parameters.isEmpty {
      var current: [String: String] = [:]
      for p in engine.parameterValues { current[p.name] = p.value }
      for (name, value) in query.parameters {
        do {
          try engine.setParameter(name, value)
          restore.append((name, current[name] ?? value))
        } catch {
          for (n, v) in restore.reversed() { try? engine.setParameter(n, v) }
          job.finished.store(true, ordering: .sequentiallyConsistent)
          emit(
            AnalysisMessage(field: "overrideSettings", "Could not set settings: \(error.message)")
              .errorJSON(id: query.id))
          return
        }
      }
    }
    var request = query.request
    if job.terminated.load(ordering: .sequentiallyConsistent) {
      request.maxVisits = 1
      request.reportInterval = nil
    }
    let response = job.response
    let state = job.turn.state
    let final = engine.analyze(state, request: request) { [weak self] snapshot in
      guard let self else { return }
      let line = response.json(snapshot, isDuringSearch: true).text
      self.outputLock.lock()
      if !job.finished.load(ordering: .sequentiallyConsistent) { self.output(line) }
      self.outputLock.unlock()
    }
    // A failed search (a refused search thread, the network's error) answers with an error
    // line for the turn: every turn gets exactly one final line.
    let line = (final.failure.map(response.failure) ?? response.json(final, isDuringSearch: false)).text
    outputLock.lock()
    job.finished.store(true, ordering: .sequentiallyConsistent)
    output(line)
    outputLock.unlock()
    for (n, v) in restore.reversed() { try? engine.setParameter(n, v) }
  }
}
