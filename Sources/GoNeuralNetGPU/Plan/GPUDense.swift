/// A dense layer on per-sample FP32 vectors `[in][out]`, optionally with a bias.
struct GPUDense: Sendable {
  let weights: GPUMatrix
  let bias: GPUVector?
  var inC: Int { weights.rows }
  var outC: Int { weights.cols }
}
