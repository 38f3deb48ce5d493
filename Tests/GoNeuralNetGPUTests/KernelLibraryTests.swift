import Testing

@testable import GoNeuralNetGPU

@Suite("GPU kernel library")
struct KernelLibraryTests {
  @Test("every kernel has a unique exported name and one C signature matching its parameter list")
  func signatures() throws {
    #expect(GPUKernels.named.count == GPUKernels.all.count)
    let source = GPUKernels.source
    for k in GPUKernels.all {
      #expect(k.name.hasPrefix("tg_"))
      let header = "extern \"C\" __global__ void \(k.name)("
      #expect(source.components(separatedBy: header).count == 2, "\(k.name) defined once")
      let decls = k.parameters.map { $0.cDeclaration(storage: k.storage) }
      #expect(k.source.hasPrefix(header + decls.joined(separator: ", ") + ") {"))
      // FP16 variants take FP16 bits where the FP32 ones take floats, nothing else differs.
      if k.storage == .f16 {
        #expect(!decls.contains { $0.contains("T*") })
        #expect(decls.contains { $0.contains("unsigned short*") })
      }
      // Every parameter is used by the body (a twin reading a parameter the CUDA C ignores,
      // or the reverse, would be a mismatch).
      for p in k.parameters { #expect(k.body.contains(p.name), "\(k.name): \(p.name) unused") }
    }
  }

  @Test("the storage-generic kernels exist in FP32 and FP16")
  func variants() {
    for k in GPUKernels.all where k.storage == .f32 {
      #expect(GPUKernels.named["tg_\(k.baseName)_f16"] != nil, "\(k.baseName)")
    }
  }

  @Test("the CUDA C compiles as C++ for the host (no GPU needed)", .enabled(if: HostCompiledKernels.compilerExists))
  func compilesOnHost() throws {
    if case .failure(let e) = HostCompiledKernels.result { Issue.record("host compile failed: \(e.text)") }
    let compiled = try #require(HostCompiledKernels.shared)
    #expect(compiled.entries.count == GPUKernels.all.count)
    print("host compile: \(compiled.command)")
  }
}
