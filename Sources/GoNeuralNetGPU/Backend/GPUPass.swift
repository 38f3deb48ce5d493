import GoNeuralNet

/// One forward pass of the GPU backend: the batch padded to its bucket, activations NHWC
/// `[row][channel]` with row = sample·area + y·nnX + x, every step a `GPUDevice` call in
/// stream order.
final class GPUPass {
  let device: any GPUDevice
  let net: GPUNetwork
  let ws: GPUWorkspace
  let rope: GPURopeTables
  /// Samples evaluated (the bucket: real samples, then all-zero padding).
  let n: Int
  /// Real samples.
  let count: Int
  let w: Int
  let h: Int
  let area: Int
  let rows: Int
  /// Trunk activation storage.
  let t: GPUScalarType
  /// `[row]` FP32 on-board mask, `[sample]` on-board point counts.
  var mask = DevicePointer.null
  var maskSum = DevicePointer.null

  init(context: GPUContext, batch: NNInputBatch) throws {
    device = context.device
    net = context.network
    ws = context.workspace
    count = batch.count
    n = GPUBatchBuckets.bucket(for: batch.count)
    w = batch.nnXLen
    h = batch.nnYLen
    area = w * h
    rows = n * area
    t = net.precision.activationType
    rope = try context.rope(w: w, h: h)
  }

  /// Runs the network and returns the real samples' raw outputs.
  func run(_ batch: NNInputBatch) throws -> NNRawOutputBatch {
    let model = net.model
    let c = model.trunk.channels
    let planes = batch.numSpatial
    // Inputs, padded with zero samples (mask 0 everywhere) up to the bucket.
    let spatial = try ws.get(GPUSlot.spatial, n * planes * area, .f32)
    try upload(batch.spatial, padTo: n * planes * area, spatial)
    let global = try ws.get(GPUSlot.global, n * batch.numGlobal, .f32)
    try upload(batch.global, padTo: n * batch.numGlobal, global)
    let input = try ws.get(GPUSlot.input, rows * planes, t)
    mask = try ws.get(GPUSlot.mask, rows, .f32)
    maskSum = try ws.get(GPUSlot.maskSum, n, .f32)
    try launch(
      "input_nhwc", typed: t, threads: rows * planes,
      [.pointer(spatial), .pointer(input), .pointer(mask), int(n), int(planes), int(area)])
    try launch("mask_sum", threads: n, [.pointer(mask), .pointer(maskSum), int(n), int(area)])
    // Initial conv plus the per-sample bias of the global inputs (and metadata).
    let x = try ws.get(GPUSlot.trunk, rows * c, t)
    try conv(net.initialConv, input, x, beta: 0)
    let bias = try ws.get(GPUSlot.trunkBias, n * c, .f32)
    try dense(net.initialMatMul, global, bias, count: n)
    if let (m1, m2, m3, a1, a2) = net.meta, !batch.metadata.isEmpty {
      let md = try ws.get(GPUSlot.metadata, n * m1.inC, .f32)
      try upload(batch.metadata, padTo: n * m1.inC, md)
      let t1 = try ws.get(GPUSlot.metaA, n * m1.outC, .f32)
      let t2 = try ws.get(GPUSlot.metaB, n * m2.outC, .f32)
      try dense(m1, md, t1, count: n, activation: a1)
      try dense(m2, t1, t2, count: n, activation: a2)
      try dense(m3, t2, bias, count: n, beta: 1)
    }
    try launch(
      "add_sample_bias", typed: t, threads: rows * c, [.pointer(x), .pointer(bias), int(rows), int(area), int(c)])
    for block in net.blocks { try apply(block, x, channels: c, depth: 0) }
    let u = try ws.get(GPUSlot.tipOut, rows * c, t)
    try trunkTip(x, u, channels: c)
    return try heads(u, channels: c)
  }

  // MARK: device-call helpers

  /// Uploads `values` followed by zeros up to `total` floats.
  func upload(_ values: [Float], padTo total: Int, _ destination: DevicePointer) throws {
    var padded = values
    precondition(padded.count <= total, "input larger than its buffer")
    padded.append(contentsOf: repeatElement(0, count: total - padded.count))
    try padded.withUnsafeBytes { try device.upload($0, to: destination) }
  }

  /// Downloads `count` floats.
  func download(_ source: DevicePointer, _ count: Int) throws -> [Float] {
    var out = [Float](repeating: 0, count: count)
    try out.withUnsafeMutableBytes { try device.download(from: source, into: $0) }
    return out
  }

  func int(_ v: Int) -> KernelArgument { .int(Int32(v)) }

  /// Launches kernel `tg_<base>` (or its `typed` storage variant) over `threads` threads.
  func launch(_ base: String, typed: GPUScalarType? = nil, threads: Int, _ arguments: [KernelArgument]) throws {
    let name = "tg_" + base + (typed.map { "_" + $0.suffix } ?? "")
    try device.launch(GPULaunch(kernel: name, threads: threads, arguments: arguments))
  }

  /// `out[rows][w.cols] = input[rows][w.rows] · w (+ beta · out)`, input rows `lda` apart and
  /// output rows `ldc` apart; the input has the weights' storage type.
  func matmul(
    _ input: DevicePointer, lda: Int, _ weights: GPUMatrix, _ output: DevicePointer, ldc: Int,
    outputType: GPUScalarType, beta: Float, rows total: Int? = nil
  ) throws {
    try device.gemm(
      GPUGemm(
        m: weights.cols, n: total ?? rows, k: weights.rows, a: weights.pointer, lda: weights.cols, b: input, ldb: lda,
        inputType: weights.type, beta: beta, c: output, ldc: ldc, outputType: outputType))
  }

  /// `out = conv(input) (+ beta · out)` on trunk-typed NHWC activations: 1×1 as one GEMM,
  /// larger kernels as im2col + one GEMM.
  func conv(_ cv: GPUConv, _ input: DevicePointer, _ output: DevicePointer, beta: Float) throws {
    if cv.kernelX == 1 && cv.kernelY == 1 {
      try matmul(input, lda: cv.inC, cv.weights, output, ldc: cv.outC, outputType: t, beta: beta)
      return
    }
    let k = cv.kernelY * cv.kernelX * cv.inC
    let cols = try ws.get(GPUSlot.im2col, rows * k, t)
    try launch(
      "im2col", typed: t, threads: rows * k,
      [.pointer(input), .pointer(cols), int(n), int(w), int(h), int(cv.inC), int(cv.kernelY), int(cv.kernelX)])
    try matmul(cols, lda: k, cv.weights, output, ldc: cv.outC, outputType: t, beta: beta)
  }

  /// `out[count][outC] = act(input[count][inC] · W (+ beta · out) + bias)`, all FP32.
  func dense(
    _ d: GPUDense, _ input: DevicePointer, _ output: DevicePointer, count: Int, beta: Float = 0,
    activation: ActivationKind = .identity
  ) throws {
    try matmul(input, lda: d.inC, d.weights, output, ldc: d.outC, outputType: .f32, beta: beta, rows: count)
    guard let bias = d.bias else {
      precondition(activation == .identity, "an activation needs the layer's bias")
      return
    }
    try launch(
      "bias_act", threads: count * d.outC,
      [.pointer(output), .pointer(bias.pointer), int(count), int(d.outC), int(activation.rawValue)])
  }

  /// `dst = mask · act(src · scale + bias)` over `[rows][channels]` of storage `type`.
  func normAct(_ na: GPUNormAct, _ src: DevicePointer, _ dst: DevicePointer, type: GPUScalarType? = nil) throws {
    let c = na.channels
    try launch(
      "norm_act", typed: type ?? t, threads: rows * c,
      [
        .pointer(src), .pointer(dst), .pointer(na.scale.pointer), .pointer(na.bias.pointer), .pointer(mask),
        int(rows), int(c), int(na.activation.rawValue),
      ])
  }

  /// The transformer RMSNorm of `[rows][channels]`.
  func rmsNorm(_ norm: GPURMSNorm, _ src: DevicePointer, _ dst: DevicePointer) throws {
    try launch(
      "rms_norm", typed: t, threads: rows,
      [
        .pointer(src), .pointer(dst), .pointer(norm.weight.pointer), .pointer(mask), int(rows), int(norm.channels),
        .float(norm.epsilon),
      ])
  }

  /// `x[row][c] += bias[sample][c]` on storage `type`.
  func addSampleBias(_ x: DevicePointer, _ bias: DevicePointer, channels c: Int, type: GPUScalarType) throws {
    try launch(
      "add_sample_bias", typed: type, threads: rows * c, [.pointer(x), .pointer(bias), int(rows), int(area), int(c)])
  }

  /// KataGo's 3C pooling (`value`: the value head's variant) into FP32 `[n][3c]`.
  func pool(_ x: DevicePointer, channels c: Int, type: GPUScalarType, value: Bool = false) throws -> DevicePointer {
    let out = try ws.get(value ? GPUSlot.valuePooled : GPUSlot.policyPooled, n * 3 * c, .f32)
    try pool(x, channels: c, type: type, into: out, value: value)
    return out
  }

  func pool(_ x: DevicePointer, channels c: Int, type: GPUScalarType, into out: DevicePointer, value: Bool = false) throws {
    try launch(
      value ? "value_pool" : "global_pool", typed: type, threads: n * c,
      [.pointer(x), .pointer(mask), .pointer(maskSum), .pointer(out), int(n), int(area), int(c)])
  }
}
