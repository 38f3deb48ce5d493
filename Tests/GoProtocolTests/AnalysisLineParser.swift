/// Reads analysis lines the way the GUIs do (`docs/KATAGO.md` §3.11), to check Tengen's output
/// is usable.
///
/// Lizzie: take the part after the word `ownership` as the ownership array, split the rest at
/// `info`, read key/value pairs until `pv`, and take the rest of the segment as the PV. Sabaki
/// additionally requires the PV (vertices or `pass`) to end each segment. For the lz dialect
/// `winrate`, `prior` and `lcb` must be integers.
struct AnalysisLineParser {
  /// One `info` segment.
  struct Candidate {
    var fields: [String: String] = [:]
    var pv: [String] = []

    func int(_ key: String) -> Int? { fields[key].flatMap { Int($0) } }
    func double(_ key: String) -> Double? { fields[key].flatMap { Double($0) } }
  }

  /// Why a line is not what a GUI can read.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var candidates: [Candidate] = []
  var ownership: [Double]?

  /// Parses one line; `lz` checks Leela Zero's integer fields.
  init(_ line: String, lz: Bool) throws {
    var text = Substring(line)
    if !lz, let range = text.range(of: " ownership ") {
      ownership = try text[range.upperBound...].split(separator: " ").map { word in
        guard let x = Double(word) else { throw Failure(description: "ownership '\(word)'") }
        return x
      }
      text = text[..<range.lowerBound]
    }
    for segment in text.split(separator: "info ", omittingEmptySubsequences: true) {
      let words = segment.split(separator: " ").map(String.init)
      var c = Candidate()
      var i = 0
      while i < words.count {
        if words[i] == "pv" {
          c.pv = Array(words[(i + 1)...])
          break
        }
        guard i + 1 < words.count else { throw Failure(description: "key without value") }
        c.fields[words[i]] = words[i + 1]
        i += 2
      }
      guard !c.pv.isEmpty, c.pv.allSatisfy(Self.isVertex) else {
        throw Failure(description: "PV not last or not vertices in '\(segment)'")
      }
      guard c.fields["move"].map(Self.isVertex) == true, c.int("visits") != nil,
        c.int("order") != nil
      else { throw Failure(description: "move, visits or order missing in '\(segment)'") }
      if lz {
        for key in ["winrate", "prior", "lcb"] where c.int(key) == nil {
          throw Failure(description: "lz \(key) not an integer in '\(segment)'")
        }
      } else {
        for key in ["winrate", "prior", "scoreMean", "scoreLead", "scoreStdev", "lcb"]
        where c.double(key) == nil {
          throw Failure(description: "kata \(key) missing in '\(segment)'")
        }
      }
      candidates.append(c)
    }
  }

  /// A GTP vertex as Sabaki accepts it (letters without I, then a row number), or `pass`.
  static func isVertex(_ word: String) -> Bool {
    if word == "pass" { return true }
    guard let letter = word.first, letter.isUppercase, letter != "I", letter.isASCII,
      let row = Int(word.dropFirst()), (1...25).contains(row)
    else { return false }
    return true
  }
}
