/// The per-point RMSNorm of transformer blocks.
struct GPURMSNorm: Sendable {
  let channels: Int
  let epsilon: Float
  let weight: GPUVector
}
