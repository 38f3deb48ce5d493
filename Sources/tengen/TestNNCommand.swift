import ArgumentParser
import Foundation
import GoCore
import GoFeatures
import GoNeuralNet
import GoNeuralNetCPU

/// `tengen testnn`: loads a model, prints its summary, evaluates a position (KataGo's
/// `kata-raw-nn` format) or compares against recorded KataGo outputs.
struct TestNNCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "testnn", abstract: "Load a neural network and evaluate positions with it.")

  @Option(help: "Model file (.bin.gz, .bin, .txt.gz, .txt).") var model: String
  @OptionGroup var backend: BackendOptions
  @Option(help: "CPU backend threads.") var threads = 2
  @Option(help: "Board size.") var size = 19
  @Option(help: "Rules preset (tromp-taylor, chinese, japanese, aga, ...).") var rules = "tromp-taylor"
  @Option(help: "Komi.") var komi: Float = 7.5
  @Option(help: "Setup stones, e.g. \"B D4 W Q16\".") var setup = ""
  @Option(help: "Moves, e.g. \"B D4 W Q16 B pass\".") var moves = ""
  @Option(help: "Symmetry 0-7 or all.") var symmetry = "0"
  @Option(help: "Positions JSON (scripts/nn_positions.py) to compare with --expected.") var positions: String?
  @Option(help: "KataGo outputs JSON (scripts/nn_record_katago.py) for --positions.") var expected: String?
  @Option(help: "Only compare positions whose id contains this text.") var only: String?

  func run() throws {
    try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    OpenBLASCoreType.ensure()
    let t0 = ContinuousClock.now
    let description = try ModelLoader.load(path: model)
    let loadSeconds = (ContinuousClock.now - t0).inSeconds
    print(description.summary)
    print(String(format: "loaded in %.3f s", loadSeconds))
    let t1 = ContinuousClock.now
    let net = try backend.make(model: description, threads: threads)
    print(String(format: "backend %@ ready in %.3f s", net.backendName, (ContinuousClock.now - t1).inSeconds))
    if let cpu = net as? CPUBackend { print("cpu kernels \(cpu.isa) (TENGEN_CPU_ISA: generic, avx2, avx512)") }
    let evaluator = RawNNEvaluator(backend: net)
    if let positions, let expected {
      try compare(evaluator, positions: positions, expected: expected)
      return
    }
    guard let preset = Rules(preset: rules) else { throw ValidationError("unknown rules \(rules)") }
    func pairs(_ s: String) -> [(String, String)] {
      let t = s.split(separator: " ").map(String.init)
      return stride(from: 0, to: t.count - 1, by: 2).map { (t[$0], t[$0 + 1]) }
    }
    let game = try NNGame(
      xSize: size, ySize: size, rules: preset, komi: komi, setup: pairs(setup), moves: pairs(moves))
    let sym = symmetry == "all" ? nil : Int(symmetry)
    let t2 = ContinuousClock.now
    let reply = try evaluator.kataRawNNReply(game, symmetry: sym)
    print(reply, terminator: "")
    print(String(format: "evaluated in %.3f s", (ContinuousClock.now - t2).inSeconds))
  }

  func compare(_ evaluator: RawNNEvaluator, positions: String, expected: String) throws {
    let reference = try KataGoReference(positionsPath: positions, outputsPath: expected)
    var worst: [String: (Double, String)] = [:]
    var failures = 0
    let t0 = ContinuousClock.now
    for p in reference.positions where only.map({ p.id.contains($0) }) ?? true {
      let e = try evaluator.evaluate(p.game, symmetries: [Symmetry(p.symmetry)])[0]
      for (k, d) in KataGoReference.differences(e, p.expected) {
        if d > (worst[k]?.0 ?? -1) { worst[k] = (d, p.id) }
        if d > KataGoReference.tolerance(k) {
          failures += 1
          print("MISMATCH \(p.id) \(k) \(d)")
        }
      }
    }
    let seconds = (ContinuousClock.now - t0).inSeconds
    print("compared \(reference.positions.count) positions in \(String(format: "%.1f", seconds)) s")
    for (id, why) in reference.skipped { print("skipped \(id): \(why)") }
    for (k, v) in worst.sorted(by: { $0.key < $1.key }) {
      print(String(format: "  %-24@ worst %.3g (tolerance %.0e) at %@", k as NSString, v.0, KataGoReference.tolerance(k), v.1 as NSString))
    }
    if failures > 0 { throw ExitCode(1) }
  }
}
