import CTengenCPU
import GoNeuralNet

extension CPUPass {
  /// x += residual(x) for one block; `x` is `[rows][channels]`.
  func apply(_ block: CompiledBlock, _ x: UnsafeMutablePointer<Float>, channels c: Int, depth d: Int) {
    switch block {
    case .ordinary(let pre, let conv1, let mid, let conv2):
      let a = ws.get(Slot.normed(d), rows * c)
      normAct(pre, x, a)
      let hbuf = ws.get(Slot.mid(d), rows * conv1.outC)
      conv(conv1, a, hbuf, beta: 0)
      normAct(mid, hbuf, hbuf)
      conv(conv2, hbuf, x, beta: 1)
    case .globalPooling(let pre, let conv1, let gconv, let gnorm, let toBias, let mid, let conv2):
      let a = ws.get(Slot.normed(d), rows * c)
      normAct(pre, x, a)
      let hbuf = ws.get(Slot.mid(d), rows * conv1.outC)
      conv(conv1, a, hbuf, beta: 0)
      let g = ws.get(Slot.mid2(d), rows * gconv.outC)
      conv(gconv, a, g, beta: 0)
      normAct(gnorm, g, g)
      let pooled = ws.get(Slot.pooled(d), n * 3 * gconv.outC)
      globalPool(g, gconv.outC, pooled)
      let bias = ws.get(Slot.pooled(d + 20), n * toBias.outC)
      dense(toBias, pooled, bias, count: n)
      addSampleBias(hbuf, bias, conv1.outC)
      normAct(mid, hbuf, hbuf)
      conv(conv2, hbuf, x, beta: 1)
    case .nested(let pre, let preConv, let inner, let post, let postConv):
      let a = ws.get(Slot.normed(d), rows * c)
      normAct(pre, x, a)
      let innerC = preConv.outC
      let m = ws.get(Slot.stream(d + 1), rows * innerC)
      conv(preConv, a, m, beta: 0)
      for b in inner { apply(b, m, channels: innerC, depth: d + 1) }
      normAct(post, m, m)
      conv(postConv, m, x, beta: 1)
    case .attention(let att):
      attention(att, x, channels: c, depth: d)
    case .feedForward(let norm, let l1, let gate, let l2):
      let nbuf = ws.get(Slot.normed(d), rows * c)
      rmsNorm(norm, x, nbuf)
      let f = l1.outC
      let a = ws.get(Slot.mid(d), rows * f)
      let g = ws.get(Slot.mid2(d), rows * f)
      matmul(nbuf, lda: c, l1.weights.pointer, inC: c, outC: f, a, ldc: f, beta: 0)
      matmul(nbuf, lda: c, gate.weights.pointer, inC: c, outC: f, g, ldc: f, beta: 0)
      parallelRows { r in
        for row in r {
          let ar = a + row * f
          if self.mask[row] == 0 {
            ar.update(repeating: 0, count: f)
            continue
          }
          tengen_silu_gate(self.isa, ar, g + row * f, f)
        }
      }
      matmul(a, lda: f, l2.weights.pointer, inC: f, outC: c, x, ldc: c, beta: 1)
    }
  }

  /// Multi-head attention with grouped KV heads, rotary encoding and off-board key masking.
  func attention(_ att: CompiledAttention, _ x: UnsafeMutablePointer<Float>, channels c: Int, depth d: Int) {
    let table = rope.tables[ropeIndex]
    ropeIndex += 1
    let nbuf = ws.get(Slot.normed(d), rows * c)
    rmsNorm(att.norm, x, nbuf)
    let width = att.qkv.outC
    let qkv = ws.get(Slot.qkv(d), rows * width)
    matmul(nbuf, lda: c, att.qkv.weights.pointer, inC: c, outC: width, qkv, ldc: width, beta: 0)
    let heads = att.heads
    let kvHeads = att.kvHeads
    let dq = att.dq
    let dv = att.dv
    let kOffset = heads * dq
    let vOffset = kOffset + kvHeads * dq
    // Rotary encoding of q and k in place.
    if let (cosT, sinT) = table {
      let pairs = dq / 2
      timed("RoPE") {
        parallelRows { r in
          for row in r {
            let pos = row % self.area
            let base = qkv + row * width
            for hd in 0..<heads + kvHeads {
              let kvh = hd < heads ? att.source.kvHead(forQueryHead: hd) : hd - heads
              let v = hd < heads ? base + hd * dq : base + kOffset + (hd - heads) * dq
              let at = (kvh * self.area + pos) * pairs
              tengen_rope(self.isa, v, cosT.pointer + at, sinT.pointer + at, Int32(pairs))
            }
          }
        }
      }
    }
    let out = ws.get(Slot.attnOut(d), rows * heads * dv)
    let s = area
    let scale = 1 / Float(dq).squareRoot()
    let scratchCount = tengen_attention_scratch(Int32(s), Int32(dq), Int32(dv))
    var scratch: [UnsafeMutablePointer<Float>] = []
    for t in 0..<pool.threadCount { scratch.append(ws.get(Slot.attention(t), scratchCount)) }
    let outWidth = heads * dv
    let coreFlops = 2 * Double(n * heads) * Double(s) * Double(s) * Double(dq + dv)
    timed("attention core (QK, softmax, AV)", flops: coreFlops) {
      pool.run(n * heads) { task, thread in
        let sample = task / heads
        let hd = task % heads
        let kvh = att.source.kvHead(forQueryHead: hd)
        let rowBase = qkv + sample * s * width
        tengen_attention(
          self.isa, Int32(s), Int32(dq), Int32(dv), scale, rowBase + hd * dq, Int32(width),
          rowBase + kOffset + kvh * dq, Int32(width), rowBase + vOffset + kvh * dv, Int32(width),
          self.mask + sample * s, out + sample * s * outWidth + hd * dv, Int32(outWidth), scratch[thread])
      }
    }
    matmul(out, lda: outWidth, att.outProj.weights.pointer, inC: outWidth, outC: c, x, ldc: c, beta: 1)
  }
}
