import Foundation
import Testing

@testable import GoFormats

/// The protocols' line reader (reliability audit F9): linear in its input however it arrives,
/// and a documented line-length limit that refuses a line without holding it.
@Suite struct LineReaderTests {
  /// A reader over `input` delivered in chunks of `chunk` bytes.
  static func reader(_ input: [UInt8], chunk: Int, maxLineBytes: Int = LineReader.defaultMaxLineBytes)
    -> LineReader
  {
    var at = 0
    return LineReader(maxLineBytes: maxLineBytes) {
      let end = min(input.count, at + chunk)
      defer { at = end }
      return Data(input[at..<end])
    }
  }

  static func lines(_ reader: inout LineReader) -> [LineReader.Line] {
    var out: [LineReader.Line] = []
    while let l = reader.nextLine() { out.append(l) }
    return out
  }

  @Test func splitsLinesWhateverTheChunks() {
    let input = Array("name\r\n\nversion\n  list_commands  \nlast without LF".utf8)
    for chunk in [1, 2, 3, 7, 64, 1 << 16] {
      var r = Self.reader(input, chunk: chunk)
      #expect(
        Self.lines(&r) == [.text("name\r"), .text(""), .text("version"), .text("  list_commands  "), .text("last without LF")],
        "chunk \(chunk)")
    }
    var empty = Self.reader([], chunk: 4)
    #expect(empty.nextLine() == nil)
  }

  @Test func searchesEveryByteOnceForALongLineInSmallChunks() {
    // A 4 MB line in 4 KB chunks: the old reader searched the whole pending line again after
    // every chunk (about 2·10⁹ bytes here); this one searches each byte once.
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
    let input = Array("name ".utf8) + long + Array("\nquit\n".utf8)
    var r = Self.reader(input, chunk: 4096, maxLineBytes: 8 << 20)
    #expect(Self.lines(&r) == [.text("name " + String(repeating: "x", count: 4 << 20)), .text("quit")])
    #expect(r.bytesScanned == input.count)
  }

  @Test func manyShortLinesAreLinearToo() {
    let input = Array(String(repeating: "play b D4\n", count: 100_000).utf8)
    var r = Self.reader(input, chunk: 65536)
    var n = 0
    while case .text(let t)? = r.nextLine() {
      #expect(t == "play b D4")
      n += 1
    }
    #expect(n == 100_000)
    #expect(r.bytesScanned == input.count)
  }

  @Test func aLineOverTheLimitIsRefusedWithItsLengthAndReadingGoesOn() {
    let limit = 1000
    let input = Array(("1 name\n" + String(repeating: "y", count: 5000) + "\n"
      + String(repeating: "z", count: limit) + "\n" + String(repeating: "w", count: limit + 1)
      + "\n2 version\n" + String(repeating: "v", count: 3000)).utf8)
    for chunk in [1, 100, 999, 1001, 4096, 1 << 20] {
      var r = Self.reader(input, chunk: chunk, maxLineBytes: limit)
      #expect(
        Self.lines(&r) == [
          .text("1 name"), .tooLong(bytes: 5000), .text(String(repeating: "z", count: limit)),
          .tooLong(bytes: limit + 1), .text("2 version"), .tooLong(bytes: 3000),
        ], "chunk \(chunk)")
    }
  }

  @Test func theDefaultLimitIsOneMebibyte() {
    #expect(LineReader.defaultMaxLineBytes == 1 << 20)
    let pipe = Pipe()
    #expect(LineReader(pipe.fileHandleForReading).maxLineBytes == 1 << 20)
  }
}
