import CZlib
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads KataGo model files (`.bin.gz`, `.bin`, `.txt.gz`, `.txt`, other `.gz`).
///
/// Limits (reliability audit F8, F10): only regular files are read (a FIFO or device would
/// block or never end), at most `maxFileBytes` of them, and a gzip stream is decompressed to
/// at most `decompressedLimit(compressedBytes:)` bytes, so a small "gzip bomb" fails at once
/// instead of taking gigabytes of memory.
public enum ModelLoader {
  /// The largest model file, compressed or not, and the largest decompressed model: 2 GiB,
  /// well above KataGo's largest networks (a b40 text file is about 0.6 GB; binary files are
  /// a third of that).
  public static let maxFileBytes = 2 << 30

  /// Decompressed bytes a gzip stream of every size may give: 64 MiB.
  public static let minDecompressedLimit = 64 << 20

  /// How many times its compressed size a model may decompress to. Real models compress
  /// about 1.1× (binary) to 2.3× (text); a gzip bomb about 1000×.
  public static let maxCompressionRatio = 16

  /// The most bytes `compressedBytes` of gzip data may decompress to:
  /// `maxCompressionRatio` times its size, at least `minDecompressedLimit`, at most
  /// `maxFileBytes`.
  public static func decompressedLimit(compressedBytes: Int) -> Int {
    let relative = compressedBytes.multipliedReportingOverflow(by: maxCompressionRatio)
    let bound = relative.overflow ? maxFileBytes : relative.partialValue
    return min(maxFileBytes, max(minDecompressedLimit, bound))
  }

  /// Loads and validates the model at `path`.
  public static func load(path: String) throws(ModelLoadError) -> ModelDescription {
    let lower = path.lowercased()
    let fileName = (path as NSString).lastPathComponent
    let known = [".bin.gz", ".txt.gz", ".bin", ".txt", ".gz"]
    guard known.contains(where: { lower.hasSuffix($0) }) else { throw .unsupportedFileName(fileName) }
    // The compressed bytes are dropped before parsing so that peak memory stays low.
    var raw = try readFile(path)
    let compressed = lower.hasSuffix(".gz")
    let bytes = compressed ? try gunzip(raw, limit: decompressedLimit(compressedBytes: raw.count)) : raw
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

  /// The bytes of the regular file at `path`.
  /// - Throws: `.io` when it cannot be opened or read, or is not a regular file (checked on
  ///   the opened file, which a FIFO never blocks: it is opened non-blocking); `.tooLarge`
  ///   past `maxFileBytes`.
  static func readFile(_ path: String) throws(ModelLoadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      let name =
        kind == S_IFIFO ? "a FIFO" : kind == S_IFDIR ? "a directory" : kind == S_IFCHR ? "a character device"
        : kind == S_IFBLK ? "a block device" : kind == S_IFSOCK ? "a socket" : "not a plain file"
      throw .io(path: path, reason: "not a regular file (\(name))")
    }
    let size = Int(info.st_size)
    guard size <= maxFileBytes else { throw .tooLarge(what: "model file \(path)", limit: maxFileBytes) }
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
      if n == 0 { break }  // the file shrank while being read: parsing reports the truncation
      done += n
    }
    return done == size ? bytes : Array(bytes[0..<done])
  }

  /// Decompresses a whole gzip stream (concatenated members are accepted) of at most `limit`
  /// bytes (default: `decompressedLimit` for the input's size).
  /// - Throws: `.decompression` for corrupt or truncated data, `.tooLarge` past `limit` (at
  ///   once: at most `limit` plus one chunk is ever held).
  public static func gunzip(_ input: [UInt8], limit: Int? = nil) throws(ModelLoadError) -> [UInt8] {
    let limit = limit ?? decompressedLimit(compressedBytes: input.count)
    var out = [UInt8]()
    out.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .decompression("zlib initialisation failed") }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    var status: Int32 = Z_OK
    let failure: ModelLoadError? = input.withUnsafeBufferPointer { src -> ModelLoadError? in
      stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
      stream.avail_in = UInt32(src.count)
      while true {
        let produced: Int = buffer.withUnsafeMutableBufferPointer { dst in
          stream.next_out = dst.baseAddress
          stream.avail_out = UInt32(chunk)
          status = inflate(&stream, Z_NO_FLUSH)
          return chunk - Int(stream.avail_out)
        }
        guard out.count + produced <= limit else {
          return .tooLarge(what: "decompressed model data (\(input.count) bytes compressed)", limit: limit)
        }
        out.append(contentsOf: buffer[0..<produced])
        if status == Z_STREAM_END {
          if stream.avail_in == 0 { return nil }
          // Another gzip member follows.
          guard inflateReset(&stream) == Z_OK else { return .decompression("cannot reset for the next member") }
          continue
        }
        if status == Z_BUF_ERROR && stream.avail_in == 0 {
          return .decompression("stream truncated after \(out.count) decompressed bytes")
        }
        if status != Z_OK {
          let msg = stream.msg.map { String(cString: $0) } ?? "error \(status)"
          return .decompression("\(msg) after \(out.count) decompressed bytes")
        }
      }
    }
    if let failure { throw failure }
    return out
  }
}
