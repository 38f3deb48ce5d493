import Testing

@testable import GoNeuralNetGPU

@Suite("CUDA loader")
struct CUDALoaderTests {
  @Test("missing libraries give one line naming the library and the directories searched")
  func unavailableMessage() {
    #expect(throws: GPUError.unavailable(
      "CUDA unavailable: libcudart.so.13/.12 not found (searched /nonexistent/a, /nonexistent/b)"))
    {
      _ = try CUDALibraries.load(directories: ["/nonexistent/a", "/nonexistent/b"], defaultSearch: false)
    }
  }

  @Test("the default search reports the default library path")
  func defaultSearchMessage() throws {
    do {
      let libraries = try CUDALibraries.load(directories: ["/nonexistent"], defaultSearch: true)
      // A machine with CUDA: the libraries load; counting devices either works or says why.
      do { _ = try libraries.deviceCount() } catch let e as GPUError {
        #expect(e.description.hasPrefix("CUDA unavailable: no usable CUDA device"))
      }
    } catch let e as GPUError {
      #expect(e.description.hasPrefix("CUDA unavailable: "))
      #expect(e.description.contains("the default library path"), "\(e)")
    }
  }
}
