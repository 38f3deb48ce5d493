/// A residual block compiled for the GPU backend (trunk-typed weights on the device).
indirect enum GPUBlock: Sendable {
  case ordinary(pre: GPUNormAct, conv1: GPUConv, mid: GPUNormAct, conv2: GPUConv)
  case globalPooling(
    pre: GPUNormAct, conv1: GPUConv, gconv: GPUConv, gnorm: GPUNormAct, toBias: GPUDense, mid: GPUNormAct,
    conv2: GPUConv)
  case nested(pre: GPUNormAct, preConv: GPUConv, inner: [GPUBlock], post: GPUNormAct, postConv: GPUConv)
  case attention(GPUAttention)
  case feedForward(norm: GPURMSNorm, linear1: GPUMatrix, gate: GPUMatrix, linear2: GPUMatrix)
}
