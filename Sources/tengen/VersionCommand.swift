import ArgumentParser

/// `tengen version`: prints the engine version.
struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Print the version.")

  func run() {
    print("Tengen 0.1.0")
  }
}
