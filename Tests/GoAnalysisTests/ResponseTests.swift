import Foundation
import GoCore
import GoFormats
import GoSearch
import Testing

@testable import GoAnalysis

@Suite struct ResponseTests {
  /// A snapshot with White to move, everything requested.
  func whiteToMove() -> (GameState, AnalysisSnapshot) {
    var state = GameState(size: 3)
    try! state.play(.play(Point(x: 0, y: 0)))
    var request = AnalysisRequest()
    request.includeOwnership = true
    request.includeMovesOwnership = true
    request.includePolicy = true
    return (state, ScriptedEngine.snapshot(state, visits: 10, request: request))
  }

  func object(_ v: JSONValue) -> [String: Any] {
    try! JSONSerialization.jsonObject(with: Data(v.text.utf8)) as! [String: Any]
  }

  @Test func blackPerspectiveFlipsEverySignedValueWhenWhiteIsToMove() {
    let (state, snap) = whiteToMove()
    var response = AnalysisResponse(id: "q", turnNumber: 1, perspective: .black)
    response.thisHash = PositionHash.this(state)
    let o = object(response.json(snap, isDuringSearch: false))
    let root = o["rootInfo"] as! [String: Any]
    #expect(root["winrate"] as! Double == 0.4)
    #expect(root["scoreLead"] as! Double == -2.5)
    #expect(root["scoreSelfplay"] as! Double == -3)
    #expect(root["utility"] as! Double == -0.2)
    #expect(root["scoreStdev"] as! Double == 10)
    #expect(root["currentPlayer"] as! String == "W")
    #expect(root["rawWinrate"] as! Double == 0.3)
    #expect(root["rawLead"] as! Double == -1.5)
    #expect(root["rawScoreSelfplay"] as! Double == -2)
    #expect(root["rawNoResultProb"] as! Double == 0.01)
    #expect(root["rawStWrError"] as! Double == 0.1)
    #expect(root["rawStScoreError"] as! Double == 0.5)
    #expect(root["rawVarTimeLeft"] as! Double == 3)
    let first = (o["moveInfos"] as! [[String: Any]])[0]
    #expect(first["move"] as! String == "B3")
    #expect(first["winrate"] as! Double == 0.4)
    #expect(first["lcb"] as! Double == 0.45)
    #expect(first["scoreLead"] as! Double == -2.5)
    #expect(first["scoreMean"] as! Double == -2.5)
    #expect(first["utilityLcb"] as! Double == -0.1)
    #expect(first["prior"] as! Double == 0.5)
    #expect(first["pv"] as! [String] == ["B3", "pass"])
    #expect(first["ownership"] as! [Double] == Array(repeating: -0.25, count: 9))
    #expect(first["pvVisits"] == nil)
    #expect(o["ownership"] as! [Double] == Array(repeating: -0.5, count: 9))
    // The policy is not perspective-dependent.
    #expect((o["policy"] as! [Double]).count == 10)
    #expect((o["policy"] as! [Double])[9] == 0.1)
    #expect(o["isDuringSearch"] as! Bool == false)
    #expect(o["turnNumber"] as! Int == 1)
  }

  @Test func sideToMoveAndWhiteKeepWhiteToMoveValues() {
    let (_, snap) = whiteToMove()
    for p in [ReportPerspective.sideToMove, .white] {
      let o = object(
        AnalysisResponse(id: "q", turnNumber: 1, perspective: p).json(snap, isDuringSearch: true))
      let root = o["rootInfo"] as! [String: Any]
      #expect(root["winrate"] as! Double == 0.6)
      #expect(root["scoreLead"] as! Double == 2.5)
      #expect(o["ownership"] as! [Double] == Array(repeating: 0.5, count: 9))
      #expect(o["isDuringSearch"] as! Bool == true)
    }
  }

  @Test func optionalFieldsFollowTheFlags() {
    let (_, snap) = whiteToMove()
    var response = AnalysisResponse(id: "q", turnNumber: 0, perspective: .black)
    response.includePVVisits = true
    response.includeNoResultValue = true
    response.pvLength = 0
    let first =
      (object(response.json(snap, isDuringSearch: false))["moveInfos"] as! [[String: Any]])[0]
    #expect(first["pv"] as! [String] == ["B3"])
    #expect(first["pvVisits"] as! [Int] == [10])
    #expect(first["pvEdgeVisits"] as! [Int] == [10])
    #expect(first["noResultValue"] as! Double == 0)
  }

  @Test func arraysAppearOnlyWhenTheQueryAskedForThem() throws {
    let (_, snap) = whiteToMove()
    let q = try decode(
      #"{"id":"q","rules":"chinese","boardXSize":3,"boardYSize":3,"moves":[["B","A3"]],"includePolicy":true}"#
    )
    let o = object(AnalysisResponse(query: q, turn: q.turns[0]).json(snap, isDuringSearch: false))
    #expect(o["ownership"] == nil)
    #expect(o["policy"] != nil)
    #expect((o["moveInfos"] as! [[String: Any]])[0]["ownership"] == nil)
    let root = o["rootInfo"] as! [String: Any]
    #expect(root["thisHash"] as? String == PositionHash.this(q.turns[0].state))
    #expect(root["symHash"] as? String == PositionHash.symmetric(q.turns[0].state))
  }

  @Test func keysAreAlphabeticalAtEveryLevel() {
    let (_, snap) = whiteToMove()
    let text = AnalysisResponse(id: "q", turnNumber: 0, perspective: .black).json(
      snap, isDuringSearch: false
    ).text
    #expect(
      text.hasPrefix(
        "{\"id\":\"q\",\"isDuringSearch\":false,\"moveInfos\":[{\"edgeVisits\":10,\"edgeWeight\":10.0,\"lcb\":0.45,"
      ))
    #expect(text.contains("\"rootInfo\":{\"currentPlayer\":\"W\",\"rawLead\":-1.5,"))
    #expect(text.hasSuffix(",\"winrate\":0.4},\"turnNumber\":0}"))
  }

  @Test func noResultsLine() {
    #expect(
      AnalysisResponse(id: "a", turnNumber: 3, perspective: .black).noResults.text
        == #"{"id":"a","isDuringSearch":false,"noResults":true,"turnNumber":3}"#)
  }

  @Test func hashesAre32HexDigitsAndSymHashIgnoresSymmetry() {
    var a = GameState(size: 9)
    try! a.play(.play(Point(x: 2, y: 2)))
    var b = GameState(size: 9)
    try! b.play(.play(Point(x: 6, y: 6)))
    var c = GameState(size: 9)
    try! c.play(.play(Point(x: 2, y: 3)))
    let hex = Set("0123456789ABCDEF")
    for s in [a, b, c] {
      #expect(PositionHash.this(s).count == 32 && PositionHash.this(s).allSatisfy(hex.contains))
    }
    #expect(PositionHash.this(a) != PositionHash.this(b))
    #expect(PositionHash.symmetric(a) == PositionHash.symmetric(b))
    #expect(PositionHash.symmetric(a) != PositionHash.symmetric(c))
    var d = a
    d.setToMove(.black)
    #expect(PositionHash.this(a) != PositionHash.this(d))
  }
}
