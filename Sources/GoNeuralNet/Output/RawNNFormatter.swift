#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Formats evaluations exactly as KataGo's GTP `kata-raw-nn` prints them.
public enum RawNNFormatter {
  /// printf-style formatting of one double.
  static func format(_ fmt: String, _ v: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([v]) { vsnprintf(&buffer, 64, fmt, $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The text of one symmetry's block (without the GTP `= ` prefix).
  public static func block(_ e: NNEvaluation, symmetry: Int) -> String {
    var out = "symmetry \(symmetry)\n"
    out += "whiteWin " + format("%.6f", Double(e.whiteWin)) + "\n"
    out += "whiteLoss " + format("%.6f", Double(e.whiteLoss)) + "\n"
    out += "noResult " + format("%.6f", Double(e.noResult)) + "\n"
    out += "whiteLead " + format("%.3f", Double(e.whiteLead)) + "\n"
    out += "whiteScoreSelfplay " + format("%.3f", Double(e.whiteScoreMean)) + "\n"
    out += "whiteScoreSelfplaySq " + format("%.3f", Double(e.whiteScoreMeanSq)) + "\n"
    out += "varTimeLeft " + format("%.3f", Double(e.varTimeLeft)) + "\n"
    out += "shorttermWinlossError " + format("%.3f", Double(e.shorttermWinlossError)) + "\n"
    out += "shorttermScoreError " + format("%.3f", Double(e.shorttermScoreError)) + "\n"
    out += "policy\n"
    for y in 0..<e.ySize {
      for x in 0..<e.xSize {
        let p = e.policy[y * e.xSize + x]
        out += p < 0 ? "    NAN " : format("%8.6f", Double(p)) + " "
      }
      out += "\n"
    }
    out += "policyPass " + format("%8.6f", Double(e.passProbability)) + " \n"
    out += "whiteOwnership\n"
    for y in 0..<e.ySize {
      for x in 0..<e.xSize { out += format("%9.7f", Double(e.whiteOwnership[y * e.xSize + x])) + " " }
      out += "\n"
    }
    return out
  }

  /// The full GTP success reply for one or more symmetries ("= symmetry 0\n...").
  public static func reply(_ evaluations: [(symmetry: Int, evaluation: NNEvaluation)]) -> String {
    let body = evaluations.map { block($0.evaluation, symmetry: $0.symmetry) }.joined(separator: "\n")
    var trimmed = body
    while let last = trimmed.last, last == " " || last == "\n" { trimmed.removeLast() }
    return "= " + trimmed + "\n\n"
  }
}
