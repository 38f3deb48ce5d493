import Foundation
import GoCore
import GoFeatures
import Testing
import TestSupport

@testable import GoNeuralNet
@testable import GoNeuralNetCPU

/// The real b10c384h6nbttflrs network is not committed; set TENGEN_KATAGO_MODEL to its path
/// (e.g. /opt/peers/katago/b10c384h6nbttflrs.bin.gz) to compare it with KataGo's recorded
/// outputs here. `tengen testnn --positions ... --expected ...` runs the same check in release.
@Suite("Real network vs KataGo (needs TENGEN_KATAGO_MODEL)")
struct RealNetTests {
  static let modelPath = ProcessInfo.processInfo.environment["TENGEN_KATAGO_MODEL"]

  @Test(
    "kata-raw-nn matches KataGo on the recorded positions, every instruction set",
    .enabled(if: modelPath != nil, "set TENGEN_KATAGO_MODEL to the b10c384h6nbttflrs model (scripts/peers.sh installs it)"),
    arguments: CPUInstructionSet.supported)
  func realNet(isa: CPUInstructionSet) throws {
    let model = try ModelLoader.load(path: Self.modelPath!)
    let reference = try KataGoReference(
      positionsPath: Fixtures.path("positions-real.json"),
      outputsPath: Fixtures.path("katago-b10c384h6nbttflrs.json"))
    #expect(reference.positions.count == 75 && reference.skipped.isEmpty, "skipped: \(reference.skipped)")
    let evaluator = RawNNEvaluator(backend: CPUBackend(model: model, threads: 2, isa: isa))
    for p in reference.positions {
      let e = try evaluator.evaluate(p.game, symmetries: [Symmetry(p.symmetry)])[0]
      for (k, d) in KataGoReference.differences(e, p.expected) {
        #expect(d <= KataGoReference.tolerance(k), "\(isa) \(p.id) \(k) differs by \(d)")
      }
    }
  }
}
