import GoSearch
@testable import GoSelfPlay
import Testing

@Suite struct SelfPlaySettingsTests {
  @Test func configSetsSelfPlayAndSearchSettingsByName() throws {
    var config = ParameterSettings()
    try config.addConfig(
      """
      fullVisits = 100   # full searches
      cheapVisits = 25
      boardSizes = 9:8,7:1
      rules = chinese:3,tromp-taylor:1
      cpuctExploration = 1.1
      someOtherEnginesKey = 3
      """, file: "sp.cfg")
    try config.addOverrides("komi=6.5,reduceVisits=false")
    var s = SelfPlaySettings()
    var search = PUCTParameters()
    let warnings = try s.apply(config, search: &search)
    #expect(s.fullVisits == 100 && s.cheapVisits == 25 && s.komi == 6.5 && !s.reduceVisits)
    #expect(s.boardSizes == [WeightedChoice(9, 8), WeightedChoice(7, 1)])
    #expect(s.rules == [WeightedChoice("chinese", 3), WeightedChoice("tromp-taylor", 1)])
    #expect(search.cpuctExploration == 1.1)
    #expect(warnings.count == 1 && warnings[0].contains("sp.cfg:6") && warnings[0].contains("someOtherEnginesKey"))
    #expect(s.rowGrid == 9)
  }

  @Test func badValuesAndUnknownOverridesAreErrors() throws {
    for bad in ["fullVisits=0", "boardSizes=9:x", "rules=nonsense", "fullSearchProbability=1.5", "noSuchKey=1",
      "cheapVisits=200"]
    {
      var config = ParameterSettings()
      try config.addOverrides(bad)
      var s = SelfPlaySettings()
      var search = PUCTParameters()
      #expect(throws: ParameterError.self, "\(bad)") { try s.apply(config, search: &search) }
    }
  }

  @Test func everyListedValueReadsBack() throws {
    var s = SelfPlaySettings()
    s.boardSizes = [WeightedChoice(9, 2), WeightedChoice(13, 1)]
    s.komiStdev = 0.5
    var search = PUCTParameters()
    var copy = SelfPlaySettings()
    for (name, value) in s.values { #expect(try copy.set(name, value, search: &search), "\(name)") }
    #expect(copy == s)
  }

  @Test func searchParametersTurnTheMatchTricksOff() {
    var base = PUCTParameters()
    base.threads = 8
    base.cpuctExploration = 1.3
    let p = SelfPlaySettings.searchParameters(base)
    #expect(p.threads == 1 && !p.rootSymmetryPruning && p.rootEndingBonusPoints == 0)
    #expect(!p.rootPruneUselessMoves && !p.fillDameBeforePass && !p.useLcbForSelection && p.reuseTree)
    #expect(p.cpuctExploration == 1.3)
  }

  @Test func temperaturesDecayFromEarlyToLate() {
    let s = SelfPlaySettings()
    #expect(s.decayed(early: 0.75, late: 0.15, turns: 0, area: 81) == 0.75)
    // 19 moves on 19x19 are one half-life; on 9x9 the same happens after 9 moves.
    #expect(abs(s.decayed(early: 0.75, late: 0.15, turns: 19, area: 361) - 0.45) < 1e-12)
    #expect(abs(s.decayed(early: 0.75, late: 0.15, turns: 9, area: 81) - 0.45) < 1e-12)
    #expect(s.decayed(early: 0.75, late: 0.15, turns: 400, area: 81) - 0.15 < 1e-6)
  }
}
