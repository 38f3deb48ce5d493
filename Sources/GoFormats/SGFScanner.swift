/// A cursor over UTF-8 bytes that tracks line and column for error messages.
struct SGFScanner {
  let bytes: [UInt8]
  private(set) var offset = 0
  private(set) var line = 1
  private(set) var column = 1
  /// The previous byte was CR (so a following LF does not start another line).
  private var afterCR = false

  init(bytes: [UInt8]) { self.bytes = bytes }

  /// True when every byte has been consumed.
  var atEnd: Bool { offset >= bytes.count }

  /// The current byte, or nil at the end.
  var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  /// The current line and column.
  var position: SGFPosition { SGFPosition(line: line, column: column) }

  /// Consumes one byte, keeping line and column (columns count characters, not bytes).
  mutating func advance() {
    guard offset < bytes.count else { return }
    let c = bytes[offset]
    offset += 1
    switch c {
    case 10:
      if !afterCR {
        line += 1
        column = 1
      }
      afterCR = false
    case 13:
      line += 1
      column = 1
      afterCR = true
    default:
      afterCR = false
      // UTF-8 continuation bytes do not start a new character.
      if c & 0xC0 != 0x80 { column += 1 }
    }
  }

  /// Consumes bytes while `predicate` holds.
  mutating func skip(while predicate: (UInt8) -> Bool) {
    while let c = peek, predicate(c) { advance() }
  }

  /// Consumes spaces, tabs, line breaks and other control characters.
  mutating func skipWhitespace() {
    skip { $0 <= 32 }
  }

  static func isLetter(_ c: UInt8) -> Bool { isUpper(c) || (c >= 97 && c <= 122) }
  static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }

  /// A byte as error-message text: the character in quotes, or its code if unprintable.
  func describe(_ c: UInt8) -> String {
    c >= 33 && c < 127 ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
  }
}
