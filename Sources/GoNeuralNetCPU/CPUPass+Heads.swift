import GoNeuralNet

extension CPUPass {
  /// Runs the policy and value heads on the trunk output `u` and packs the raw outputs.
  func heads(_ u: UnsafeMutablePointer<Float>, channels c: Int) -> NNRawOutputBatch {
    let hd = backend.heads
    let model = backend.model
    var out = NNRawOutputBatch(
      count: n, nnXLen: w, nnYLen: h, policyChannels: model.numPolicyChannels,
      scoreCount: model.numScoreOutputs)
    // Policy.
    let p1C = hd.p1Conv.outC
    let g1C = hd.g1Conv.outC
    let p = ws.get(Slot.headA, rows * p1C)
    let g = ws.get(Slot.headB, rows * g1C)
    matmul(u, lda: c, hd.p1Conv.weights.pointer, inC: c, outC: p1C, p, ldc: p1C, beta: 0)
    matmul(u, lda: c, hd.g1Conv.weights.pointer, inC: c, outC: g1C, g, ldc: g1C, beta: 0)
    normAct(hd.g1, g, g)
    let gp = ws.get(Slot.pooled(30), n * 3 * g1C)
    globalPool(g, g1C, gp)
    let bias = ws.get(Slot.pooled(31), n * p1C)
    dense(hd.gpoolToBias, gp, bias, count: n)
    addSampleBias(p, bias, p1C)
    normAct(hd.p1, p, p)
    let pc = model.numPolicyChannels
    let logits = ws.get(Slot.headC, rows * pc)
    matmul(p, lda: p1C, hd.p2Conv.weights.pointer, inC: p1C, outC: pc, logits, ldc: pc, beta: 0)
    for s in 0..<n {
      for ch in 0..<pc {
        for pos in 0..<area { out.policy[(s * pc + ch) * area + pos] = logits[(s * area + pos) * pc + ch] }
      }
    }
    let pass = ws.get(Slot.pooled(32), n * hd.toPass.outC)
    dense(hd.toPass, gp, pass, count: n)
    if let m2 = hd.toPass2 {
      for i in 0..<n * hd.toPass.outC { pass[i] = VectorMath.activate(pass[i], hd.passActivation) }
      let pass2 = ws.get(Slot.pooled(33), n * pc)
      dense(m2, pass, pass2, count: n)
      for i in 0..<n * pc { out.pass[i] = pass2[i] }
    } else {
      for i in 0..<n * pc { out.pass[i] = pass[i] }
    }
    // Value.
    let v1C = hd.v1Conv.outC
    let v1 = ws.get(Slot.headA, rows * v1C)
    matmul(u, lda: c, hd.v1Conv.weights.pointer, inC: c, outC: v1C, v1, ldc: v1C, beta: 0)
    normAct(hd.v1, v1, v1)
    let vp = ws.get(Slot.pooled(34), n * 3 * v1C)
    valuePool(v1, v1C, vp)
    let v2 = ws.get(Slot.pooled(35), n * hd.v2.outC)
    dense(hd.v2, vp, v2, count: n)
    for i in 0..<n * hd.v2.outC { v2[i] = VectorMath.activate(v2[i], hd.v2Activation) }
    let v3 = ws.get(Slot.pooled(36), n * 3)
    dense(hd.v3, v2, v3, count: n)
    for i in 0..<n * 3 { out.value[i] = v3[i] }
    let sc = model.numScoreOutputs
    let sv = ws.get(Slot.pooled(37), n * sc)
    dense(hd.sv3, v2, sv, count: n)
    for i in 0..<n * sc { out.score[i] = sv[i] }
    let own = ws.get(Slot.headB, rows)
    matmul(v1, lda: v1C, hd.ownership.weights.pointer, inC: v1C, outC: 1, own, ldc: 1, beta: 0)
    for i in 0..<rows { out.ownership[i] = own[i] }
    return out
  }
}
