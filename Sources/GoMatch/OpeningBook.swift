import Foundation
public import GoCore
import GoFormats

/// Fixed match openings read from a text file: one opening per line, its moves as GTP
/// vertices played alternately from Black (`E5 C3 G4`), `#` starting a comment, blank lines
/// skipped. Each opening is replayed under the match's rules when read, so a bad line is
/// reported before any game starts.
///
/// `scripts/make_openings.py` writes such files with the network's balance check, so that games
/// test the engines rather than a lopsided start (9×9 with komi 7.5 is a clear White win for
/// the network from the empty board).
public struct OpeningBook: Sendable {
  /// The openings, in file order.
  public let openings: [[Move]]

  /// A problem with one line of an opening file.
  public struct ParseError: Error, CustomStringConvertible, Equatable {
    /// 1-based line number.
    public let line: Int
    public let message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// Parses `text` for a `width`×`height` board under `rules`.
  /// - Throws: `ParseError` naming the first bad line (unknown vertex, illegal move), or
  ///   line 0 when the text holds no opening at all.
  public init(text: String, width: Int, height: Int, rules: Rules) throws(ParseError) {
    var openings: [[Move]] = []
    for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      let words = content.split(whereSeparator: \.isWhitespace)
      guard !words.isEmpty else { continue }
      var state = GameState(width: width, height: height, rules: rules)
      var moves: [Move] = []
      for word in words {
        guard let move = GTPVertex.move(String(word), width: width, height: height) else {
          throw ParseError(line: i + 1, message: "'\(word)' is not a vertex on a \(width)x\(height) board")
        }
        do {
          try state.play(move)
        } catch {
          throw ParseError(line: i + 1, message: "'\(word)' is illegal there (\(error))")
        }
        moves.append(move)
      }
      openings.append(moves)
    }
    guard !openings.isEmpty else { throw ParseError(line: 0, message: "no openings in the file") }
    self.openings = openings
  }

  /// Reads the file at `path`.
  /// - Throws: `ParseError` for bad content, or the file system's error.
  public init(path: String, width: Int, height: Int, rules: Rules) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try self.init(text: text, width: width, height: height, rules: rules)
  }
}
