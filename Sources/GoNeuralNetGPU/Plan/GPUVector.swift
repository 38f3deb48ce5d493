/// An FP32 vector in device memory (norm scales and biases, dense-layer biases, RMSNorm gains).
struct GPUVector: Sendable {
  let pointer: DevicePointer
  let count: Int
}
