public import GoCore

/// Both players' clocks as the controller knows them (nil: nothing known yet).
public struct PlayerClocks: Equatable, Sendable {
  public var black: ClockState?
  public var white: ClockState?

  public init(black: ClockState? = nil, white: ClockState? = nil) {
    self.black = black
    self.white = white
  }

  /// Full clocks for both players at the start of a game under `control`.
  public init(start control: TimeControl) {
    if control == .none {
      self.init()
    } else {
      self.init(black: ClockState(start: control), white: ClockState(start: control))
    }
  }

  /// The clock of `player`.
  public subscript(player: Player) -> ClockState? {
    get { player == .black ? black : white }
    set { if player == .black { black = newValue } else { white = newValue } }
  }

  /// The clock a `time_left COLOR TIME STONES` report describes under `control`.
  ///
  /// `stones == 0` means the player is still in main time. Otherwise the player is in
  /// overtime: Canadian reports the time left for `stones` stones, and KGS byo-yomi reports
  /// the time left in the current period and `stones` periods left.
  public static func reported(
    seconds: Double, stones: Int, under control: TimeControl
  ) -> ClockState {
    guard stones > 0 else { return ClockState(mainTime: seconds) }
    _ = control  // Canadian and byo-yomi reports have the same shape.
    return ClockState(mainTime: 0, periodTime: seconds, count: stones, inOvertime: true)
  }
}
