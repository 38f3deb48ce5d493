/// Builds a NumPy `.npz` file: a zip archive of `.npy` members, stored uncompressed (method 0)
/// with CRC-32, local headers, a central directory and an end record. Timestamps are fixed
/// (1980-01-01 00:00) so the same arrays always give the same bytes.
public struct NpzWriter: Sendable {
  /// A problem that keeps the archive from being written.
  public struct SizeError: Error, CustomStringConvertible {
    public var description: String
  }

  private var body: [UInt8] = []
  private var central: [UInt8] = []
  private var count = 0

  /// An empty archive.
  public init() {}

  /// Adds `array` as member `name.npy` (`np.load` exposes it as `name`).
  public mutating func add(_ name: String, _ array: NpyArray) throws(SizeError) {
    let data = array.npyBytes
    let fileName = Array((name + ".npy").utf8)
    guard data.count < 0xFFFF_FFFF, body.count < 0xFFFF_FFFF - data.count - 30 - fileName.count,
      count < 0xFFFF
    else {
      throw SizeError(description: "npz member \(name) would exceed the zip limits (4 GiB, 65535 members); write fewer rows per file")
    }
    let crc = CRC32.checksum(data)
    let offset = UInt32(body.count)
    let size = UInt32(data.count)
    // Local file header.
    Self.u32(0x0403_4B50, &body)
    Self.u16(20, &body)  // version needed
    Self.u16(0, &body)  // flags
    Self.u16(0, &body)  // stored
    Self.u16(0, &body)  // time
    Self.u16(0x21, &body)  // date 1980-01-01
    Self.u32(crc, &body)
    Self.u32(size, &body)
    Self.u32(size, &body)
    Self.u16(UInt16(fileName.count), &body)
    Self.u16(0, &body)  // extra
    body += fileName
    body += data
    // Central directory entry.
    Self.u32(0x0201_4B50, &central)
    Self.u16(20, &central)  // made by
    Self.u16(20, &central)  // needed
    Self.u16(0, &central)
    Self.u16(0, &central)
    Self.u16(0, &central)
    Self.u16(0x21, &central)
    Self.u32(crc, &central)
    Self.u32(size, &central)
    Self.u32(size, &central)
    Self.u16(UInt16(fileName.count), &central)
    Self.u16(0, &central)  // extra
    Self.u16(0, &central)  // comment
    Self.u16(0, &central)  // disk
    Self.u16(0, &central)  // internal attributes
    Self.u32(0, &central)  // external attributes
    Self.u32(offset, &central)
    central += fileName
    count += 1
  }

  /// The finished archive.
  public func bytes() throws(SizeError) -> [UInt8] {
    guard body.count + central.count < 0xFFFF_FFFF else {
      throw SizeError(description: "npz archive would exceed 4 GiB; write fewer rows per file")
    }
    var out = body + central
    Self.u32(0x0605_4B50, &out)
    Self.u16(0, &out)
    Self.u16(0, &out)
    Self.u16(UInt16(count), &out)
    Self.u16(UInt16(count), &out)
    Self.u32(UInt32(central.count), &out)
    Self.u32(UInt32(body.count), &out)
    Self.u16(0, &out)
    return out
  }

  private static func u16(_ v: UInt16, _ d: inout [UInt8]) {
    d.append(UInt8(v & 0xFF))
    d.append(UInt8(v >> 8))
  }

  private static func u32(_ v: UInt32, _ d: inout [UInt8]) {
    for k in 0..<4 { d.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) }
  }
}
