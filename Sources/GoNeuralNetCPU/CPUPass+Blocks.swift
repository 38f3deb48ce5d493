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
          tengen_silu_gate(ar, g + row * f, f)
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
      parallelRows { r in
        for row in r {
          let pos = row % self.area
          let base = qkv + row * width
          for hd in 0..<heads + kvHeads {
            let kvh = hd < heads ? att.source.kvHead(forQueryHead: hd) : hd - heads
            let v = hd < heads ? base + hd * dq : base + kOffset + (hd - heads) * dq
            let cs = cosT.pointer + (kvh * self.area + pos) * pairs
            let sn = sinT.pointer + (kvh * self.area + pos) * pairs
            for p in 0..<pairs {
              let a = v[2 * p]
              let b = v[2 * p + 1]
              v[2 * p] = a * cs[p] - b * sn[p]
              v[2 * p + 1] = a * sn[p] + b * cs[p]
            }
          }
        }
      }
    }
    let out = ws.get(Slot.attnOut(d), rows * heads * dv)
    let s = area
    let scale = 1 / Float(dq).squareRoot()
    var scratch: [UnsafeMutablePointer<Float>] = []
    for t in 0..<pool.threadCount { scratch.append(ws.get(Slot.logits(t), s * s)) }
    let g = gemm
    let outWidth = heads * dv
    let coreFlops = 2 * Double(n * heads) * Double(s) * Double(s) * Double(dq + dv)
    timed("attention core (QK, softmax, AV)", flops: coreFlops) {
    pool.run(n * heads) { task, thread in
      let sample = task / heads
      let hd = task % heads
      let kvh = att.source.kvHead(forQueryHead: hd)
      let logits = scratch[thread]
      let rowBase = qkv + sample * s * width
      let tA = thread == 0 ? LayerProfile.now() : 0
      g.gemm(
        transA: false, transB: true, m: s, n: s, k: dq, alpha: scale,
        a: rowBase + hd * dq, lda: width, b: rowBase + kOffset + kvh * dq, ldb: width,
        beta: 0, c: logits, ldc: s)
      let tB = thread == 0 ? LayerProfile.now() : 0
      let m = self.mask + sample * s
      tengen_softmax_masked(logits, Int32(s), Int32(s), m, m)
      let tC = thread == 0 ? LayerProfile.now() : 0
      g.gemm(
        transA: false, transB: false, m: s, n: dv, k: s, alpha: 1, a: logits, lda: s,
        b: rowBase + vOffset + kvh * dv, ldb: width, beta: 0,
        c: out + sample * s * outWidth + hd * dv, ldc: outWidth)
      if thread == 0, let prof = self.profile {
        let tD = LayerProfile.now()
        prof.add("  (thread 0) QK gemm", seconds: tB - tA, flops: 2 * Double(s * s * dq))
        prof.add("  (thread 0) softmax", seconds: tC - tB, flops: 0)
        prof.add("  (thread 0) AV gemm", seconds: tD - tC, flops: 2 * Double(s * s * dv))
      }
    }
    }
    matmul(out, lda: outWidth, att.outProj.weights.pointer, inC: outWidth, outC: c, x, ldc: c, beta: 1)
  }
}
