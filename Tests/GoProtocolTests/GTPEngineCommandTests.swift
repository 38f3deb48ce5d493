import GoCore
import GoProtocol
import GoSearch
import Testing

@Suite struct GTPEngineCommandTests {
  @Test func genmovePlaysTheEngineMoveForTheRequestedColour() {
    let (c, engine, _) = makeController(size: 9)
    engine.script = [.move(.play(Point(x: 4, y: 4)))]
    #expect(c.ok("genmove w") == "E5")
    #expect(c.game.board[Point(x: 4, y: 4)] == .white)
    #expect(c.game.moves.last?.player == .white)
    #expect(c.game.toMove == .black)
    engine.script = [.move(.pass)]
    // A pass is written in capitals, as GNU Go writes it (Kigo compares with "PASS").
    #expect(c.ok("genmove b") == "PASS")
    #expect(c.game.consecutivePasses == 1)
  }

  @Test func resignLeavesTheGameUnchanged() {
    let (c, engine, _) = makeController()
    engine.script = [.resign]
    let before = ControllerSnapshot(c)
    #expect(c.ok("genmove b") == "resign")
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func regGenmoveOnlyReports() {
    let (c, engine, _) = makeController()
    engine.script = [.move(.play(Point(x: 2, y: 6)))]
    let before = ControllerSnapshot(c)
    #expect(c.ok("reg_genmove b") == "C3")
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func anIllegalEngineMoveBecomesAPassAndIsLogged() {
    var log: [String] = []
    let (c, engine, _) = makeController(log: { log.append($0) })
    _ = c.ok("play b E5")
    engine.script = [.move(.play(Point(x: 4, y: 4)))]
    #expect(c.ok("genmove w") == "PASS")
    #expect(log.contains { $0.contains("illegal move") })
  }

  @Test func cleanupForbidsResigningAndSaysSo() {
    let (c, engine, _) = makeController()
    #expect(c.ok("kgs-genmove_cleanup b") != nil)
    #expect(engine.requests.last?.cleanup == true)
    #expect(engine.requests.last?.allowResign == false)
    _ = c.ok("genmove w")
    #expect(engine.requests.last?.cleanup == false)
  }

  @Test func cleanupResumesAGameEndedByPasses() {
    // KGS asks for cleanup moves after both passed and the dead stones were disputed.
    let (c, engine, _) = makeController(size: 9)
    _ = c.ok("play b E5")
    _ = c.ok("play w pass")
    _ = c.ok("play b pass")
    #expect(c.game.isOver)
    engine.script = [.move(.play(Point(x: 2, y: 2)))]
    #expect(c.ok("kgs-genmove_cleanup w") == "C7")
    #expect(!c.game.isOver && c.game.board[Point(x: 2, y: 2)] == .white)
    #expect(c.game.moves.count == 4)
  }

  @Test func clocksReachTheEngineAndAreCharged() {
    let (c, engine, _) = makeController()
    engine.thinkingTime = 4
    #expect(c.ok("time_settings 300 30 5") == "")
    #expect(c.timeControl == .canadian(main: 300, period: 30, stones: 5))
    _ = c.ok("genmove b")
    #expect(engine.requests.last?.clock?.mainTime == 300)
    #expect(c.clocks.black?.mainTime == 296)
    #expect(c.ok("time_left w 20 3") == "")
    _ = c.ok("genmove w")
    let w = engine.requests.last?.clock
    #expect(w?.inOvertime == true && w?.periodTime == 20 && w?.count == 3)
    #expect(c.clocks.white?.count == 2 && c.clocks.white?.periodTime == 16)
    #expect(c.ok("kgs-time_settings byoyomi 0 10 3") == "")
    #expect(c.clocks.black == ClockState(mainTime: 0, periodTime: 10, count: 3, inOvertime: true))
    #expect(c.ok("time_left b 7 2") == "")
    #expect(c.clocks.black?.count == 2 && c.clocks.black?.periodTime == 7)
    #expect(c.ok("kgs-time_settings none") == "")
    #expect(c.timeControl == TimeControl.none && c.clocks.black == nil)
    #expect(c.ok("kata-time_settings fischer 60 5") == "")
    _ = c.ok("genmove b")
    #expect(c.clocks.black?.mainTime == 61)
    #expect(c.ok("kata-list_time_settings") == "none absolute byoyomi canadian fischer")
  }

  @Test func finalScoreRemovesTheEngineDeadStones() {
    let (c, engine, _) = makeController(size: 5, rules: .trompTaylor.withKomi(0.5))
    for line in ["play b C1", "play b C2", "play b C3", "play b C4", "play b C5", "play w E3"] {
      _ = c.ok(line)
    }
    // Black owns A–C (15 points); D–E is shared with White's lone stone (1 point).
    #expect(c.ok("final_score") == "B+13.5")
    engine.dead = [Point(x: 4, y: 2)]
    // The judgement is cached per position until clear_cache (or the position changes).
    #expect(c.ok("final_score") == "B+13.5")
    #expect(c.ok("clear_cache") == "")
    #expect(c.ok("final_score") == "B+24.5")
    #expect(c.ok("final_status_list dead") == "E3")
    #expect(c.ok("final_status_list alive") == "C5 C4 C3 C2 C1")
    #expect(c.ok("final_status_list seki") == "")
  }

  /// An engine that cannot judge dead stones (its evaluator failed) makes the scoring
  /// commands fail with the reason, instead of counting every stone alive.
  @Test func scoringCommandsReportAFailedDeadStoneJudgement() {
    struct Broken: Error, CustomStringConvertible { var description: String { "backend broken" } }
    let (c, engine, _) = makeController(size: 5)
    _ = c.ok("play b C3")
    engine.deadStonesFailure = Broken()
    for command in ["final_score", "final_status_list dead", "final_status C3", "estimate_score"] {
      #expect(c.error(command) == "cannot judge dead stones: backend broken", "\(command)")
    }
    engine.deadStonesFailure = nil
    #expect(c.ok("final_score") != nil)  // a failure is not cached
  }

  @Test func deadStonesAreJudgedOncePerPosition() {
    let engine = CountingEngine()
    let (c, _, _) = makeController(size: 5, engine: engine)
    _ = c.ok("play b C3")
    _ = c.ok("final_score")
    _ = c.ok("final_status_list dead")
    _ = c.ok("final_status_list alive")
    #expect(engine.deadStoneCalls == 1)
    _ = c.ok("play w D4")
    _ = c.ok("final_score")
    #expect(engine.deadStoneCalls == 2)
  }

  @Test func chainsTouchingNeutralPointsAreListedAsSeki() {
    let (c, _, _) = makeController(size: 5)
    // Black A1 and the White wall share the neutral points B1–E1; rows 3–5 are White's.
    #expect(c.ok("set_position b A1 w A2 w B2 w C2 w D2 w E2") == "")
    #expect(c.ok("final_status_list seki") == "A2 B2 C2 D2 E2\nA1")
    #expect(c.ok("final_status_list alive") == "")
    #expect(c.ok("final_status_list dead") == "")
  }

  @Test func rulesCommandsSetAndReport() {
    let (c, _, _) = makeController()
    _ = c.ok("komi 5.5")
    #expect(c.ok("kata-set-rules japanese") == "")
    #expect(c.game.rules == Rules.japanese.withKomi(5.5))
    #expect(c.ok("kata-get-rules") == """
      {"friendlyPassOk":false,"hasButton":false,"ko":"SIMPLE","scoring":"TERRITORY","suicide":false,"tax":"SEKI","whiteHandicapBonus":"0"}
      """)
    #expect(c.ok(#"kata-set-rules {"ko": "SITUATIONAL", "scoring": "AREA"}"#) == "")
    #expect(c.game.rules.ko == .situational && c.game.rules.tax == .none)
    #expect(c.ok("kata-set-rules koSIMPLEscoreAREAtaxALLsui0") == "")
    #expect(c.game.rules.tax == .all && c.game.rules.komi == 5.5)
    #expect(c.ok("kata-set-rule hasButton true") == "")
    #expect(c.game.rules.hasButton)
    #expect(c.ok("kgs-rules new_zealand") == "")
    #expect(c.game.rules == Rules.newZealand.withKomi(5.5))
    let before = ControllerSnapshot(c)
    #expect(c.error("kata-set-rules tromp") != nil)
    #expect(c.error(#"kata-set-rules {"komi": 7}"#) != nil)
    #expect(c.error("kata-set-rule tax HEAVY") != nil)
    #expect(ControllerSnapshot(c) == before)
  }

  @Test func miscellaneousExtensions() {
    let (c, engine, _) = makeController()
    #expect(c.ok("kgs-game_over") == "")
    #expect(c.error("kgs-chat private Someone hello there") == "I'm a go bot, not a chat bot.")
    #expect(Double(c.ok("cputime") ?? "x") != nil)
    #expect(c.ok("stop") == "")
    #expect(c.ok("clear_cache") == "")
    #expect(engine.clears == 1)
    #expect(!c.isQuitting)
    #expect(c.ok("quit") == "")
    #expect(c.isQuitting)
  }
}

