public import GoNeuralNet
import Dispatch
import Synchronization

/// The GPU backend: the model on one or more `GPUDevice`s, one evaluation context per device
/// (its own weights, buffers and stream), `concurrentEvaluations` = the number of contexts.
///
/// Each `evaluate` pads its batch to a bucket (`GPUBatchBuckets`), runs the network as a
/// fixed sequence of device calls (`GPUPass`) and returns the real samples' outputs. FP32 mode
/// matches `ReferenceBackend` to float rounding; FP16 mode stores the trunk in FP16 with FP32
/// accumulation (docs/NEURALNET.md, "CUDA backend", gives the measured differences).
public final class GPUBackend: NeuralNetBackend {
  /// The model this backend runs.
  public let model: ModelDescription
  /// "cuda" or "sim".
  public let backendName: String
  /// The trunk's storage precision.
  public let precision: GPUPrecision
  private let contexts: [GPUContext]
  private let freeContexts: Mutex<[Int]>
  private let available: DispatchSemaphore

  /// Evaluations that may run at once (one per device context).
  public var concurrentEvaluations: Int { contexts.count }

  /// The devices, one line each.
  public var deviceDescriptions: [String] { contexts.map(\.device.deviceDescription) }

  /// Bytes of weights on each device.
  public var weightBytes: Int { contexts.first?.network.weightBytes ?? 0 }

  /// Compiles `model` onto every device of `devices` (one context each).
  public init(model: ModelDescription, devices: [any GPUDevice], precision: GPUPrecision, name: String) throws {
    precondition(!devices.isEmpty, "a GPU backend needs a device")
    self.model = model
    self.precision = precision
    backendName = name
    contexts = try devices.map { try GPUContext(device: $0, model: model, precision: precision) }
    freeContexts = Mutex(Array((0..<devices.count).reversed()))
    available = DispatchSemaphore(value: devices.count)
  }

  /// The CUDA backend on the GPUs `gpus` (indices; one context each). Throws
  /// `GPUError.unavailable` with one line to print when CUDA or a device is missing.
  public static func cuda(model: ModelDescription, gpus: [Int], precision: GPUPrecision) throws -> GPUBackend {
    let cuda = try CUDALibraries.shared()
    let devices = try gpus.map { try CUDADevice(cuda: cuda, index: $0) as any GPUDevice }
    return try GPUBackend(model: model, devices: devices, precision: precision, name: "cuda")
  }

  /// The backend on `contexts` simulated devices (`SimDevice`): slow, exact, no GPU needed.
  public static func simulated(model: ModelDescription, contexts: Int = 1, precision: GPUPrecision) throws -> GPUBackend {
    let devices = (0..<max(1, contexts)).map { _ in SimDevice() as any GPUDevice }
    return try GPUBackend(model: model, devices: devices, precision: precision, name: "sim")
  }

  /// Runs the network on a batch on a free context (waits for one when all are busy).
  public func evaluate(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    guard batch.numSpatial == model.numInputChannels, batch.numGlobal == model.numInputGlobalChannels else {
      throw GPUError.invalid(
        "batch has \(batch.numSpatial)/\(batch.numGlobal) inputs, the model \(model.numInputChannels)/\(model.numInputGlobalChannels)")
    }
    guard batch.count > 0 else {
      return NNRawOutputBatch(
        count: 0, nnXLen: batch.nnXLen, nnYLen: batch.nnYLen, policyChannels: model.numPolicyChannels,
        scoreCount: model.numScoreOutputs)
    }
    available.wait()
    let index = freeContexts.withLock { $0.removeLast() }
    defer {
      freeContexts.withLock { $0.append(index) }
      available.signal()
    }
    let context = contexts[index]
    try context.device.activate()
    return try GPUPass(context: context, batch: batch).run(batch)
  }
}
