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

  @Test("the CUDA backend fails with the loader's message where CUDA is missing")
  func backendUnavailable() throws {
    guard (try? CUDALibraries.shared().deviceCount()) == nil else { return }  // a GPU machine
    do {
      _ = try GPUBackend.cuda(model: try tinyModel("tiny-v8-resnet.txt.gz"), gpus: [0], precision: .fp32)
      Issue.record("the CUDA backend started without CUDA")
    } catch let e as GPUError {
      guard case .unavailable(let line) = e else {
        Issue.record("expected unavailable, got \(e)")
        return
      }
      #expect(line.hasPrefix("CUDA unavailable: ") && !line.contains("\n"))
    }
  }
}
