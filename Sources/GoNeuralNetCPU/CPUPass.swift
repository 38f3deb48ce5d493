import GoNeuralNet

/// One forward pass of the CPU backend over a batch; activations are NHWC `[row][channel]`
/// with row = sample·area + y·nnX + x.
final class CPUPass {
  let backend: CPUBackend
  let ws: Workspace
  let rope: RopeTables
  var ropeIndex = 0
  let n: Int
  let w: Int
  let h: Int
  let area: Int
  let rows: Int
  let pool: ThreadPool
  let gemm: any MatrixMultiplier
  /// The C kernels' instruction set (`CPUInstructionSet` raw value).
  let isa: Int32
  /// `[row]` on-board mask.
  let mask: UnsafeMutablePointer<Float>
  /// On-board point count per sample.
  var maskSum: [Float]
  /// Where to accumulate per-layer timings (nil: not profiling).
  var profile: LayerProfile?

  /// Runs `body`, charging its time and `flops` to `kind` when profiling.
  @inline(__always)
  func timed(_ kind: String, flops: Double = 0, _ body: () -> Void) {
    guard let profile else {
      body()
      return
    }
    let t0 = LayerProfile.now()
    body()
    profile.add(kind, seconds: LayerProfile.now() - t0, flops: flops)
  }

  init(backend: CPUBackend, pool: ThreadPool, ws: Workspace, rope: RopeTables, batch: NNInputBatch) {
    self.backend = backend
    self.ws = ws
    self.rope = rope
    n = batch.count
    w = batch.nnXLen
    h = batch.nnYLen
    area = w * h
    rows = n * area
    self.pool = pool
    gemm = backend.gemm
    isa = backend.isa.rawValue
    mask = ws.get(Slot.mask, rows)
    maskSum = [Float](repeating: 0, count: n)
    let planes = batch.numSpatial
    for s in 0..<n {
      var total: Float = 0
      for p in 0..<area {
        let m = batch.spatial[s * planes * area + p]
        mask[s * area + p] = m
        total += m
      }
      maskSum[s] = total
    }
  }

  /// Runs the whole network.
  func run(_ batch: NNInputBatch) -> NNRawOutputBatch {
    let c = backend.model.trunk.channels
    let cin = batch.numSpatial
    // Input planes NCHW → NHWC.
    let input = ws.get(Slot.input, rows * cin)
    batch.spatial.withUnsafeBufferPointer { src in
      for s in 0..<n {
        for ch in 0..<cin {
          let plane = src.baseAddress! + (s * cin + ch) * area
          for p in 0..<area { input[(s * area + p) * cin + ch] = plane[p] }
        }
      }
    }
    let x = ws.get(Slot.trunk, rows * c)
    conv(backend.initialConv, input, x, beta: 0)
    // Global inputs (+ metadata) → per-sample bias added at every point.
    let bias = ws.get(Slot.small, n * c)
    batch.global.withUnsafeBufferPointer { g in
      dense(backend.initialMatMul, g.baseAddress!, bias, count: n)
    }
    if let (m1, m2, m3, a1, a2) = backend.meta, !batch.metadata.isEmpty {
      let t1 = ws.get(Slot.headA, n * m1.outC)
      let t2 = ws.get(Slot.headB, n * m2.outC)
      let t3 = ws.get(Slot.headC, n * c)
      batch.metadata.withUnsafeBufferPointer { md in dense(m1, md.baseAddress!, t1, count: n) }
      for i in 0..<n * m1.outC { t1[i] = VectorMath.activate(t1[i], a1) }
      dense(m2, t1, t2, count: n)
      for i in 0..<n * m2.outC { t2[i] = VectorMath.activate(t2[i], a2) }
      dense(m3, t2, t3, count: n)
      for i in 0..<n * c { bias[i] += t3[i] }
    }
    parallelRows { r in
      for row in r {
        let b = bias + (row / self.area) * c
        let xr = x + row * c
        for ch in 0..<c { xr[ch] += b[ch] }
      }
    }
    for block in backend.trunkBlocks { apply(block, x, channels: c, depth: 0) }
    // Trunk tip.
    let u = ws.get(Slot.normed(0), rows * c)
    if let tip = backend.tipNorm {
      normAct(tip, x, u)
    } else if let tip = backend.tipRMS {
      trunkRMS(x, u, c, tip.gamma.pointer, tip.beta.pointer, tip.eps, tip.spatial)
    }
    return heads(u, channels: c)
  }

  // MARK: parallel helpers

  /// Runs `body` over contiguous row ranges, one per thread.
  func parallelRows(_ total: Int? = nil, _ body: (Range<Int>) -> Void) {
    let parts = pool.ranges(total ?? rows, align: 4)
    pool.run(parts.count) { i, _ in body(parts[i]) }
  }

  /// C[rows×outC] = A[rows×inC]·W (+ beta·C), split by rows across threads.
  func matmul(
    _ a: UnsafePointer<Float>, lda: Int, _ wt: UnsafePointer<Float>, inC: Int, outC: Int,
    _ c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float, rows total: Int? = nil,
    kind: String = "matmul / 1x1 conv"
  ) {
    let m = total ?? rows
    timed(kind, flops: 2 * Double(m) * Double(inC) * Double(outC)) {
      parallelRows(total) { r in
        self.gemm.gemm(
          transA: false, transB: false, m: r.count, n: outC, k: inC, alpha: 1,
          a: a + r.lowerBound * lda, lda: lda, b: wt, ldb: outC, beta: beta,
          c: c + r.lowerBound * ldc, ldc: ldc)
      }
    }
  }

  /// out[count×outC] = in[count×inC]·W + bias (single-threaded: per-sample vectors).
  func dense(
    _ m: CompiledMatMul, _ input: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    gemm.gemm(
      transA: false, transB: false, m: count, n: m.outC, k: m.inC, alpha: 1, a: input,
      lda: m.inC, b: m.weights.pointer, ldb: m.outC, beta: 0, c: out, ldc: m.outC)
    if let b = m.bias {
      for i in 0..<count { for o in 0..<m.outC { out[i * m.outC + o] += b.pointer[o] } }
    }
  }
}
