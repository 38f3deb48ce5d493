import GoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GTPController {
  /// `time_settings`, `kgs-time_settings`, `kata-time_settings`: both clocks restart full.
  func setTimeControl(_ control: TimeControl) -> String {
    timeControl = control
    clocks = PlayerClocks(start: control)
    return ""
  }

  /// `time_left COLOR TIME STONES`: the controller's view of a clock replaces ours.
  func timeLeft(_ player: Player, seconds: Double, stones: Int) -> String {
    clocks[player] = PlayerClocks.reported(seconds: seconds, stones: stones, under: timeControl)
    return ""
  }

  /// `cputime`: processor seconds used by this process.
  func cpuTime() -> String {
    let seconds = Double(clock()) / Double(CLOCKS_PER_SEC)
    return String(Double((seconds * 1000).rounded()) / 1000)
  }
}
