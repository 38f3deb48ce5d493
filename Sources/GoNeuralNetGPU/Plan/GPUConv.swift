/// A "same" convolution: weights `[ky][kx][in][out]` as a `[ky·kx·in][out]` matrix, which is
/// exactly the GEMM operand of im2col's `[row][tap][in]` columns (1×1: the input itself).
struct GPUConv: Sendable {
  let kernelY: Int
  let kernelX: Int
  let inC: Int
  let outC: Int
  let weights: GPUMatrix
}
