import Foundation
public import GoSearch
import GoCore
import GoFormats

/// Writes analysis snapshots as the lines of `lz-analyze`, `kata-analyze` and `analyze`.
///
/// Values are from the side to move, as the snapshot holds them; board arrays are row-major
/// from the top-left. Each move segment starts with `info` and ends with its PV unless extra
/// trailing fields were requested.
public struct AnalysisFormatter: Sendable {
  public var dialect: GTPAnalysisCommand.Dialect
  public var options: GTPAnalysisOptions

  public init(dialect: GTPAnalysisCommand.Dialect, options: GTPAnalysisOptions) {
    self.dialect = dialect
    self.options = options
  }

  /// One output line for `snapshot` (empty when there is nothing to report).
  public func line(_ snapshot: AnalysisSnapshot) -> String {
    var parts: [String] = []
    let h = snapshot.height
    for info in snapshot.moveInfos {
      parts.append(dialect == .lz ? lzSegment(info, height: h) : kataSegment(info, height: h))
    }
    guard dialect != .lz else { return parts.joined(separator: " ") }
    if options.rootInfo {
      let r = snapshot.rootInfo
      var s = "rootInfo visits \(r.visits) utility \(f(r.utility)) winrate \(f(r.winrate))"
      s += " scoreMean \(f(r.scoreLead)) scoreStdev \(f(r.scoreStdev))"
      s += " scoreLead \(f(r.scoreLead)) scoreSelfplay \(f(r.scoreSelfplay))"
      s += " weight \(f(r.weight))"
      if let raw = r.raw {
        s += " rawStWrError \(f(raw.stWrError)) rawStScoreError \(f(raw.stScoreError))"
        s += " rawVarTimeLeft \(f(raw.varTimeLeft))"
      }
      parts.append(s)
    }
    if options.ownership, let o = snapshot.ownership { parts.append("ownership " + list(o)) }
    if options.ownershipStdev, let o = snapshot.ownershipStdev {
      parts.append("ownershipStdev " + list(o))
    }
    return parts.joined(separator: " ")
  }

  /// `info move … order N pv …` in Leela Zero's integer form.
  func lzSegment(_ m: AnalysisMoveInfo, height: Int) -> String {
    "info move \(vertex(m.move, height)) visits \(m.visits)"
      + " winrate \(Self.permyriad(m.winrate)) prior \(Self.permyriad(m.prior))"
      + " lcb \(Self.permyriad(m.lcb)) order \(m.order) pv " + pv(m.pv, height)
  }

  /// One kata move segment, fields in KataGo's order.
  func kataSegment(_ m: AnalysisMoveInfo, height: Int) -> String {
    var s = "info move \(vertex(m.move, height)) visits \(m.visits) edgeVisits \(m.edgeVisits)"
    s += " utility \(f(m.utility)) winrate \(f(m.winrate)) scoreMean \(f(m.scoreLead))"
    s += " scoreStdev \(f(m.scoreStdev)) scoreLead \(f(m.scoreLead))"
    s += " scoreSelfplay \(f(m.scoreSelfplay))"
    if options.noResultValue { s += " noResultValue \(f(m.noResult))" }
    s += " prior \(f(m.prior)) lcb \(f(m.lcb)) utilityLcb \(f(m.utilityLcb))"
    s += " weight \(f(m.weight))"
    if let sym = m.isSymmetryOf { s += " isSymmetryOf \(vertex(sym, height))" }
    s += " order \(m.order) pv " + pv(m.pv, height)
    if options.pvVisits { s += " " + Self.words("pvVisits", m.pvVisits.map(String.init)) }
    if options.pvEdgeVisits {
      s += " " + Self.words("pvEdgeVisits", m.pvEdgeVisits.map(String.init))
    }
    if options.movesOwnership, let o = m.ownership { s += " movesOwnership " + list(o) }
    if options.movesOwnershipStdev, let o = m.ownershipStdev {
      s += " movesOwnershipStdev " + list(o)
    }
    return s
  }

  /// A float in this dialect's format.
  func f(_ x: Double) -> String {
    dialect == .sabaki ? Self.showpoint(x) : Self.general(x)
  }

  /// A key followed by its values, single spaces, none trailing.
  private static func words(_ key: String, _ values: [String]) -> String {
    ([key] + values).joined(separator: " ")
  }

  private func list(_ values: [Double]) -> String {
    values.map { f($0) }.joined(separator: " ")
  }

  private func vertex(_ move: Move, _ height: Int) -> String {
    GTPVertex.text(move, height: height)
  }

  private func pv(_ moves: [Move], _ height: Int) -> String {
    moves.map { vertex($0, height) }.joined(separator: " ")
  }

  /// 10000 × `x`, rounded half away from zero (Leela Zero's integer fields).
  public static func permyriad(_ x: Double) -> Int {
    guard x.isFinite else { return 0 }
    return Int((x * 10000).rounded())
  }

  /// C++'s default stream format (`%g`): 6 significant digits, trailing zeros dropped,
  /// exponent form below 1e-4 and from 1e6.
  public static func general(_ x: Double) -> String {
    String(format: "%g", x)
  }

  /// C++'s `showpoint` format (`%#g`): 6 significant digits, trailing zeros kept.
  public static func showpoint(_ x: Double) -> String {
    String(format: "%#g", x)
  }
}
