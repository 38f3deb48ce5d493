import Foundation
import Synchronization

@testable import GoNeuralNetGPU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The kernel library's CUDA C (`GPUKernels.hostHarnessSource`) compiled for this CPU with
/// the host C++ compiler and loaded, so that `SimDevice` can run the CUDA C itself instead of
/// the Swift twins. Without any C++ compiler on the machine the tests that need it do not
/// run; a compiler that rejects the source is a test failure (`compilesOnHost`).
final class HostCompiledKernels: @unchecked Sendable {
  typealias Entry = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int64, Int32) -> Void
  let entries: [String: Entry]
  /// The compiler's command line.
  let command: String
  /// Launches run through the compiled code so far.
  let launches = Mutex(0)

  /// The compiled library, or why there is none.
  static let result: Result<HostCompiledKernels, HostCompileError> = {
    do { return .success(try HostCompiledKernels()) } catch let e as HostCompileError { return .failure(e) } catch {
      return .failure(HostCompileError(text: "\(error)", noCompiler: false))
    }
  }()

  /// The compiled library, when it compiled.
  static var shared: HostCompiledKernels? { try? result.get() }

  /// Whether a C++ compiler exists here at all (the compile tests run where one does).
  static var compilerExists: Bool {
    if case .failure(let e) = result { return !e.noCompiler }
    return true
  }

  init() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tengen-cuda-host-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let source = dir.appendingPathComponent("kernels.cpp")
    let library = dir.appendingPathComponent("libkernels.so")
    try GPUKernels.hostHarnessSource.write(to: source, atomically: true, encoding: .utf8)
    var lastError: String? = nil
    let candidates = [ProcessInfo.processInfo.environment["CXX"], "c++", "clang++", "g++"].compactMap { $0 }
    for compiler in candidates {
      let args = [
        compiler, "-std=c++17", "-O1", "-ffp-contract=off", "-fPIC", "-shared", "-Wall", "-Werror",
        "-o", library.path, source.path,
      ]
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      p.arguments = args
      let err = Pipe()
      p.standardError = err
      p.standardOutput = err
      do { try p.run() } catch { continue }
      let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      guard p.terminationStatus == 0 else {
        lastError = "\(compiler): \(output)"
        continue
      }
      guard let handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL) else {
        throw HostCompileError(text: "dlopen \(library.path) failed", noCompiler: false)
      }
      var table: [String: Entry] = [:]
      for k in GPUKernels.all {
        guard let sym = dlsym(handle, "tg_host_" + k.name) else {
          throw HostCompileError(text: "no tg_host_\(k.name)", noCompiler: false)
        }
        table[k.name] = unsafeBitCast(sym, to: Entry.self)
      }
      entries = table
      command = args.joined(separator: " ")
      try? FileManager.default.removeItem(at: dir)  // the library stays mapped
      return
    }
    throw HostCompileError(text: lastError ?? "no C++ compiler (CXX, c++, clang++, g++)", noCompiler: lastError == nil)
  }

  /// Runs launches through the compiled CUDA C, passing arguments as `cuLaunchKernel` does.
  var executor: SimDevice.Executor {
    { [entries, self] kernel, arguments, launch in
      launches.withLock { $0 += 1 }
      guard let entry = entries[kernel.name] else { throw GPUError.invalid("no compiled \(kernel.name)") }
      var slots = arguments.values.map { a -> UInt64 in
        switch a {
        case .pointer(let p): return p.address
        case .int(let v): return UInt64(UInt32(bitPattern: v))
        case .float(let v): return UInt64(v.bitPattern)
        }
      }
      slots.withUnsafeMutableBufferPointer { values in
        var pointers: [UnsafeMutableRawPointer?] = (0..<values.count).map { UnsafeMutableRawPointer(values.baseAddress! + $0) }
        pointers.withUnsafeMutableBufferPointer { entry($0.baseAddress, Int64(launch.blocks), Int32(launch.threadsPerBlock)) }
      }
    }
  }
}
