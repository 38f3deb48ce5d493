import GoCore
import GoFormats
import GoSearch

/// The analysis commands: streams of `lz-analyze`/`kata-analyze`/`analyze`, the searches of the
/// `*genmove_analyze` and `kata-search*` families, and the search parameters.
extension GTPController {
  /// PV moves after the first in GTP analysis lines (KataGo's GTP default).
  static let analysisPVLength = 13

  /// Carries out one analysis command.
  func runAnalysis(_ command: GTPAnalysisCommand) throws(GTPError) -> GTPReply {
    switch command {
    case .analyze(let dialect, let player, let options):
      return .stream(try analysisStream(dialect, player, options))
    case .genmoveAnalyze(let dialect, let player, let options, let mode):
      return .stream(try searchStream(dialect, player ?? game.toMove, options, mode))
    case .search(let player, let cancellable):
      let who = player ?? game.toMove
      guard cancellable else { return .success(try genmove(who, .report)) }
      return .stream(cancellableSearch(who))
    case .listParams:
      return .success(try analyzingEngine().parameterValues.map(\.name).joined(separator: " "))
    case .getParam(let name):
      guard let p = try analyzingEngine().parameterValues.first(where: { $0.name == name }) else {
        throw GTPError("Unknown parameter: \(name)")
      }
      return .success(p.value)
    case .setParam(let name, let value):
      let engine = try analyzingEngine()
      do throws(ParameterError) {
        try engine.setParameter(name, value)
      } catch {
        throw GTPError(error.message)
      }
      return .success("")
    case .getParams:
      return .success(Self.json(try analyzingEngine().parameterValues))
    case .setParams(let json):
      try setParameters(json)
      return .success("")
    }
  }

  /// The engine as an analysing one, or the error every analysis command gives without it.
  func analyzingEngine() throws(GTPError) -> any AnalyzingEngine {
    guard let a = engine as? any AnalyzingEngine else {
      throw GTPError("engine \(engine.name) cannot analyse positions")
    }
    return a
  }

  /// The engine's request for `options`; avoid/allow vertices must lie on the board.
  func analysisRequest(_ options: GTPAnalysisOptions) throws(GTPError) -> AnalysisRequest {
    var r = AnalysisRequest()
    r.reportInterval = options.interval
    r.minMoves = options.minMoves
    r.maxMoves = options.maxMoves
    r.pvLength = Self.analysisPVLength
    r.includeOwnership = options.ownership
    r.includeOwnershipStdev = options.ownershipStdev
    r.includeMovesOwnership = options.movesOwnership
    r.includeMovesOwnershipStdev = options.movesOwnershipStdev
    for x in options.restrictions {
      var moves: Set<Move> = []
      for v in x.vertices {
        guard let m = move(v) else {
          throw GTPError(
            "Could not parse analyze arguments or arguments out of range: "
              + "'vertex off the \(game.width)x\(game.height) board'")
        }
        moves.insert(m)
      }
      r.restrictions.append(
        MoveRestriction(
          player: x.player, moves: moves, untilDepth: x.untilDepth, isAllowList: x.isAllowList))
    }
    return r
  }

  /// `lz-analyze`, `kata-analyze`, `analyze`: lines every interval until the next input.
  private func analysisStream(
    _ dialect: GTPAnalysisCommand.Dialect, _ player: Player?, _ options: GTPAnalysisOptions
  ) throws(GTPError) -> AnalysisStream {
    let request = try analysisRequest(options)
    // The stream's thread uses the engine while the server waits for the stream.
    let engine = UnsafeTransfer(try analyzingEngine())
    var view = game
    if let player { view.setToMove(player) }
    let state = view
    let formatter = AnalysisFormatter(dialect: dialect, options: options)
    return AnalysisStream(
      ending: .input,
      work: { emit, _ in
        _ = engine.value.analyze(state, request: request) { emit(formatter.line($0)) }
      },
      cancel: { engine.value.stop() })
  }

  /// The `*genmove_analyze` and `kata-search_analyze*` commands: lines every interval, then
  /// `play VERTEX` (`play cancelled` when input interrupts the cancellable one).
  private func searchStream(
    _ dialect: GTPAnalysisCommand.Dialect, _ player: Player, _ options: GTPAnalysisOptions,
    _ mode: GTPAnalysisCommand.SearchMode
  ) throws(GTPError) -> AnalysisStream {
    let request = try analysisRequest(options)
    let engine = UnsafeTransfer(try analyzingEngine())
    let formatter = AnalysisFormatter(dialect: dialect, options: options)
    // The controller is only used while the server waits for the stream (or for input, which
    // it handles after stopping the stream).
    let controller = UnsafeTransfer(self)
    return AnalysisStream(
      ending: mode == .searchCancellable ? .completionOrInput : .completion,
      work: { emit, isCancelled in
        let c = controller.value
        do throws(GTPError) {
          let text = try c.genmove(player, mode == .play ? .play : .report) { view, moveRequest in
            engine.value.generateMove(for: view, request: moveRequest, analysis: request) {
              emit(formatter.line($0))
            }
          }
          emit("play " + (mode == .searchCancellable && isCancelled() ? "cancelled" : text))
        } catch {
          c.diagnostics("genmove_analyze: \(error.message) \(error.detail ?? "")")
        }
      },
      cancel: { engine.value.stop() })
  }

  /// `kata-search_cancellable`: `= VERTEX`, or `= cancelled` when input interrupts it.
  private func cancellableSearch(_ player: Player) -> AnalysisStream {
    // Both are used only while the server waits for the stream (see genmoveAnalyze).
    let controller = UnsafeTransfer(self)
    let engine = UnsafeTransfer(engine)
    return AnalysisStream(
      ending: .completionOrInput, sharesHeaderLine: true,
      work: { emit, isCancelled in
        let c = controller.value
        do throws(GTPError) {
          let text = try c.genmove(player, .report)
          emit(isCancelled() ? "cancelled" : text)
        } catch {
          c.diagnostics("kata-search_cancellable: \(error.message) \(error.detail ?? "")")
          emit("cancelled")
        }
      },
      cancel: { engine.value.stop() })
  }

  /// `kata-set-params`: every key of a JSON object, all or none.
  private func setParameters(_ json: String) throws(GTPError) {
    let engine = try analyzingEngine()
    guard let object = (try? JSONParser.parse(json))?.object else {
      throw GTPError("expected a JSON object of parameters")
    }
    var values: [(name: String, text: String)] = []
    for name in object.keys.sorted() {
      guard let text = Self.parameterText(object[name]!) else {
        throw GTPError("expected a JSON object of parameters")
      }
      values.append((name, text))
    }
    let before = engine.parameterValues
    for (name, text) in values {
      do throws(ParameterError) {
        try engine.setParameter(name, text)
      } catch {
        for p in before { try? engine.setParameter(p.name, p.value) }
        throw GTPError(error.message)
      }
    }
  }

  /// The text `setParameter` takes for one member of a `kata-set-params` object: `true` or
  /// `false`, an integer as written, another number as Swift prints the double (`0.1`, `5.0`),
  /// `none` for `null`, a string as it is; nil for an array or object.
  static func parameterText(_ value: JSONValue) -> String? {
    switch value {
    case .null: return "none"
    case .bool(let b): return b ? "true" : "false"
    case .number(let text): return Int(text).map(String.init) ?? value.double.map { "\($0)" }
    case .string(let s): return s
    case .array, .object: return nil
    }
  }

  /// Parameters as a JSON object in the engine's table order: values that are JSON numbers
  /// or booleans bare, other text quoted.
  static func json(_ values: [(name: String, value: String)]) -> String {
    JSONWriter.objectText(
      values.map { p in
        let bare = JSONValue(numberText: p.value) ?? Bool(p.value).map(JSONValue.bool)
        return (p.name, bare ?? .string(p.value))
      })
  }
}
