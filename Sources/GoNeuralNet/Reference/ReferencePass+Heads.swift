extension ReferencePass {
  func policyHead(_ x: [Float]) -> Result {
    let ph = model.policyHead
    var p = conv(x, ph.p1Conv)
    let g = normAct(conv(x, ph.g1Conv), ph.g1)
    let gp = pool(g, channels: ph.g1Conv.outChannels)
    let bias = matMul(gp, ph.gpoolToBias)
    for c in 0..<ph.p1Conv.outChannels { for i in 0..<area { p[c * area + i] += bias[c] } }
    p = normAct(p, ph.p1)
    let logits = conv(p, ph.p2Conv)
    var pass = matMul(gp, ph.gpoolToPass)
    if let b = ph.gpoolToPassBias, let act = ph.passActivation, let m2 = ph.gpoolToPass2 {
      for i in pass.indices { pass[i] = act.apply(pass[i] + b.bias[i]) }
      pass = matMul(pass, m2)
    }
    return Result(policy: logits, pass: pass, value: [], score: [], ownership: [])
  }

  func valueHead(_ x: [Float], into result: inout Result) {
    let vh = model.valueHead
    let v1 = normAct(conv(x, vh.v1Conv), vh.v1)
    let vp = valuePool(v1, channels: vh.v1Conv.outChannels)
    var v2 = matMul(vp, vh.v2Mul)
    for i in v2.indices { v2[i] = vh.v2Activation.apply(v2[i] + vh.v2Bias.bias[i]) }
    var v3 = matMul(v2, vh.v3Mul)
    for i in v3.indices { v3[i] += vh.v3Bias.bias[i] }
    var sv = matMul(v2, vh.sv3Mul)
    for i in sv.indices { sv[i] += vh.sv3Bias.bias[i] }
    result.value = v3
    result.score = sv
    result.ownership = conv(v1, vh.ownershipConv)
  }
}
