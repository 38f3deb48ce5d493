public import Foundation

/// Reads a file handle line by line (LF-terminated; a CR before it is the caller's to strip):
/// the framing of GTP and of the JSON analysis protocol.
///
/// **Cost.** Linear in the input: every byte is searched for a line end once, however the
/// input arrives in chunks (`bytesScanned` counts them), and consumed lines are dropped from
/// the buffer in amortised constant time per byte. (The reader once searched the whole
/// pending line again after every chunk: a 16 MB line took 7 to 17 s.)
///
/// **Limit.** A line longer than `maxLineBytes` (without its LF) is not kept: its bytes are
/// dropped as they arrive and `nextLine()` returns `.tooLong` with its length, so memory stays
/// within the limit plus one chunk, and the caller answers with an error and reads on.
public struct LineReader {
  /// The default longest line: 1 MiB, a hundred times the largest real GTP command or analysis
  /// query (a 19×19 game of 400 moves with every turn analysed is about 10 KB).
  public static let defaultMaxLineBytes = 1 << 20

  /// One input line.
  public enum Line: Equatable, Sendable {
    /// A line within the limit, without its LF.
    case text(String)
    /// A line of `bytes` bytes (without its LF), over the limit; its text was dropped.
    case tooLong(bytes: Int)
  }

  /// The longest line `nextLine()` returns as text, in bytes without the LF.
  public let maxLineBytes: Int
  /// Bytes searched for a line end so far: at most the bytes read (each is searched once).
  public private(set) var bytesScanned = 0

  /// The next chunk of input; empty at end of input.
  private let read: () -> Data
  private var buffer: [UInt8] = []
  /// Where the current line starts in `buffer`.
  private var start = 0
  /// `buffer[start..<scanned]` holds no LF: the search goes on from `scanned`.
  private var scanned = 0
  /// Bytes of an over-long line already dropped (its LF not seen yet).
  private var dropped = 0
  private var dropping = false
  private var atEOF = false

  /// A reader of `handle`, refusing lines longer than `maxLineBytes`.
  public init(_ handle: FileHandle, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
    self.init(maxLineBytes: maxLineBytes) { handle.availableData }
  }

  /// A reader of the chunks `read` returns (empty: end of input), for tests that choose how
  /// the input is cut.
  init(maxLineBytes: Int = LineReader.defaultMaxLineBytes, read: @escaping () -> Data) {
    self.maxLineBytes = max(0, maxLineBytes)
    self.read = read
  }

  /// The next line, or nil at end of input. Blocks until a line is complete (or, for an
  /// over-long line, until its LF or the end of input).
  public mutating func nextLine() -> Line? {
    while true {
      if let nl = findLineFeed() {
        let length = dropped + nl - start
        let line: Line =
          dropping || length > maxLineBytes
          ? .tooLong(bytes: length) : .text(String(decoding: buffer[start..<nl], as: UTF8.self))
        finishLine(at: nl + 1)
        return line
      }
      // No LF yet: a line already over the limit keeps only its length.
      if dropping || buffer.count - start > maxLineBytes { dropPending() }
      if atEOF {
        guard dropping || start < buffer.count else { return nil }
        let line: Line =
          dropping
          ? .tooLong(bytes: dropped) : .text(String(decoding: buffer[start...], as: UTF8.self))
        finishLine(at: buffer.count)
        return line
      }
      let chunk = read()
      if chunk.isEmpty { atEOF = true } else { buffer.append(contentsOf: chunk) }
    }
  }

  /// The index of the first LF in `buffer` after what was searched already; each byte is
  /// searched once.
  private mutating func findLineFeed() -> Int? {
    let from = max(start, scanned)
    let count = buffer.count - from
    guard count > 0 else { return nil }
    let found: Int? = buffer.withUnsafeBufferPointer { b in
      memchr(b.baseAddress! + from, 10, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
    }
    bytesScanned += (found.map { $0 + 1 } ?? buffer.count) - from
    scanned = found ?? buffer.count
    return found
  }

  /// Ends the current line; the next one starts at `end`.
  private mutating func finishLine(at end: Int) {
    dropping = false
    dropped = 0
    advance(to: end)
  }

  /// Drops the bytes held of an over-long line whose LF is still to come.
  private mutating func dropPending() {
    dropping = true
    dropped += buffer.count - start
    advance(to: buffer.count)
  }

  /// Moves the line start to `end`, dropping consumed bytes from the buffer once they are at
  /// least half of it (each byte is moved at most once on average: amortised linear).
  private mutating func advance(to end: Int) {
    start = end
    scanned = end
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: buffer.capacity <= 4 << 20)
      start = 0
      scanned = 0
    } else if start >= Self.compactionThreshold && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
  }

  /// Consumed bytes are dropped from the buffer's front once there are this many.
  private static let compactionThreshold = 1 << 16
}
