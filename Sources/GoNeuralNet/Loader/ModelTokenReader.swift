#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A cursor over the decompressed bytes of a model file: whitespace tokens and float arrays.
struct ModelTokenReader {
  /// The decompressed file.
  let bytes: [UInt8]
  /// Whether float arrays are binary (`@BIN@`) or text.
  let binary: Bool
  /// The read position.
  var offset = 0
  /// The name of the layer being read, for error messages.
  var layer = "model header"

  init(bytes: [UInt8], binary: Bool) {
    self.bytes = bytes
    self.binary = binary
  }

  @inline(__always)
  private static func isSpace(_ b: UInt8) -> Bool {
    b == 32 || b == 10 || b == 13 || b == 9 || b == 11 || b == 12
  }

  /// Skips whitespace.
  mutating func skipSpace() {
    while offset < bytes.count && Self.isSpace(bytes[offset]) { offset += 1 }
  }

  /// Whether only whitespace remains.
  mutating func atEnd() -> Bool {
    skipSpace()
    return offset >= bytes.count
  }

  /// Reads the next whitespace-delimited token.
  mutating func token(_ what: String) throws(ModelLoadError) -> String {
    skipSpace()
    guard offset < bytes.count else {
      throw .truncated(expected: what, offset: offset, layer: layer)
    }
    let start = offset
    while offset < bytes.count && !Self.isSpace(bytes[offset]) && offset - start < 4096 {
      offset += 1
    }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  /// Reads a layer name token and makes it the error context.
  mutating func name(_ what: String) throws(ModelLoadError) -> String {
    let n = try token(what)
    layer = n
    return n
  }

  /// Reads a decimal integer.
  mutating func int(_ what: String) throws(ModelLoadError) -> Int {
    let start = offset
    let t = try token(what)
    guard let v = Int(t) else {
      throw .malformed(expected: "integer \(what)", found: t, offset: start, layer: layer)
    }
    return v
  }

  /// Reads an integer that must lie in `range`.
  mutating func int(_ what: String, in range: ClosedRange<Int>) throws(ModelLoadError) -> Int {
    let v = try int(what)
    guard range.contains(v) else {
      throw .invalid(layer: layer, reason: "\(what) is \(v), must be in \(range)")
    }
    return v
  }

  /// Reads a 0/1 boolean.
  mutating func bool(_ what: String) throws(ModelLoadError) -> Bool {
    try int(what, in: 0...1) == 1
  }

  /// Reads a finite float scalar token.
  mutating func float(_ what: String) throws(ModelLoadError) -> Float {
    let start = offset
    let t = try token(what)
    guard let v = Self.parseFloat(t), v.isFinite else {
      throw .malformed(expected: "finite number \(what)", found: t, offset: start, layer: layer)
    }
    return v
  }

  static func parseFloat(_ t: String) -> Float? {
    if let v = Float(t) { return v }
    // Accept forms Swift's parser rejects but strtof takes (e.g. "1." or "+.5").
    var end: UnsafeMutablePointer<CChar>? = nil
    let v = t.withCString { p -> Float? in
      let r = strtof(p, &end)
      guard let e = end, e != UnsafeMutablePointer(mutating: p), e.pointee == 0 else { return nil }
      return r
    }
    return v
  }

  /// Reads an array of `count` finite floats (binary or text according to the file type).
  mutating func floats(_ count: Int, _ what: String) throws(ModelLoadError) -> [Float] {
    guard count >= 0 && count < 1 << 31 else {
      throw .invalid(layer: layer, reason: "\(what) has an impossible size \(count)")
    }
    if binary { return try binaryFloats(count, what) }
    // Each number takes at least one character and a separator: a count the rest of the file
    // cannot hold is refused before any memory is reserved for it (a declared 46340×46340
    // layer once reserved 8.6 GB).
    guard count == 0 || 2 * count - 1 <= bytes.count - offset else {
      throw .truncated(expected: what, offset: bytes.count, layer: layer)
    }
    var out = [Float]()
    out.reserveCapacity(count)
    for i in 0..<count {
      let start = offset
      let t = try token(what)
      guard let v = Self.parseFloat(t) else {
        throw .malformed(expected: "number (\(what))", found: t, offset: start, layer: layer)
      }
      guard v.isFinite else { throw .nonFinite(layer: layer, index: i, offset: start) }
      out.append(v)
    }
    return out
  }

  private mutating func binaryFloats(_ count: Int, _ what: String) throws(ModelLoadError)
    -> [Float]
  {
    var skipped = 0
    while offset < bytes.count && bytes[offset] != UInt8(ascii: "@") {
      offset += 1
      skipped += 1
      if skipped > 100 {
        throw .malformed(
          expected: "@BIN@ before \(what)", found: "no marker within 100 bytes",
          offset: offset, layer: layer)
      }
    }
    guard offset + 5 <= bytes.count else {
      throw .truncated(expected: "@BIN@ marker of \(what)", offset: offset, layer: layer)
    }
    let marker = [UInt8]("@BIN@".utf8)
    guard Array(bytes[offset..<offset + 5]) == marker else {
      let found = String(decoding: bytes[offset..<offset + 5], as: UTF8.self)
      throw .malformed(expected: "@BIN@ before \(what)", found: found, offset: offset, layer: layer)
    }
    offset += 5
    let byteCount = count * 4
    guard offset + byteCount <= bytes.count else {
      throw .truncated(
        expected: "\(count) floats of \(what)", offset: bytes.count, layer: layer)
    }
    var out = [Float](repeating: 0, count: count)
    let start = offset
    bytes.withUnsafeBytes { src in
      out.withUnsafeMutableBytes { dst in
        dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[start..<start + byteCount]))
      }
    }
    #if _endian(big)
      for i in 0..<count { out[i] = Float(bitPattern: UInt32(littleEndian: out[i].bitPattern)) }
    #endif
    offset += byteCount
    // Finite check: a NaN or infinity has all exponent bits set.
    var bad = -1
    out.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: UInt32.self) { u in
        var any: UInt32 = 0
        for v in u { any |= (v & 0x7f80_0000) == 0x7f80_0000 ? 1 : 0 }
        if any != 0 {
          for i in 0..<u.count where (u[i] & 0x7f80_0000) == 0x7f80_0000 {
            bad = i
            break
          }
        }
      }
    }
    if bad >= 0 { throw .nonFinite(layer: layer, index: bad, offset: start + 4 * bad) }
    return out
  }
}
