import GoCore
public import GoFormats
public import GoSearch

/// Builds the protocol's JSON lines from snapshots: results, progress reports and `noResults`.
public struct AnalysisResponse: Sendable {
  /// The query id.
  public var id: String
  /// The turn analysed.
  public var turnNumber: Int
  /// Perspective of signed values.
  public var perspective: ReportPerspective
  /// Add `pvVisits`/`pvEdgeVisits`.
  public var includePVVisits = false
  /// Add each move's `noResultValue`.
  public var includeNoResultValue = false
  /// Moves in a PV after the first.
  public var pvLength = 15
  /// Which arrays to print when the snapshot has them (the query's `include*` flags; engines
  /// may fill arrays nobody asked for).
  public var includeOwnership = true
  public var includeOwnershipStdev = true
  public var includeMovesOwnership = true
  public var includeMovesOwnershipStdev = true
  public var includePolicy = true
  /// `rootInfo.thisHash` and `rootInfo.symHash`.
  public var thisHash = ""
  public var symHash = ""

  public init(id: String, turnNumber: Int, perspective: ReportPerspective) {
    self.id = id
    self.turnNumber = turnNumber
    self.perspective = perspective
  }

  /// The response for one analysed turn of `query` at `state`.
  public init(query: AnalysisQuery, turn: AnalysisQuery.Turn) {
    self.init(id: query.id, turnNumber: turn.number, perspective: query.perspective)
    includePVVisits = query.includePVVisits
    includeNoResultValue = query.includeNoResultValue
    pvLength = query.request.pvLength
    includeOwnership = query.request.includeOwnership
    includeOwnershipStdev = query.request.includeOwnershipStdev
    includeMovesOwnership = query.request.includeMovesOwnership
    includeMovesOwnershipStdev = query.request.includeMovesOwnershipStdev
    includePolicy = query.request.includePolicy
    thisHash = turn.thisHash
    symHash = turn.symHash
  }

  /// `{"id":...,"isDuringSearch":false,"noResults":true,"turnNumber":N}`.
  public var noResults: JSONValue {
    .object([
      "id": .string(id), "isDuringSearch": .bool(false), "noResults": .bool(true),
      "turnNumber": .int(turnNumber),
    ])
  }

  /// The line of a turn whose search failed (`AnalysisSnapshot.failure`), instead of its
  /// result: `{"error":"Search failed: REASON","id":...,"turnNumber":N}`.
  public func failure(_ reason: String) -> JSONValue {
    .object([
      "error": .string("Search failed: \(reason)"), "id": .string(id), "turnNumber": .int(turnNumber),
    ])
  }

  /// A result (`isDuringSearch` false) or progress report (true) for `snapshot`.
  public func json(_ snapshot: AnalysisSnapshot, isDuringSearch: Bool) -> JSONValue {
    let sign = perspective.sign(toMove: snapshot.toMove)
    let h = snapshot.height
    let w = snapshot.width
    func vertex(_ m: Move) -> JSONValue { .string(GTPVertex.text(m, height: h)) }
    func signed(_ v: Double) -> JSONValue { .float(v * sign) }
    func rate(_ v: Double) -> JSONValue { .float(sign > 0 ? v : 1 - v) }
    func grid(_ values: [Double], signed isSigned: Bool) -> JSONValue {
      .array(values.map { .float(isSigned ? $0 * sign : $0) })
    }
    var out: [String: JSONValue] = [
      "id": .string(id), "isDuringSearch": .bool(isDuringSearch), "turnNumber": .int(turnNumber),
    ]
    out["moveInfos"] = .array(
      snapshot.moveInfos.sorted { $0.order < $1.order }.map { m in
        var o: [String: JSONValue] = [
          "move": vertex(m.move), "visits": .int(m.visits), "edgeVisits": .int(m.edgeVisits),
          "weight": .float(m.weight), "edgeWeight": .float(m.edgeWeight),
          "utility": signed(m.utility), "winrate": rate(m.winrate),
          "scoreLead": signed(m.scoreLead), "scoreMean": signed(m.scoreLead),
          "scoreSelfplay": signed(m.scoreSelfplay), "scoreStdev": .float(m.scoreStdev),
          "prior": .float(m.prior), "lcb": rate(m.lcb), "utilityLcb": signed(m.utilityLcb),
          "playSelectionValue": .float(m.playSelectionValue), "order": .int(m.order),
          "pv": .array(m.pv.prefix(pvLength + 1).map(vertex)),
        ]
        if let s = m.isSymmetryOf { o["isSymmetryOf"] = vertex(s) }
        if includePVVisits {
          o["pvVisits"] = .array(m.pvVisits.prefix(pvLength + 1).map { .int($0) })
          o["pvEdgeVisits"] = .array(m.pvEdgeVisits.prefix(pvLength + 1).map { .int($0) })
        }
        if includeNoResultValue { o["noResultValue"] = .float(m.noResult) }
        if includeMovesOwnership, let own = m.ownership { o["ownership"] = grid(own, signed: true) }
        if includeMovesOwnershipStdev, let sd = m.ownershipStdev {
          o["ownershipStdev"] = grid(sd, signed: false)
        }
        return .object(o)
      })
    let r = snapshot.rootInfo
    var root: [String: JSONValue] = [
      "visits": .int(r.visits), "weight": .float(r.weight), "utility": signed(r.utility),
      "winrate": rate(r.winrate), "scoreLead": signed(r.scoreLead),
      "scoreSelfplay": signed(r.scoreSelfplay), "scoreStdev": .float(r.scoreStdev),
      "currentPlayer": .string(snapshot.toMove == .black ? "B" : "W"),
      "thisHash": .string(thisHash), "symHash": .string(symHash),
    ]
    if let raw = r.raw {
      root["rawWinrate"] = rate(raw.winrate)
      root["rawLead"] = signed(raw.lead)
      root["rawScoreSelfplay"] = signed(raw.scoreSelfplay)
      root["rawScoreSelfplayStdev"] = .float(raw.scoreSelfplayStdev)
      root["rawNoResultProb"] = .float(raw.noResultProb)
      root["rawStWrError"] = .float(raw.stWrError / 2)
      root["rawStScoreError"] = .float(raw.stScoreError)
      root["rawVarTimeLeft"] = .float(raw.varTimeLeft)
    }
    out["rootInfo"] = .object(root)
    if includeOwnership, let own = snapshot.ownership, own.count == w * h {
      out["ownership"] = grid(own, signed: true)
    }
    if includeOwnershipStdev, let sd = snapshot.ownershipStdev, sd.count == w * h {
      out["ownershipStdev"] = grid(sd, signed: false)
    }
    if includePolicy, let policy = snapshot.policy { out["policy"] = grid(policy, signed: false) }
    return .object(out)
  }
}
