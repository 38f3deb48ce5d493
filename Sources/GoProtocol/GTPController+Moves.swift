import GoCore
import GoFormats
import GoSearch

extension GTPController {
  /// `play COLOR VERTEX`: plays for either colour; illegal moves change nothing.
  func play(_ player: Player, _ vertex: GTPCommand.Vertex) throws(GTPError) -> String {
    guard let m = move(vertex) else {
      throw GTPError("illegal move", detail: "vertex off the \(game.width)x\(game.height) board")
    }
    do {
      try game.play(m, by: player)
    } catch {
      throw GTPError("illegal move", detail: "\(error)")
    }
    return ""
  }

  /// `undo`.
  func undo() throws(GTPError) -> String {
    guard game.undo() else { throw GTPError.cannotUndo }
    return ""
  }

  /// `genmove`, `kgs-genmove_cleanup` and `reg_genmove`.
  ///
  /// The engine sees the game with `player` to move and the mover's clock; the time it takes
  /// is charged to that clock. `resign` leaves the game unchanged.
  ///
  /// `decide` replaces the engine's plain `generateMove` (the analysing variants pass theirs).
  func genmove(
    _ player: Player, _ mode: GTPCommand.GenmoveMode,
    decide: ((GameState, MoveRequest) -> MoveDecision)? = nil
  ) throws(GTPError) -> String {
    // KGS resumes a game whose dead stones were disputed with cleanup moves.
    if mode == .cleanup { game.resume() }
    var view = game
    view.setToMove(player)
    let request = MoveRequest(
      timeControl: timeControl, clock: clocks[player], cleanup: mode == .cleanup,
      allowResign: mode != .cleanup)
    let start = now()
    let decision = decide?(view, request) ?? engine.generateMove(for: view, request: request)
    let elapsed = max(0, now() - start)
    guard case .move(var chosen) = decision else {
      return mode == .report ? "resign" : resign(player, elapsed: elapsed)
    }
    if let reason = view.illegality(chosen) {
      diagnostics("engine \(engine.name) chose an illegal move \(chosen) (\(reason)); passing")
      chosen = .pass
    }
    let text = GTPVertex.text(chosen, height: game.height)
    guard mode != .report else { return text }
    do {
      try game.play(chosen, by: player)
    } catch {
      throw GTPError("illegal move", detail: "engine move \(text): \(error)")
    }
    charge(player, elapsed)
    engine.ponder(game)
    return text
  }

  /// Charges a resignation's thinking time and answers `resign`.
  private func resign(_ player: Player, elapsed: Double) -> String {
    charge(player, elapsed)
    return "resign"
  }

  /// Takes `seconds` off `player`'s clock under the current time control.
  func charge(_ player: Player, _ seconds: Double) {
    guard timeControl != .none, let c = clocks[player] else { return }
    clocks[player] = c.after(move: seconds, under: timeControl)
  }
}
