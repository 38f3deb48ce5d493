import GoNeuralNet

/// The policy and value heads on the device. The 1×1 convs reading the trunk output hold
/// trunk-typed weights and write FP32; everything after them is FP32.
struct GPUHeads: Sendable {
  let p1Conv: GPUMatrix
  let g1Conv: GPUMatrix
  let g1: GPUNormAct
  let gpoolToBias: GPUDense
  let p1: GPUNormAct
  let p2Conv: GPUMatrix
  /// Pooled → pass (v15+: with bias and `passActivation`, then `toPass2`).
  let toPass: GPUDense
  let passActivation: ActivationKind
  let toPass2: GPUDense?
  let v1Conv: GPUMatrix
  let v1: GPUNormAct
  let v2: GPUDense
  let v2Activation: ActivationKind
  let v3: GPUDense
  let sv3: GPUDense
  let ownership: GPUMatrix
}
