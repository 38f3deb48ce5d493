import Foundation
import GoCore
import GoMatch
import GoSearch

/// A fresh folder name under the temporary directory for one test's match records.
func temporaryMatchDirectory(_ prefix: String) -> String {
  FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
}

extension MatchRunner.Configuration {
  /// A small match for tests: 5x5, Chinese rules at `komi`, writing to `dir`.
  static func small(
    dir: String, komi: Double = 0.5, games: Int = 1, openingMoves: Int = 0, timeControl: TimeControl = .none
  ) -> MatchRunner.Configuration {
    var config = MatchRunner.Configuration()
    config.width = 5
    config.height = 5
    config.rules = Rules.chinese.withKomi(komi)
    config.games = games
    config.openingMoves = openingMoves
    config.timeControl = timeControl
    config.outputDirectory = dir
    return config
  }
}
