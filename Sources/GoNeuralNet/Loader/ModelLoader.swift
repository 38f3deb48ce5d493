import CZlib
import Foundation

/// Loads KataGo model files (`.bin.gz`, `.bin`, `.txt.gz`, `.txt`, other `.gz`).
public enum ModelLoader {
  /// Loads and validates the model at `path`.
  public static func load(path: String) throws(ModelLoadError) -> ModelDescription {
    let lower = path.lowercased()
    let fileName = (path as NSString).lastPathComponent
    let known = [".bin.gz", ".txt.gz", ".bin", ".txt", ".gz"]
    guard known.contains(where: { lower.hasSuffix($0) }) else { throw .unsupportedFileName(fileName) }
    // The compressed bytes are dropped before parsing so that peak memory stays low.
    var raw = try readFile(path)
    let compressed = lower.hasSuffix(".gz")
    let bytes = compressed ? try gunzip(raw) : raw
    raw = []
    if lower.hasSuffix(".bin.gz") || lower.hasSuffix(".bin") { return try parse(bytes, binary: true) }
    if lower.hasSuffix(".txt.gz") || lower.hasSuffix(".txt") { return try parse(bytes, binary: false) }
    do { return try parse(bytes, binary: true) } catch {
      if let text = try? parse(bytes, binary: false) { return text }
      throw error
    }
  }

  /// Parses decompressed model bytes.
  public static func parse(_ bytes: [UInt8], binary: Bool) throws(ModelLoadError) -> ModelDescription {
    var parser = ModelParser(bytes: bytes, binary: binary)
    return try parser.parse()
  }

  static func readFile(_ path: String) throws(ModelLoadError) -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .io(path: path, reason: "no such file or not readable")
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch {
      throw .io(path: path, reason: "\(error)")
    }
  }

  /// Decompresses a whole gzip stream (concatenated members are accepted).
  public static func gunzip(_ input: [UInt8]) throws(ModelLoadError) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(max(input.count * 4, 1 << 16))
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .decompression("zlib initialisation failed") }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    var status: Int32 = Z_OK
    let failure: String? = input.withUnsafeBufferPointer { src -> String? in
      stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
      stream.avail_in = UInt32(src.count)
      while true {
        let produced: Int = buffer.withUnsafeMutableBufferPointer { dst in
          stream.next_out = dst.baseAddress
          stream.avail_out = UInt32(chunk)
          status = inflate(&stream, Z_NO_FLUSH)
          return chunk - Int(stream.avail_out)
        }
        out.append(contentsOf: buffer[0..<produced])
        if status == Z_STREAM_END {
          if stream.avail_in == 0 { return nil }
          // Another gzip member follows.
          guard inflateReset(&stream) == Z_OK else { return "cannot reset for the next member" }
          continue
        }
        if status == Z_BUF_ERROR && stream.avail_in == 0 {
          return "stream truncated after \(out.count) decompressed bytes"
        }
        if status != Z_OK {
          let msg = stream.msg.map { String(cString: $0) } ?? "error \(status)"
          return "\(msg) after \(out.count) decompressed bytes"
        }
      }
    }
    if let failure { throw .decompression(failure) }
    return out
  }
}
