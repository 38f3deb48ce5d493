/// The game-information properties of an SGF root node that Tengen reads and writes.
public struct SGFGameInfo: Equatable, Sendable {
  /// Board width (columns); from `SZ[w]` or `SZ[w:h]`, 19 by default.
  public var width = 19
  /// Board height (rows).
  public var height = 19
  /// `KM`: komi.
  public var komi: Double?
  /// `HA`: number of handicap stones.
  public var handicap: Int?
  /// `RU`: the rules text as written.
  public var rules: String?
  /// `PB`, `PW`: player names.
  public var blackName: String?
  public var whiteName: String?
  /// `BR`, `WR`: player ranks.
  public var blackRank: String?
  public var whiteRank: String?
  /// `RE`: result (`B+R`, `W+3.5`, `0`, `Void`, `?`).
  public var result: String?
  /// `DT`: date(s) of the game.
  public var date: String?

  public init() {}

  /// The information in `root`.
  /// - Throws: `SGFError` at the property whose value is malformed.
  public init(root: SGFNode) throws(SGFError) {
    if let gm = root.property("GM"), gm.value.trimmingSpaces != "1" {
      throw SGFError("not a Go record (GM[\(gm.value)])", at: gm.position)
    }
    if let sz = root.property("SZ") {
      let parts = sz.value.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
      guard (1...2).contains(parts.count), let w = Int(parts[0]),
        let h = parts.count == 2 ? Int(parts[1]) : w
      else { throw SGFError("malformed board size SZ[\(sz.value)]", at: sz.position) }
      guard (1...25).contains(w), (1...25).contains(h) else {
        throw SGFError("board size \(w)x\(h) is not supported (1 to 25)", at: sz.position)
      }
      width = w
      height = h
    }
    if let km = root.property("KM") {
      let t = km.value.trimmingSpaces
      if !t.isEmpty {
        guard let k = Double(t), k.isFinite, abs(k) <= 10_000 else {
          throw SGFError("malformed komi KM[\(km.value)]", at: km.position)
        }
        komi = k
      }
    }
    if let ha = root.property("HA") {
      let t = ha.value.trimmingSpaces
      if !t.isEmpty {
        guard let n = Int(t), n >= 0, n <= width * height else {
          throw SGFError("malformed handicap HA[\(ha.value)]", at: ha.position)
        }
        handicap = n
      }
    }
    rules = root["RU"]
    blackName = root["PB"]
    whiteName = root["PW"]
    blackRank = root["BR"]
    whiteRank = root["WR"]
    result = root["RE"]
    date = root["DT"]
  }

  /// Writes this information into `root`, replacing the properties it owns.
  public func write(to root: inout SGFNode) {
    root["SZ"] = width == height ? String(width) : "\(width):\(height)"
    root["KM"] = komi.map(RulesText.formatKomi)
    root["HA"] = handicap.flatMap { $0 >= 2 ? String($0) : nil }
    root["RU"] = rules
    root["PB"] = blackName
    root["PW"] = whiteName
    root["BR"] = blackRank
    root["WR"] = whiteRank
    root["RE"] = result
    root["DT"] = date
  }
}
