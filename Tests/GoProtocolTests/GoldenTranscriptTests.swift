import Foundation
import GoCore
import GoNeuralNet
import GoProtocol
import GoSearch
import Testing

/// Replays `Tests/Fixtures/gtp/*.gtp` through a fresh controller with the deterministic test
/// engine and compares the protocol output with the committed `*.expected` file.
///
/// To rewrite the expected files on purpose, run `scripts/regen-gtp-golden.sh` (it sets
/// `GTP_GOLDEN_REGENERATE=1`), then review the diff.
@Suite struct GoldenTranscriptTests {
  static let directory = fixturesDirectory.appendingPathComponent("gtp")

  static var transcripts: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".gtp") }.sorted()
  }

  /// The protocol output of one transcript; `$FIXTURES` in a line names the fixtures folder.
  ///
  /// A script whose first line is `# engine: rollout` runs against the rollout engine (one
  /// thread, seed 1, 200 playouts per search); `# engine: puct-tiny` against the PUCT search
  /// over the committed tiny network `tiny-v8-resnet` on the reference backend (one search
  /// thread, 24 visits, symmetry 0); otherwise the test engine.
  static func run(_ script: String) -> String {
    let controller: GTPController
    if script.hasPrefix("# engine: puct-tiny") {
      let path = fixturesDirectory.appendingPathComponent("nn/tiny-v8-resnet.txt.gz").path
      let model = try! ModelLoader.load(path: path)
      let evaluator = BatchingEvaluator(
        backend: ReferenceBackend(model: model), maxBatchSize: 1, nodePolicyOptimism: 1)
      var params = PUCTParameters()
      params.threads = 1
      params.maxVisits = 24
      params.reuseTree = false
      params.resignThreshold = 0
      let engine = PUCTEngine(evaluator: evaluator, params: params)
      engine.log = { _ in }
      var config = GTPConfiguration(width: 19, height: 19, rules: .trompTaylor)
      config.rawNN = RawNNEvaluator(backend: evaluator.backend).gtpHandler()
      controller = GTPController(engine: engine, configuration: config)
    } else if script.hasPrefix("# engine: rollout") {
      var params = RolloutParameters()
      params.threads = 1
      params.maxPlayouts = 200
      params.ownershipPlayouts = 100
      params.reuseTree = false
      controller = GTPController(
        engine: RolloutEngine(params: params),
        configuration: GTPConfiguration(width: 19, height: 19, rules: .trompTaylor))
    } else {
      controller = makeController(size: 19).0
    }
    var out = ""
    for raw in script.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.replacingOccurrences(of: "$FIXTURES", with: fixturesDirectory.path)
      if let response = controller.respond(to: line) { out += response }
      if controller.isQuitting { break }
    }
    return out
  }

  @Test func transcriptsExist() {
    #expect(Self.transcripts.count >= 5)
  }

  @Test(arguments: transcripts)
  func transcriptMatchesExpectedOutput(_ name: String) throws {
    let input = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    let actual = Self.run(input)
    let expectedURL = Self.directory.appendingPathComponent(
      String(name.dropLast(4)) + ".expected")
    if ProcessInfo.processInfo.environment["GTP_GOLDEN_REGENERATE"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let i = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(a.count, e.count)
      let got = i < a.count ? String(a[i]) : "<end>"
      let want = i < e.count ? String(e[i]) : "<end>"
      Issue.record("\(name): first difference at output line \(i + 1): got '\(got)', expected '\(want)'")
    }
  }
}
