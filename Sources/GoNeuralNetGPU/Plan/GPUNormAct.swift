import GoNeuralNet

/// A batch-norm-style layer merged to scale and bias, with its activation (and the board mask).
struct GPUNormAct: Sendable {
  let channels: Int
  let scale: GPUVector
  let bias: GPUVector
  let activation: ActivationKind
}
