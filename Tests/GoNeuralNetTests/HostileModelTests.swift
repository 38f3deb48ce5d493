import Foundation
import Testing
import TestSupport

@testable import GoNeuralNet

/// Reliability audit F8, F10, F11, F12: files that are not models are refused with a short
/// clear error before they cost memory or time.
@Suite("Hostile model files")
struct HostileModelTests {
  /// A fresh directory for files a test makes, removed by the caller.
  static func scratch(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "tengen-hostile-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test("a gzip stream may decompress to a plausible model size only")
  func decompressionIsCapped() throws {
    // A 1 MB gzip bomb (1 GB of zeros) may give 64 MiB, not 1 GB; real models compress 1.1×
    // to 2.3×, far within 16×.
    #expect(ModelLoader.decompressedLimit(compressedBytes: 1 << 20) == 64 << 20)
    #expect(ModelLoader.decompressedLimit(compressedBytes: 100 << 20) == 1600 << 20)
    #expect(ModelLoader.decompressedLimit(compressedBytes: 1 << 30) == ModelLoader.maxFileBytes)
    #expect(ModelLoader.decompressedLimit(compressedBytes: .max) == ModelLoader.maxFileBytes)
    let gz = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("tiny-v8-resnet.txt.gz"))))
    #expect(try ModelLoader.gunzip(gz).count == 374_401)
    #expect(throws: ModelLoadError.tooLarge(what: "decompressed model data (\(gz.count) bytes compressed)", limit: 100_000)) {
      try ModelLoader.gunzip(gz, limit: 100_000)
    }
    #expect(ModelLoadError.tooLarge(what: "x", limit: 5).description == "x is larger than 5 bytes, more than any model needs: not a model file")
  }

  @Test("a FIFO, a directory or a device is refused at once, never read")
  func specialFiles() throws {
    let dir = try Self.scratch("special")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/model.bin.gz"
    #expect(mkfifo(fifo, 0o600) == 0)
    // Opening a FIFO for reading would block until a writer came: this returns at once.
    #expect(throws: ModelLoadError.io(path: fifo, reason: "not a regular file (a FIFO)")) {
      try ModelLoader.load(path: fifo)
    }
    let folder = dir + "/folder.bin"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    #expect(throws: ModelLoadError.io(path: folder, reason: "not a regular file (a directory)")) {
      try ModelLoader.load(path: folder)
    }
    let device = dir + "/zero.bin.gz"
    try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
    #expect(throws: ModelLoadError.io(path: device, reason: "not a regular file (a character device)")) {
      try ModelLoader.load(path: device)
    }
    #expect(throws: ModelLoadError.io(path: dir + "/missing.bin.gz", reason: "No such file or directory")) {
      try ModelLoader.load(path: dir + "/missing.bin.gz")
    }
  }

  @Test("a text model declaring a huge layer fails as truncated before reserving it")
  func hugeDeclaredLayer() throws {
    #expect(throws: ModelLoadError.truncated(expected: "conv weights", offset: 28_962, layer: "model.conv_spatial")) {
      try ModelLoader.load(path: Fixtures.path("hostile/huge-conv-v5.txt.gz"))
    }
  }

  @Test("errors quote a short escaped excerpt, never raw binary")
  func binaryInErrors() throws {
    let dir = try Self.scratch("binary")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A binary model under a text model's name: its weights are read as text tokens.
    let path = dir + "/binary-named.txt.gz"
    try FileManager.default.copyItem(atPath: Fixtures.path("tiny-v17-mixed.bin.gz"), toPath: path)
    do {
      _ = try ModelLoader.load(path: path)
      Issue.record("loaded")
    } catch {
      let text = error.description
      #expect(text.hasPrefix("model file malformed at byte "))
      #expect(text.count < 300, "\(text)")
      #expect(text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) || $0 == "…" }, "\(text)")
    }
    #expect(ModelLoadError.excerpt("ab\u{1}\u{FFFD}c\\") == "ab\\u{1}\\u{fffd}c\\u{5c}")
    #expect(ModelLoadError.excerpt(String(repeating: "x", count: 60)) == String(repeating: "x", count: 48) + "…")
  }
}
