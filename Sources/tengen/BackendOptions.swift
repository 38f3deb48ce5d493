import ArgumentParser
import Foundation
import GoNeuralNet
import GoNeuralNetCPU
import GoNeuralNetGPU

/// The network backend every command that runs a network takes (`gtp`, `serve`, `analysis`,
/// `selfplay`, `benchmark`, `benchmark-nn`, `testnn`): `--backend`, `--gpus`,
/// `--gpu-precision`, parsed and turned into a backend in this one place.
struct BackendOptions: ParsableArguments {
  /// The backends by name.
  enum Kind: String, CaseIterable {
    case cpu, cuda, sim, reference
  }

  @Option(help: ArgumentHelp(
    "Network backend: cpu; cuda (NVIDIA GPUs; the CUDA libraries are loaded at run time, extra directories from TENGEN_CUDA_LIB_DIRS); sim (the CUDA backend on a host-memory simulator: exact and slow, for tests and debugging); reference (the plain oracle).",
    valueName: "cpu|cuda|sim|reference"))
  var backend: String = "cpu"

  @Option(help: ArgumentHelp(
    "GPUs of --backend cuda (device indices, comma-separated; one evaluation context each; default 0). With sim, one simulated context per entry.",
    valueName: "indices"))
  var gpus: String?

  @Option(help: ArgumentHelp("Storage precision of cuda and sim: fp16 (FP32 accumulation) or fp32.", valueName: "fp16|fp32"))
  var gpuPrecision: String = "fp16"

  /// The defaults (`--backend cpu`), for callers that take no backend options (`match`): an
  /// option group must be parsed before its values are read, so this parses no arguments.
  static var defaults: BackendOptions {
    do {
      return try parse([])
    } catch {
      preconditionFailure("the backend options' defaults do not parse: \(error)")
    }
  }

  func validate() throws {
    _ = try kind
    _ = try gpuIndices
    _ = try precision
  }

  /// The chosen backend.
  var kind: Kind {
    get throws {
      guard let k = Kind(rawValue: backend) else {
        throw ValidationError("--backend must be cpu, cuda, sim or reference, not '\(backend)'")
      }
      return k
    }
  }

  /// The `--gpus` indices (default [0]); refused with a CPU backend, when empty, negative or repeated.
  var gpuIndices: [Int] {
    get throws {
      guard let gpus else { return [0] }
      let k = try kind
      guard k == .cuda || k == .sim else { throw ValidationError("--gpus needs --backend cuda or sim") }
      let parts = gpus.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      let indices = parts.compactMap { Int($0) }
      guard !parts.isEmpty, indices.count == parts.count, indices.allSatisfy({ $0 >= 0 }) else {
        throw ValidationError("--gpus must be device indices separated by commas, e.g. 0 or 0,1 (got '\(gpus)')")
      }
      guard Set(indices).count == indices.count else { throw ValidationError("--gpus names a device twice: '\(gpus)'") }
      return indices
    }
  }

  /// The `--gpu-precision`.
  var precision: GPUPrecision {
    get throws {
      guard let p = GPUPrecision(rawValue: gpuPrecision) else {
        throw ValidationError("--gpu-precision must be fp16 or fp32, not '\(gpuPrecision)'")
      }
      return p
    }
  }

  /// Whether the backend is one of the GPU ones (their speed does not depend on CPU threads).
  var isGPU: Bool { (try? kind) == .cuda || (try? kind) == .sim }

  /// The backend for `model`: the CPU backend with `threads` threads per evaluation and `lanes`
  /// evaluations at once; the GPU backends with one context per `--gpus` entry. Without CUDA,
  /// `cuda` throws `GPUError.unavailable`, whose one line is the whole message.
  func make(model: ModelDescription, threads: Int, lanes: Int = 1) throws -> any NeuralNetBackend {
    switch try kind {
    case .cpu: return CPUBackend(model: model, threads: max(1, threads), lanes: max(1, lanes))
    case .reference: return ReferenceBackend(model: model)
    case .cuda: return try GPUBackend.cuda(model: model, gpus: try gpuIndices, precision: try precision)
    case .sim:
      return try GPUBackend.simulated(model: model, contexts: try gpuIndices.count, precision: try precision)
    }
  }
}
