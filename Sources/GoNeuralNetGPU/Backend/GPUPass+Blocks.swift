extension GPUPass {
  /// `x += residual(x)` for one block; `x` is `[rows][channels]` of the trunk type.
  func apply(_ block: GPUBlock, _ x: DevicePointer, channels c: Int, depth d: Int) throws {
    switch block {
    case .ordinary(let pre, let conv1, let mid, let conv2):
      let a = try ws.get(GPUSlot.normed(d), rows * c, t)
      try normAct(pre, x, a)
      let hbuf = try ws.get(GPUSlot.mid(d), rows * conv1.outC, t)
      try conv(conv1, a, hbuf, beta: 0)
      try normAct(mid, hbuf, hbuf)
      try conv(conv2, hbuf, x, beta: 1)
    case .globalPooling(let pre, let conv1, let gconv, let gnorm, let toBias, let mid, let conv2):
      let a = try ws.get(GPUSlot.normed(d), rows * c, t)
      try normAct(pre, x, a)
      let hbuf = try ws.get(GPUSlot.mid(d), rows * conv1.outC, t)
      try conv(conv1, a, hbuf, beta: 0)
      let g = try ws.get(GPUSlot.mid2(d), rows * gconv.outC, t)
      try conv(gconv, a, g, beta: 0)
      try normAct(gnorm, g, g)
      let pooled = try ws.get(GPUSlot.pooled(d), n * 3 * gconv.outC, .f32)
      try pool(g, channels: gconv.outC, type: t, into: pooled)
      let bias = try ws.get(GPUSlot.poolBias(d), n * toBias.outC, .f32)
      try dense(toBias, pooled, bias, count: n)
      try addSampleBias(hbuf, bias, channels: conv1.outC, type: t)
      try normAct(mid, hbuf, hbuf)
      try conv(conv2, hbuf, x, beta: 1)
    case .nested(let pre, let preConv, let inner, let post, let postConv):
      let a = try ws.get(GPUSlot.normed(d), rows * c, t)
      try normAct(pre, x, a)
      let innerC = preConv.outC
      let m = try ws.get(GPUSlot.stream(d + 1), rows * innerC, t)
      try conv(preConv, a, m, beta: 0)
      for b in inner { try apply(b, m, channels: innerC, depth: d + 1) }
      try normAct(post, m, m)
      try conv(postConv, m, x, beta: 1)
    case .attention(let att):
      try attention(att, x, channels: c, depth: d)
    case .feedForward(let norm, let l1, let gate, let l2):
      let nbuf = try ws.get(GPUSlot.normed(d), rows * c, t)
      try rmsNorm(norm, x, nbuf)
      let f = l1.cols
      let a = try ws.get(GPUSlot.mid(d), rows * f, t)
      let g = try ws.get(GPUSlot.mid2(d), rows * f, t)
      try matmul(nbuf, lda: c, l1, a, ldc: f, outputType: t, beta: 0)
      try matmul(nbuf, lda: c, gate, g, ldc: f, outputType: t, beta: 0)
      try launch("swiglu", typed: t, threads: rows * f, [.pointer(a), .pointer(g), .pointer(mask), int(rows), int(f)])
      try matmul(a, lda: f, l2, x, ldc: c, outputType: t, beta: 1)
    }
  }

  /// Grouped-query attention with RoPE and off-board keys masked: RMSNorm, one fused q|k|v
  /// GEMM, RoPE in place, then per query head two strided-batched GEMMs over the samples
  /// (logits = scale · K·Qᵀ in FP32, out = V·P) around a masked softmax, and the output
  /// projection accumulated into `x`. Off-board query rows come out zero.
  func attention(_ att: GPUAttention, _ x: DevicePointer, channels c: Int, depth d: Int) throws {
    let nbuf = try ws.get(GPUSlot.normed(d), rows * c, t)
    try rmsNorm(att.norm, x, nbuf)
    let width = att.width
    let qkv = try ws.get(GPUSlot.qkv(d), rows * width, t)
    try matmul(nbuf, lda: c, att.qkv, qkv, ldc: width, outputType: t, beta: 0)
    if att.hasRope, let table = rope.tables[att.ropeIndex] {
      try launch(
        "rope", typed: t, threads: rows * (att.heads + att.kvHeads) * (att.dq / 2),
        [
          .pointer(qkv), .pointer(table.cos), .pointer(table.sin), int(rows), int(area), int(width), int(att.heads),
          int(att.kvHeads), int(att.dq), int(att.kOffset),
        ])
    }
    let outWidth = att.heads * att.dv
    let out = try ws.get(GPUSlot.attnOut(d), rows * outWidth, t)
    let logits = try ws.get(GPUSlot.logits, n * area * area, .f32)
    let probs = try ws.get(GPUSlot.probs, n * area * area, t)
    let scale = 1 / Float(att.dq).squareRoot()
    for hd in 0..<att.heads {
      let kvh = hd * att.kvHeads / att.heads
      // logits[s][q][k] = scale · Σ_d Q[s·area + q][hd·dq + d] · K[s·area + k][kvh·dq + d]
      try device.gemm(
        GPUGemm(
          transA: true, m: area, n: area, k: att.dq, alpha: scale,
          a: qkv.advanced(by: att.kOffset + kvh * att.dq, of: t), lda: width, strideA: area * width,
          b: qkv.advanced(by: hd * att.dq, of: t), ldb: width, strideB: area * width, inputType: t,
          c: logits, ldc: area, strideC: area * area, outputType: .f32, batchCount: n))
      try launch(
        "softmax", typed: t, threads: rows, [.pointer(logits), .pointer(probs), .pointer(mask), int(rows), int(area)])
      // out[s·area + q][hd·dv + e] = Σ_k P[s][q][k] · V[s·area + k][kvh·dv + e]
      try device.gemm(
        GPUGemm(
          m: att.dv, n: area, k: area, a: qkv.advanced(by: att.vOffset + kvh * att.dv, of: t), lda: width,
          strideA: area * width, b: probs, ldb: area, strideB: area * area, inputType: t,
          c: out.advanced(by: hd * att.dv, of: t), ldc: outWidth, strideC: area * outWidth, outputType: t,
          batchCount: n))
    }
    try matmul(out, lda: outWidth, att.outProj, x, ldc: c, outputType: t, beta: 1)
  }

  /// The trunk tip (norm + activation + mask) from `x` into `u`.
  func trunkTip(_ x: DevicePointer, _ u: DevicePointer, channels c: Int) throws {
    switch net.tip {
    case .batchNorm(let na):
      try normAct(na, x, u)
    case .rmsNorm(let gamma, let beta, let eps, let spatial, let activation):
      let scale = try ws.get(GPUSlot.tipScale, n, .f32)
      if spatial {
        let partial = try ws.get(GPUSlot.tipPartial, n * c, .f32)
        try launch(
          "tip_sum_squares", typed: t, threads: n * c,
          [.pointer(x), .pointer(mask), .pointer(partial), int(n), int(area), int(c)])
        try launch(
          "tip_scale", threads: n,
          [.pointer(partial), .pointer(maskSum), .pointer(scale), int(n), int(c), .float(eps)])
      }
      try launch(
        "tip_rms_act", typed: t, threads: rows,
        [
          .pointer(x), .pointer(u), .pointer(gamma.pointer), .pointer(beta.pointer), .pointer(scale), .pointer(mask),
          int(rows), int(area), int(c), .float(eps), int(spatial ? 1 : 0), int(activation.rawValue),
        ])
    }
  }
}
