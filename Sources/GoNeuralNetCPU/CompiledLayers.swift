import GoNeuralNet

/// A convolution with its weights transformed once for the CPU kernels.
struct CompiledConv: Sendable {
  enum Method: Sendable {
    /// 1×1: a plain gemm with weights `[in][out]`.
    case pointwise
    /// 3×3 Winograd F(4×4,3×3): weights `[36][in][out]`.
    case winograd
    /// Other kernels: im2col + gemm with weights `[ky][kx][in][out]`.
    case im2col
  }
  let method: Method
  let kernel: Int
  let inC: Int
  let outC: Int
  let weights: FloatBuffer

  init(_ l: ConvLayer, allowWinograd: Bool = true) {
    kernel = l.kernelY
    inC = l.inChannels
    outC = l.outChannels
    if l.kernelX == 1 && l.kernelY == 1 {
      method = .pointwise
      weights = FloatBuffer(l.weights)
    } else if l.kernelX == 3 && l.kernelY == 3 && allowWinograd {
      method = .winograd
      weights = Winograd.transformWeights(l.weights, inC: inC, outC: outC)
    } else {
      precondition(l.kernelX == l.kernelY, "non-square kernels are not supported")
      method = .im2col
      weights = FloatBuffer(l.weights)
    }
  }
}

/// A merged norm (scale, bias) with its activation.
struct CompiledNormAct: Sendable {
  let channels: Int
  let scale: FloatBuffer
  let bias: FloatBuffer
  let activation: ActivationCode

  init(_ na: NormActivation) {
    self.init(norm: na.norm, activation: na.activation)
  }

  init(norm: NormLayer, activation: ActivationKind) {
    channels = norm.channels
    scale = FloatBuffer(norm.mergedScale)
    bias = FloatBuffer(norm.mergedBias)
    self.activation = ActivationCode(activation)
  }
}

/// A dense layer `[in][out]`, optionally with a bias.
struct CompiledMatMul: Sendable {
  let inC: Int
  let outC: Int
  let weights: FloatBuffer
  let bias: FloatBuffer?

  init(_ l: MatMulLayer, bias: MatBiasLayer? = nil) {
    inC = l.inChannels
    outC = l.outChannels
    weights = FloatBuffer(l.weights)
    self.bias = bias.map { FloatBuffer($0.bias) }
  }
}

/// A per-point RMSNorm with gain (transformer blocks).
struct CompiledRMSNorm: Sendable {
  let channels: Int
  let epsilon: Float
  let weight: FloatBuffer

  init(_ n: TransformerNormLayer) {
    channels = n.channels
    epsilon = n.epsilon
    weight = FloatBuffer(n.weight)
  }
}

extension ActivationCode {
  init(_ kind: ActivationKind) {
    switch kind {
    case .identity: self = .identity
    case .relu: self = .relu
    case .mish: self = .mish
    case .silu: self = .silu
    }
  }
}
