import GoNeuralNet

/// The trunk tip.
enum GPUTip: Sendable {
  case batchNorm(GPUNormAct)
  case rmsNorm(gamma: GPUVector, beta: GPUVector, epsilon: Float, spatial: Bool, activation: ActivationKind)
}
