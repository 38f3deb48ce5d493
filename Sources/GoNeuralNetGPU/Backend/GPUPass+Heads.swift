import GoNeuralNet

extension GPUPass {
  /// The policy and value heads on the trunk output `u`; downloads the real samples' outputs
  /// and unpacks them (policy NHWC → NCHW).
  func heads(_ u: DevicePointer, channels c: Int) throws -> NNRawOutputBatch {
    let hd = net.heads
    let model = net.model
    // Policy: p1 and the pooled g1 branch, in FP32 from here on.
    let p1C = hd.p1Conv.cols
    let g1C = hd.g1Conv.cols
    let p = try ws.get(GPUSlot.policyP, rows * p1C, .f32)
    let g = try ws.get(GPUSlot.policyG, rows * g1C, .f32)
    try matmul(u, lda: c, hd.p1Conv, p, ldc: p1C, outputType: .f32, beta: 0)
    try matmul(u, lda: c, hd.g1Conv, g, ldc: g1C, outputType: .f32, beta: 0)
    try normAct(hd.g1, g, g, type: .f32)
    let gp = try pool(g, channels: g1C, type: .f32)
    let bias = try ws.get(GPUSlot.policyBias, n * p1C, .f32)
    try dense(hd.gpoolToBias, gp, bias, count: n)
    try addSampleBias(p, bias, channels: p1C, type: .f32)
    try normAct(hd.p1, p, p, type: .f32)
    let pc = model.numPolicyChannels
    let logits = try ws.get(GPUSlot.policyLogits, rows * pc, .f32)
    try matmul(p, lda: p1C, hd.p2Conv, logits, ldc: pc, outputType: .f32, beta: 0)
    var pass = try ws.get(GPUSlot.pass1, n * hd.toPass.outC, .f32)
    try dense(hd.toPass, gp, pass, count: n, activation: hd.passActivation)
    if let m2 = hd.toPass2 {
      let pass2 = try ws.get(GPUSlot.pass2, n * pc, .f32)
      try dense(m2, pass, pass2, count: n)
      pass = pass2
    }
    // Value.
    let v1C = hd.v1Conv.cols
    let v1 = try ws.get(GPUSlot.valueV1, rows * v1C, .f32)
    try matmul(u, lda: c, hd.v1Conv, v1, ldc: v1C, outputType: .f32, beta: 0)
    try normAct(hd.v1, v1, v1, type: .f32)
    let vp = try pool(v1, channels: v1C, type: .f32, value: true)
    let v2 = try ws.get(GPUSlot.valueV2, n * hd.v2.outC, .f32)
    try dense(hd.v2, vp, v2, count: n, activation: hd.v2Activation)
    let value = try ws.get(GPUSlot.value, n * 3, .f32)
    try dense(hd.v3, v2, value, count: n)
    let sc = model.numScoreOutputs
    let score = try ws.get(GPUSlot.score, n * sc, .f32)
    try dense(hd.sv3, v2, score, count: n)
    let own = try ws.get(GPUSlot.ownership, rows, .f32)
    try matmul(v1, lda: v1C, hd.ownership, own, ldc: 1, outputType: .f32, beta: 0)
    // Outputs of the real samples only.
    var out = NNRawOutputBatch(
      count: count, nnXLen: w, nnYLen: h, policyChannels: pc, scoreCount: model.numScoreOutputs)
    let policyNHWC = try download(logits, count * area * pc)
    for s in 0..<count {
      for ch in 0..<pc {
        for pos in 0..<area { out.policy[(s * pc + ch) * area + pos] = policyNHWC[(s * area + pos) * pc + ch] }
      }
    }
    out.pass = try download(pass, count * pc)
    out.value = try download(value, count * 3)
    out.score = try download(score, count * sc)
    out.ownership = try download(own, count * area)
    return out
  }
}
