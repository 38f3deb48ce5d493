/// An attention block: q, k and v fused into one `[C][H·dq + Hkv·dq + Hkv·dv]` matrix.
struct GPUAttention: Sendable {
  let norm: GPURMSNorm
  let qkv: GPUMatrix
  let outProj: GPUMatrix
  let heads: Int
  let kvHeads: Int
  let dq: Int
  let dv: Int
  /// Index of this block's RoPE table among the trunk's attention blocks (traversal order).
  let ropeIndex: Int
  /// Whether the block rotates q and k at all.
  let hasRope: Bool

  var width: Int { heads * dq + kvHeads * (dq + dv) }
  var kOffset: Int { heads * dq }
  var vOffset: Int { heads * dq + kvHeads * dq }
}
