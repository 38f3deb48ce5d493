/// One NumPy array ready to be written as a `.npy` file (format version 1.0): its dtype
/// descriptor, shape and little-endian element bytes.
public struct NpyArray: Sendable, Equatable {
  /// NumPy's dtype string, e.g. `<f4`, `|u1`, `<U12`.
  public var descr: String
  /// The shape; empty for a 0-d array.
  public var shape: [Int]
  /// The elements in C order, little-endian.
  public var data: [UInt8]

  /// An array from its parts.
  public init(descr: String, shape: [Int], data: [UInt8]) {
    self.descr = descr
    self.shape = shape
    self.data = data
  }

  /// A float32 array.
  public init(float32 values: [Float], shape: [Int]) {
    precondition(values.count == shape.reduce(1, *), "element count does not match the shape")
    var d: [UInt8] = []
    d.reserveCapacity(values.count * 4)
    for v in values { NpyArray.append(v.bitPattern, to: &d) }
    self.init(descr: "<f4", shape: shape, data: d)
  }

  /// An int32 array.
  public init(int32 values: [Int32], shape: [Int]) {
    precondition(values.count == shape.reduce(1, *), "element count does not match the shape")
    var d: [UInt8] = []
    d.reserveCapacity(values.count * 4)
    for v in values { NpyArray.append(UInt32(bitPattern: v), to: &d) }
    self.init(descr: "<i4", shape: shape, data: d)
  }

  /// An int64 array.
  public init(int64 values: [Int64], shape: [Int]) {
    precondition(values.count == shape.reduce(1, *), "element count does not match the shape")
    var d: [UInt8] = []
    d.reserveCapacity(values.count * 8)
    for v in values { NpyArray.append(UInt64(bitPattern: v), to: &d) }
    self.init(descr: "<i8", shape: shape, data: d)
  }

  /// An int8 array.
  public init(int8 values: [Int8], shape: [Int]) {
    precondition(values.count == shape.reduce(1, *), "element count does not match the shape")
    self.init(descr: "|i1", shape: shape, data: values.map { UInt8(bitPattern: $0) })
  }

  /// A uint8 array.
  public init(uint8 values: [UInt8], shape: [Int]) {
    precondition(values.count == shape.reduce(1, *), "element count does not match the shape")
    self.init(descr: "|u1", shape: shape, data: values)
  }

  /// A 0-d unicode string (`<U{n}`, n = Unicode scalars, stored as UTF-32LE code units);
  /// an empty string is stored as `<U1` holding one NUL, as NumPy does.
  public init(string: String) {
    let scalars = Array(string.unicodeScalars)
    var d: [UInt8] = []
    for s in scalars { NpyArray.append(s.value, to: &d) }
    if scalars.isEmpty { d = [0, 0, 0, 0] }
    self.init(descr: "<U\(max(1, scalars.count))", shape: [], data: d)
  }

  /// The `.npy` header: magic, version 1.0, length, and the dict padded with spaces so that
  /// the whole header (newline included) is a multiple of 64 bytes. Like NumPy's own writer it
  /// leaves room for the first dimension to grow to 21 digits, so the bytes equal `np.save`'s.
  public var header: [UInt8] {
    let shapeText: String
    switch shape.count {
    case 0: shapeText = "()"
    case 1: shapeText = "(\(shape[0]),)"
    default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
    var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
    if let first = shape.first { dict += String(repeating: " ", count: max(0, 21 - String(first).count)) }
    let unpadded = 10 + dict.utf8.count + 1
    dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    let n = dict.utf8.count
    precondition(n <= 0xFFFF, "npy header too long")
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(n & 0xFF), UInt8(n >> 8)] + Array(dict.utf8)
  }

  /// The complete `.npy` file.
  public var npyBytes: [UInt8] { header + data }

  private static func append<T: FixedWidthInteger>(_ v: T, to d: inout [UInt8]) {
    var x = v.littleEndian
    withUnsafeBytes(of: &x) { d.append(contentsOf: $0) }
  }
}
