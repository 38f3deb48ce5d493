/// Everything the GPU backend asks of a device. Two implementations: `CUDADevice` (the
/// dlopen'd CUDA libraries) and `SimDevice` (host memory, the kernels' Swift twins), with one
/// contract, so that the backend's logic is tested without a GPU.
///
/// Work is ordered like one CUDA stream: calls run in issue order; `download` and
/// `synchronize` wait for everything issued before. A device is used by one thread at a time
/// (each `GPUBackend` context owns one); `activate()` binds it to the calling thread.
public protocol GPUDevice: AnyObject, Sendable {
  /// A one-line description ("CUDA device 0: sm_90, 132 SMs, ..." or "simulator").
  var deviceDescription: String { get }

  /// Makes this device current on the calling thread (CUDA: `cudaSetDevice`). Call before the
  /// other methods on a thread that may have used another device.
  func activate() throws

  /// Allocates `bytes` (> 0) of device memory, 256-byte aligned, contents unspecified.
  func allocate(bytes: Int) throws -> DevicePointer

  /// Frees an allocation made by `allocate` (waits for work using it). Null is ignored.
  func free(_ pointer: DevicePointer)

  /// Copies `source` to `destination` (in stream order). The host bytes may be reused as soon
  /// as the call returns.
  func upload(_ source: UnsafeRawBufferPointer, to destination: DevicePointer) throws

  /// Waits for all issued work, then copies `destination.count` bytes from `source`.
  func download(from source: DevicePointer, into destination: UnsafeMutableRawBufferPointer) throws

  /// Sets `bytes` bytes at `pointer` to zero (in stream order).
  func zero(_ pointer: DevicePointer, bytes: Int) throws

  /// Runs one GEMM (see `GPUGemm` for the exact semantics).
  func gemm(_ call: GPUGemm) throws

  /// Launches a kernel of the device's kernel library by name; the arguments must match the
  /// kernel's parameter kinds.
  func launch(_ launch: GPULaunch) throws

  /// Waits for all issued work.
  func synchronize() throws
}
