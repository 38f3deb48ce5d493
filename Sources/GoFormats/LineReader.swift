public import Foundation

/// Reads a file handle line by line (LF-terminated; a CR before it is the caller's to strip):
/// the framing of GTP and of the JSON analysis protocol.
public struct LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEOF = false

  public init(_ handle: FileHandle) { self.handle = handle }

  /// The next line without its LF, or nil at end of input. Blocks until a line is complete.
  public mutating func next() -> String? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 10) {
        let line = String(decoding: buffer[start..<nl], as: UTF8.self)
        start = nl + 1
        if start > 65536 {
          buffer.removeFirst(start)
          start = 0
        }
        return line
      }
      if atEOF {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        start = buffer.count
        return line
      }
      let chunk = handle.availableData
      if chunk.isEmpty { atEOF = true } else { buffer += chunk }
    }
  }
}
