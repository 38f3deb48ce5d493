import GoCore
import GoFormats
import GoSearch

extension AnalysisQuery {
  /// Reads limits, includes, restrictions, report timing and `overrideSettings`.
  mutating func decodeSettings(
    _ f: QueryFields, configuration: AnalysisConfiguration, engineParameters: Set<String>,
    width: Int, height: Int
  ) throws(AnalysisMessage) {
    var r = AnalysisRequest()
    r.pvLength = configuration.pvLength
    r.wideRootNoise = configuration.wideRootNoise
    r.ignorePreRootHistory = configuration.ignorePreRootHistory
    r.maxTime = configuration.maxTime
    let maxVisits = try f.int("maxVisits", in: 1...(1 << 50))
    let temperature = try f.double("rootPolicyTemperature", in: 0.01...100)
    let fpu = try f.double("rootFpuReductionMax", in: 0...2)
    let pvLength = try f.int("analysisPVLen", in: 1...1000)
    r.includeOwnership = try f.bool("includeOwnership") ?? false
    r.includeOwnershipStdev = try f.bool("includeOwnershipStdev") ?? false
    r.includeMovesOwnership = try f.bool("includeMovesOwnership") ?? false
    r.includeMovesOwnershipStdev = try f.bool("includeMovesOwnershipStdev") ?? false
    r.includePolicy = try f.bool("includePolicy") ?? false
    includePVVisits = try f.bool("includePVVisits") ?? false
    includeNoResultValue = try f.bool("includeNoResultValue") ?? false
    if f["avoidMoves"] != nil && f["allowMoves"] != nil {
      throw AnalysisMessage(field: "allowMoves", "Cannot specify both allowMoves and avoidMoves")
    }
    if let v = f["avoidMoves"] {
      r.restrictions = try Self.restrictions(v, field: "avoidMoves", allow: false, width, height)
    } else if let v = f["allowMoves"] {
      r.restrictions = try Self.restrictions(v, field: "allowMoves", allow: true, width, height)
    }
    r.reportInterval = try f.double("reportDuringSearchEvery", in: 0.001...1e6)
    r.firstReportAfter = try f.double("firstReportDuringSearchAfter", in: 0...1e6)
    var overrideVisits: Int?
    if let settings = f["overrideSettings"] {
      try applyOverrides(
        settings, to: &r, maxVisits: &overrideVisits, engineParameters: engineParameters)
    }
    // Query fields win over `overrideSettings`, as in KataGo.
    r.rootPolicyTemperature = temperature ?? r.rootPolicyTemperature
    r.rootFpuReductionMax = fpu ?? r.rootFpuReductionMax
    r.pvLength = pvLength ?? r.pvLength
    r.maxVisits = maxVisits ?? overrideVisits ?? (r.maxTime == nil ? configuration.maxVisits : nil)
    request = r
  }

  /// `avoidMoves`/`allowMoves`: [{"player": "B", "moves": ["D4", "pass"], "untilDepth": 1}].
  static func restrictions(
    _ value: JSONValue, field: String, allow: Bool, _ width: Int, _ height: Int
  ) throws(AnalysisMessage) -> [MoveRestriction] {
    let shape = "Must be an array of objects with \"player\", \"moves\" and \"untilDepth\""
    guard let list = value.array else { throw AnalysisMessage(field: field, shape) }
    var result: [MoveRestriction] = []
    for e in list {
      guard let o = e.object, let who = o["player"]?.string, let moves = o["moves"]?.array,
        let depthValue = o["untilDepth"]
      else { throw AnalysisMessage(field: field, shape) }
      guard let player = PositionSpec.parsePlayer(who) else {
        throw AnalysisMessage(field: field, "Could not parse player: \(who)")
      }
      guard let depth = depthValue.integer, depth >= 1 else {
        throw AnalysisMessage(field: field, "untilDepth must be a positive integer")
      }
      var set: Set<Move> = []
      for m in moves {
        guard let text = m.string, let move = GTPVertex.move(text, width: width, height: height)
        else {
          throw AnalysisMessage(
            field: field, "Could not parse board location: \(m.string ?? m.text)")
        }
        set.insert(move)
      }
      if allow && result.contains(where: { $0.player == player }) {
        throw AnalysisMessage(field: field, "Only one allowMoves entry per player is supported")
      }
      result.append(
        MoveRestriction(player: player, moves: set, untilDepth: depth, isAllowList: allow))
    }
    return result
  }

  /// `overrideSettings`: request-level settings, engine parameters, and a warning for the rest.
  mutating func applyOverrides(
    _ value: JSONValue, to r: inout AnalysisRequest, maxVisits: inout Int?,
    engineParameters: Set<String>
  ) throws(AnalysisMessage) {
    let field = "overrideSettings"
    guard let settings = value.object else {
      throw AnalysisMessage(field: field, "Must be an object")
    }
    func fail(_ key: String, _ what: String) -> AnalysisMessage {
      AnalysisMessage(field: field, "Could not set settings: \(key) must be \(what)")
    }
    func number(_ key: String, _ range: ClosedRange<Double>) throws(AnalysisMessage) -> Double {
      let v = settings[key]!
      guard let d = v.double ?? v.string.flatMap(Double.init), range.contains(d) else {
        throw fail(
          key,
          "a number from \(JSONNumber.kataGoText(range.lowerBound)) to \(JSONNumber.kataGoText(range.upperBound))"
        )
      }
      return d
    }
    var unknown: [String] = []
    for key in settings.keys.sorted() {
      let v = settings[key]!
      switch key {
      case "maxTime": r.maxTime = try number(key, 0...SearchBudget.maxSeconds)
      case "maxVisits":
        let d = try number(key, 1...Double(1 << 50))
        guard d == d.rounded() else { throw fail(key, "an integer") }
        maxVisits = Int(d)
      case "analysisPVLen":
        let d = try number(key, 1...1000)
        r.pvLength = Int(d)
      case "wideRootNoise": r.wideRootNoise = try number(key, 0...5)
      case "rootPolicyTemperature": r.rootPolicyTemperature = try number(key, 0.01...100)
      case "rootFpuReductionMax": r.rootFpuReductionMax = try number(key, 0...2)
      case "reportAnalysisWinratesAs":
        guard let p = v.string.flatMap(ReportPerspective.init(text:)) else {
          throw fail(key, "BLACK, WHITE or SIDETOMOVE")
        }
        perspective = p
      case "ignorePreRootHistory":
        switch v {
        case .bool(let b): r.ignorePreRootHistory = b
        case .string("true"): r.ignorePreRootHistory = true
        case .string("false"): r.ignorePreRootHistory = false
        default: throw fail(key, "a boolean")
        }
      default:
        if engineParameters.contains(key) {
          let text: String
          switch v {
          case .string(let s): text = s
          case .number(let n): text = n
          case .bool(let b): text = b ? "true" : "false"
          default: throw fail(key, "a string, number or boolean")
          }
          parameters.append((key, text))
        } else {
          unknown.append(key)
        }
      }
    }
    if !unknown.isEmpty {
      warnings.append(
        AnalysisMessage(field: field, "Unknown config params: " + unknown.joined(separator: ",")))
    }
  }
}
