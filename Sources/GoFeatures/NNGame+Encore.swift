import GoCore

/// KataGo's encore phases (territory scoring), as far as a GoCore game can reach them.
///
/// Under territory scoring KataGo does not end the game at the main phase's two passes: it
/// starts encore phase 1 (cleanup, with its own ko rules), then phase 2, and ends after that
/// phase's two passes. GoCore's `GameState` ends the game at the first two passes, so a game can
/// only be at the very start of phase 1 (no moves played in it): that is what the features see.
extension NNGame {
  /// The encore phase KataGo would be in: 1 for a territory-scored game after its two passes,
  /// else 0 (main phase).
  public var encorePhase: Int { rules.scoring == .territory && isFinished ? 1 : 0 }

  /// Turns played in the current phase: history planes stop at the start of a phase.
  public var turnsThisPhase: Int { encorePhase > 0 ? 0 : state.moves.count }

  /// Whether KataGo would consider the game over (two passes that end it, i.e. not the passes
  /// that start the encore).
  public var isOverForFeatures: Bool { isFinished && encorePhase == 0 }
}
