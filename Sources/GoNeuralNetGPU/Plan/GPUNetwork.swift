import GoNeuralNet

/// A model compiled for one device and precision: every weight packed and uploaded once.
///
/// Packing: convolutions keep the file's `[ky][kx][in][out]` order as a `[ky·kx·in][out]`
/// matrix (the im2col GEMM operand); q/k/v are fused column-wise into one matrix; norms are
/// merged to scale + bias; trunk weights (and the head convs that read the trunk) are stored in
/// the activation type, head tails and dense layers in FP32.
final class GPUNetwork: @unchecked Sendable {
  let device: any GPUDevice
  let model: ModelDescription
  let precision: GPUPrecision
  let initialConv: GPUConv
  let initialMatMul: GPUDense
  /// The SGF-metadata encoder: three dense layers (the last one without bias) and two activations.
  let meta: (GPUDense, GPUDense, GPUDense, ActivationKind, ActivationKind)?
  let blocks: [GPUBlock]
  let tip: GPUTip
  let heads: GPUHeads
  /// The trunk's attention blocks in traversal order (for RoPE tables).
  let attentionBlocks: [AttentionBlock]
  /// Bytes of weights on the device.
  let weightBytes: Int
  private let allocations: [DevicePointer]

  /// Packs and uploads `model` to `device`.
  init(model: ModelDescription, device: any GPUDevice, precision: GPUPrecision) throws {
    self.device = device
    self.model = model
    self.precision = precision
    let t = precision.activationType
    let up = GPUWeightUploader(device: device, trunkType: t)
    let trunk = model.trunk
    initialConv = try up.conv(trunk.initialConv)
    initialMatMul = try up.dense(trunk.initialMatMul)
    if let m = trunk.metadataEncoder {
      meta = (try up.dense(m.mul1, bias: m.bias1), try up.dense(m.mul2, bias: m.bias2), try up.dense(m.mul3), m.act1, m.act2)
    } else {
      meta = nil
    }
    var attention: [AttentionBlock] = []
    func compile(_ b: Block) throws -> GPUBlock {
      switch b {
      case .ordinary(let o):
        return .ordinary(
          pre: try up.normAct(o.pre), conv1: try up.conv(o.regularConv), mid: try up.normAct(o.mid),
          conv2: try up.conv(o.finalConv))
      case .globalPooling(let g):
        return .globalPooling(
          pre: try up.normAct(g.pre), conv1: try up.conv(g.regularConv), gconv: try up.conv(g.gpoolConv),
          gnorm: try up.normAct(g.gpool), toBias: try up.dense(g.gpoolToBias), mid: try up.normAct(g.mid),
          conv2: try up.conv(g.finalConv))
      case .nestedBottleneck(let n):
        return .nested(
          pre: try up.normAct(n.pre), preConv: try up.conv(n.preConv), inner: try n.inner.map(compile),
          post: try up.normAct(n.post), postConv: try up.conv(n.postConv))
      case .attention(let a):
        let c = a.qProj.inChannels
        let parts = [a.qProj, a.kProj, a.vProj]
        let total = parts.reduce(0) { $0 + $1.outChannels }
        var fused = [Float](repeating: 0, count: c * total)
        var col = 0
        for layer in parts {
          for i in 0..<c {
            for o in 0..<layer.outChannels { fused[i * total + col + o] = layer.weights[i * layer.outChannels + o] }
          }
          col += layer.outChannels
        }
        var hasRope = true
        if case .none = a.rope { hasRope = false }
        let block = GPUAttention(
          norm: try up.rmsNorm(a.norm), qkv: try up.matrix(fused, rows: c, cols: total, type: t),
          outProj: try up.matrix(
            a.outProj.weights, rows: a.outProj.inChannels, cols: a.outProj.outChannels, type: t),
          heads: a.numHeads, kvHeads: a.numKVHeads, dq: a.qHeadDim, dv: a.vHeadDim, ropeIndex: attention.count,
          hasRope: hasRope)
        attention.append(a)
        return .attention(block)
      case .feedForward(let f):
        guard let gate = f.gate else {
          throw GPUError.invalid("\(f.name): only SwiGLU feed-forward blocks are supported")
        }
        func mat(_ l: MatMulLayer) throws -> GPUMatrix {
          try up.matrix(l.weights, rows: l.inChannels, cols: l.outChannels, type: t)
        }
        return .feedForward(norm: try up.rmsNorm(f.norm), linear1: try mat(f.linear1), gate: try mat(gate), linear2: try mat(f.linear2))
      }
    }
    blocks = try trunk.blocks.map(compile)
    attentionBlocks = attention
    switch trunk.tip {
    case .batchNorm(let n):
      tip = .batchNorm(try up.normAct(n, trunk.tipActivation))
    case .rmsNorm(let r):
      tip = .rmsNorm(
        gamma: try up.vector(r.gamma), beta: try up.vector(r.beta), epsilon: r.epsilon, spatial: r.spatial,
        activation: trunk.tipActivation)
    }
    heads = try GPUHeads(
      model, pointwise: { try up.pointwise($0, type: $1 ? t : .f32) }, dense: { try up.dense($0, bias: $1) },
      normAct: { try up.normAct($0) }, activation: { $0 })
    allocations = up.allocations
    weightBytes = up.bytes
  }

  deinit { for p in allocations { device.free(p) } }
}
