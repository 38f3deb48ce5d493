public import GoCore

/// The arguments of `lz-analyze`, `kata-analyze` and their `genmove` variants after the
/// optional player: report interval, move counts, avoid/allow lists and kata's extra fields.
public struct GTPAnalysisOptions: Equatable, Sendable {
  /// An `avoid` or `allow` list, vertices not yet checked against the board.
  public struct Restriction: Equatable, Sendable {
    public var player: Player
    public var vertices: [GTPCommand.Vertex]
    /// Plies from the root during which it holds (≥ 1).
    public var untilDepth: Int
    /// `allow` (only these moves) rather than `avoid`.
    public var isAllowList: Bool

    public init(
      player: Player, vertices: [GTPCommand.Vertex], untilDepth: Int, isAllowList: Bool
    ) {
      self.player = player
      self.vertices = vertices
      self.untilDepth = untilDepth
      self.isAllowList = isAllowList
    }
  }

  /// Seconds between reports (nil: no periodic reports).
  public var interval: Double?
  /// Report at least this many moves (0-visit ones if needed).
  public var minMoves = 0
  /// Report at most this many moves.
  public var maxMoves: Int?
  public var restrictions: [Restriction] = []
  /// kata only: the ` rootInfo` section.
  public var rootInfo = false
  /// kata only: the ` ownership` section.
  public var ownership = false
  /// kata only: the ` ownershipStdev` section.
  public var ownershipStdev = false
  /// kata only: `movesOwnership` in each move segment.
  public var movesOwnership = false
  /// kata only: `movesOwnershipStdev` in each move segment.
  public var movesOwnershipStdev = false
  /// kata only: `pvVisits` after each PV.
  public var pvVisits = false
  /// kata only: `pvEdgeVisits` after each PV.
  public var pvEdgeVisits = false
  /// kata only: `noResultValue` in each move segment.
  public var noResultValue = false

  public init() {}

  /// The message of every argument error, as KataGo words it.
  static func failure(_ arguments: [String]) -> GTPError {
    GTPError(
      "Could not parse analyze arguments or arguments out of range: '"
        + arguments.joined(separator: " ") + "'")
  }

  /// Reads `[player] [interval] [key value]...`; `kata` admits the boolean keys.
  /// - Throws: KataGo's parse error quoting the arguments.
  static func parse(
    _ arguments: [String], kata: Bool
  ) throws(GTPError) -> (Player?, GTPAnalysisOptions) {
    var words = arguments[...]
    var options = GTPAnalysisOptions()
    let fail = failure(arguments)
    var player: Player?
    if let first = words.first, let p = Self.player(first) {
      player = p
      words.removeFirst()
    }
    if let first = words.first, let cs = Double(first) {
      options.interval = try Self.interval(cs, fail)
      words.removeFirst()
    }
    while let key = words.popFirst() {
      switch key {
      case "interval":
        guard let w = words.popFirst(), let cs = Double(w) else { throw fail }
        options.interval = try Self.interval(cs, fail)
      case "minmoves", "maxmoves":
        guard let w = words.popFirst(), let n = Int(w), n >= 0, n <= 1_000_000 else { throw fail }
        if key == "minmoves" { options.minMoves = n } else { options.maxMoves = n }
      case "avoid", "allow":
        guard let who = words.popFirst().flatMap(Self.player), let list = words.popFirst(),
          let depth = words.popFirst().flatMap({ Int($0) }), depth >= 1, depth <= 1_000_000
        else { throw fail }
        var vertices: [GTPCommand.Vertex] = []
        for text in list.split(separator: ",", omittingEmptySubsequences: false) {
          var one = GTPArguments([String(text)])
          guard let v = try? one.vertex() else { throw fail }
          vertices.append(v)
        }
        let allow = key == "allow"
        // At most one allow list per player, and never with an avoid list for that player.
        for r in options.restrictions where r.player == who && (allow || r.isAllowList) {
          throw fail
        }
        options.restrictions.append(
          Restriction(player: who, vertices: vertices, untilDepth: depth, isAllowList: allow))
      default:
        guard kata, let w = words.popFirst(), let flag = Self.flag(w) else { throw fail }
        switch key {
        case "rootInfo": options.rootInfo = flag
        case "ownership": options.ownership = flag
        case "ownershipStdev": options.ownershipStdev = flag
        case "movesOwnership": options.movesOwnership = flag
        case "movesOwnershipStdev": options.movesOwnershipStdev = flag
        case "pvVisits": options.pvVisits = flag
        case "pvEdgeVisits": options.pvEdgeVisits = flag
        case "noResultValue": options.noResultValue = flag
        default: throw fail
        }
      }
    }
    return (player, options)
  }

  /// `b`, `black`, `w`, `white` in any case.
  private static func player(_ word: String) -> Player? {
    switch word.lowercased() {
    case "b", "black": return .black
    case "w", "white": return .white
    default: return nil
    }
  }

  /// `true` or `false` exactly.
  private static func flag(_ word: String) -> Bool? {
    word == "true" ? true : word == "false" ? false : nil
  }

  /// Centiseconds to seconds; 0 means no periodic reports.
  private static func interval(_ cs: Double, _ fail: GTPError) throws(GTPError) -> Double? {
    guard cs.isFinite, cs >= 0, cs <= 1e8 else { throw fail }
    return cs > 0 ? cs / 100 : nil
  }
}
