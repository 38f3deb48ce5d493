import GoNeuralNet

/// Packs model weights for one device and precision and uploads them, remembering every
/// allocation (the network frees them).
final class GPUWeightUploader {
  let device: any GPUDevice
  /// The storage type of trunk weights (the activation type).
  let trunkType: GPUScalarType
  private(set) var allocations: [DevicePointer] = []
  private(set) var bytes = 0

  init(device: any GPUDevice, trunkType: GPUScalarType) {
    self.device = device
    self.trunkType = trunkType
  }

  /// Uploads `values` stored as `type`.
  func upload(_ values: [Float], as type: GPUScalarType) throws -> DevicePointer {
    let p = try device.allocate(bytes: max(1, values.count) * type.size)
    allocations.append(p)
    bytes += values.count * type.size
    switch type {
    case .f32:
      try values.withUnsafeBytes { try device.upload($0, to: p) }
    case .f16:
      let half = values.map { Float16($0) }
      try half.withUnsafeBytes { try device.upload($0, to: p) }
    }
    return p
  }

  func matrix(_ values: [Float], rows: Int, cols: Int, type: GPUScalarType) throws -> GPUMatrix {
    precondition(values.count == rows * cols, "matrix \(rows)×\(cols) from \(values.count) values")
    return GPUMatrix(pointer: try upload(values, as: type), type: type, rows: rows, cols: cols)
  }

  func vector(_ values: [Float]) throws -> GPUVector {
    GPUVector(pointer: try upload(values, as: .f32), count: values.count)
  }

  /// A convolution on trunk-typed activations.
  func conv(_ l: ConvLayer) throws -> GPUConv {
    precondition(l.kernelY % 2 == 1 && l.kernelX % 2 == 1, "\(l.name): even kernels are not \"same\" convolutions")
    return GPUConv(
      kernelY: l.kernelY, kernelX: l.kernelX, inC: l.inChannels, outC: l.outChannels,
      weights: try matrix(l.weights, rows: l.kernelY * l.kernelX * l.inChannels, cols: l.outChannels, type: trunkType))
  }

  /// A 1×1 conv (or a per-point matmul) as an `[in][out]` matrix of `type`.
  func pointwise(_ l: ConvLayer, type: GPUScalarType) throws -> GPUMatrix {
    precondition(l.kernelX == 1 && l.kernelY == 1, "\(l.name) must be 1×1")
    return try matrix(l.weights, rows: l.inChannels, cols: l.outChannels, type: type)
  }

  func normAct(_ na: NormActivation) throws -> GPUNormAct {
    try normAct(na.norm, na.activation)
  }

  func normAct(_ norm: NormLayer, _ activation: ActivationKind) throws -> GPUNormAct {
    GPUNormAct(
      channels: norm.channels, scale: try vector(norm.mergedScale), bias: try vector(norm.mergedBias),
      activation: activation)
  }

  func dense(_ l: MatMulLayer, bias: MatBiasLayer? = nil) throws -> GPUDense {
    GPUDense(
      weights: try matrix(l.weights, rows: l.inChannels, cols: l.outChannels, type: .f32),
      bias: try bias.map { try vector($0.bias) })
  }

  func rmsNorm(_ n: TransformerNormLayer) throws -> GPURMSNorm {
    GPURMSNorm(channels: n.channels, epsilon: n.epsilon, weight: try vector(n.weight))
  }
}
