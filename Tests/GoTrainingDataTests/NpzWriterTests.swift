import GoTrainingData
import Testing

@Suite struct NpzWriterTests {
  static func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = s.startIndex
    while i < s.endIndex {
      let j = s.index(i, offsetBy: 2)
      out.append(UInt8(s[i..<j], radix: 16)!)
      i = j
    }
    return out
  }

  /// `np.save` of `np.array([1, -2, 3], '<i4')` (NumPy 2), byte for byte.
  @Test func npyMatchesNumPyForAVector() {
    let expected = Self.hex(
      "934e554d5059010076007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d"
        + String(repeating: "20", count: 60) + "0a01000000feffffff03000000")
    let a = NpyArray(int32: [1, -2, 3], shape: [3])
    #expect(a.npyBytes == expected)
    #expect(a.header.count % 64 == 0 && a.header.last == 0x0A)
  }

  /// `np.save` of `np.array('héllo')`: a 0-d `<U5` string as UTF-32LE code units.
  @Test func npyMatchesNumPyForAUnicodeScalar() {
    let expected = Self.hex(
      "934e554d5059010076007b276465736372273a20273c5535272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028292c207d"
        + String(repeating: "20", count: 62) + "0a68000000e90000006c0000006c0000006f000000")
    #expect(NpyArray(string: "héllo").npyBytes == expected)
  }

  @Test func headersOfEveryShapeArePaddedTo64Bytes() {
    for shape in [[], [7], [123_456, 22, 46], [2, 3]] {
      let a = NpyArray(uint8: [UInt8](repeating: 0, count: shape.reduce(1, *)), shape: shape)
      let h = a.header
      #expect(h.count % 64 == 0)
      #expect(Int(h[8]) | Int(h[9]) << 8 == h.count - 10)
      #expect(h.last == 0x0A)
    }
  }

  @Test func crc32MatchesTheStandardCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
  }

  @Test func npzRoundTripsThroughAZipReader() throws {
    var z = NpzWriter()
    let a = NpyArray(float32: [1.5, -2, 0.25, 4], shape: [2, 2])
    let b = NpyArray(int8: [-127, 0, 127], shape: [3])
    try z.add("alpha", a)
    try z.add("beta", b)
    let bytes = try z.bytes()
    let r = try ZipReader(bytes)
    #expect(r.members.map(\.name) == ["alpha.npy", "beta.npy"])
    #expect(r.member("alpha.npy") == a.npyBytes)
    #expect(r.member("beta.npy") == b.npyBytes)
    // Deterministic: the same arrays give the same archive.
    var z2 = NpzWriter()
    try z2.add("alpha", a)
    try z2.add("beta", b)
    #expect(try z2.bytes() == bytes)
  }
}
