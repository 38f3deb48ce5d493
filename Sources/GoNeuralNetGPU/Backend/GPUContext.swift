import GoNeuralNet

/// What one concurrent evaluation owns: a device, the model's weights on it, activation
/// buffers and RoPE tables per grid.
final class GPUContext: @unchecked Sendable {
  let device: any GPUDevice
  let network: GPUNetwork
  let workspace: GPUWorkspace
  /// RoPE tables by grid (width · 1000 + height).
  var ropeTables: [Int: GPURopeTables] = [:]

  init(device: any GPUDevice, model: ModelDescription, precision: GPUPrecision) throws {
    self.device = device
    try device.activate()
    network = try GPUNetwork(model: model, device: device, precision: precision)
    workspace = GPUWorkspace(device: device)
  }

  /// The RoPE tables of a w × h grid (built on first use).
  func rope(w: Int, h: Int) throws -> GPURopeTables {
    let key = w * 1000 + h
    if let t = ropeTables[key] { return t }
    let t = try GPURopeTables(blocks: network.attentionBlocks, w: w, h: h, device: device)
    ropeTables[key] = t
    return t
  }
}
