import ArgumentParser
import GoFormats
import GoProtocol

/// `tengen version`: prints the engine version, then what `tengen gtp` answers to GTP
/// `version` (a Leela Zero version level Lizzie accepts, with Tengen's version after `+`).
struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Print the version.")

  func run() {
    print(TengenVersion.displayName)
    let gtp = GTPConfiguration.gtpVersion
    print("GTP version reply: \(gtp) (Leela Zero 0.17 dialect level, for Lizzie)")
  }
}
