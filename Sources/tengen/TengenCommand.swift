import ArgumentParser

/// The `tengen` command line: a Go engine speaking GTP, plus tools around it.
@main
struct TengenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tengen",
    abstract: "Tengen, a Go engine.",
    subcommands: [
      GTPSubcommand.self, AnalysisSubcommand.self, VersionCommand.self, BenchmarkCommand.self,
      MatchCommand.self, SelfPlayCommand.self, ServeCommand.self,
      TestNNCommand.self, NNBenchmarkCommand.self, RowsCommand.self, GPUCheckCommand.self,
    ],
    defaultSubcommand: GTPSubcommand.self
  )
}
