import GoTrainingData

/// A minimal reader of stored (uncompressed) zip archives, enough to check `NpzWriter`'s
/// output independently: end record → central directory → local headers, CRC verified.
struct ZipReader {
  struct Failure: Error, CustomStringConvertible { var description: String }

  /// Member name → contents, in central-directory order.
  var members: [(name: String, data: [UInt8])] = []

  init(_ b: [UInt8]) throws {
    func u16(_ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
    func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
    let eocd = b.count - 22
    guard eocd >= 0, u32(eocd) == 0x0605_4B50 else { throw Failure(description: "no end record") }
    let count = u16(eocd + 10)
    guard u16(eocd + 8) == count else { throw Failure(description: "entry counts differ") }
    var c = u32(eocd + 16)
    guard c + u32(eocd + 12) == eocd else { throw Failure(description: "central directory size") }
    for _ in 0..<count {
      guard u32(c) == 0x0201_4B50 else { throw Failure(description: "central header at \(c)") }
      let method = u16(c + 10)
      let crc = UInt32(u32(c + 16))
      let size = u32(c + 20)
      guard method == 0, u32(c + 24) == size else { throw Failure(description: "not stored") }
      let nameLen = u16(c + 28)
      let extra = u16(c + 30)
      let comment = u16(c + 32)
      let local = u32(c + 42)
      let name = String(decoding: b[(c + 46)..<(c + 46 + nameLen)], as: UTF8.self)
      guard u32(local) == 0x0403_4B50, UInt32(u32(local + 14)) == crc, u32(local + 18) == size,
        u16(local + 26) == nameLen,
        String(decoding: b[(local + 30)..<(local + 30 + nameLen)], as: UTF8.self) == name
      else { throw Failure(description: "local header of \(name) disagrees") }
      let start = local + 30 + nameLen + u16(local + 28)
      let data = Array(b[start..<(start + size)])
      guard CRC32.checksum(data) == crc else { throw Failure(description: "CRC of \(name)") }
      members.append((name, data))
      c += 46 + nameLen + extra + comment
    }
  }

  /// The member called `name`.
  func member(_ name: String) -> [UInt8]? { members.first { $0.name == name }?.data }
}
