import Foundation
import Testing
import TestSupport

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

  @Test("a library file that exists but does not load is reported with the loader's reason")
  func unloadableLibrary() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tengen-fake-cuda-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("not a library".utf8).write(to: dir.appendingPathComponent("libcudart.so.13"))
    do {
      _ = try CUDALibraries.load(directories: [dir.path], defaultSearch: false)
      Issue.record("a text file loaded as libcudart")
    } catch let e as GPUError {
      #expect(e.description.hasPrefix("CUDA unavailable: libcudart.so.13/.12 found but not loadable: "), "\(e)")
      #expect(e.description.contains(dir.path))
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
