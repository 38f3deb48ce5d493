/// One kernel launch: a 1-D grid of `blocks` blocks of `threadsPerBlock` threads, no dynamic
/// shared memory, on the device's stream. Every kernel computes its global thread index
/// `blockIdx.x · blockDim.x + threadIdx.x` and returns when it is beyond its element count.
public struct GPULaunch: Sendable {
  /// The kernel's name (`GPUKernel.name`).
  public var kernel: String
  /// Blocks in the grid.
  public var blocks: Int
  /// Threads per block.
  public var threadsPerBlock: Int
  /// Arguments in parameter order.
  public var arguments: [KernelArgument]

  /// The threads per block every launch of the backend uses.
  public static let defaultBlock = 256

  /// A launch of enough `threadsPerBlock`-blocks to cover `threads` threads (at least one block).
  public init(kernel: String, threads: Int, threadsPerBlock: Int = defaultBlock, arguments: [KernelArgument]) {
    self.kernel = kernel
    self.threadsPerBlock = threadsPerBlock
    blocks = max(1, (threads + threadsPerBlock - 1) / threadsPerBlock)
    self.arguments = arguments
  }

  /// Total threads launched.
  public var threads: Int { blocks * threadsPerBlock }
}
