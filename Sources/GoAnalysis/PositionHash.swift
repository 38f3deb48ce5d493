public import GoCore

/// The 128-bit position keys of `rootInfo`: `thisHash` and `symHash`, as 32 hex digits.
///
/// Two independent 64-bit Zobrist lanes over the stones, the player to move and the ko ban.
/// `symHash` is the smallest key over the board's symmetries (all 8 on a square board, the 4
/// that do not transpose otherwise), so symmetric positions share it. The values are Tengen's
/// own; they are not KataGo's numbers.
public enum PositionHash {
  /// `thisHash` of `state`.
  public static func this(_ state: GameState) -> String {
    hex(key(state, symmetry: .identity))
  }

  /// `symHash` of `state`.
  public static func symmetric(_ state: GameState) -> String {
    let square = state.width == state.height
    var best: (UInt64, UInt64)?
    for s in Symmetry.allCases where square || !s.transposes {
      let k = key(state, symmetry: s)
      if best == nil || k < best! { best = k }
    }
    return hex(best!)
  }

  static func key(_ state: GameState, symmetry: Symmetry) -> (UInt64, UInt64) {
    let b = state.board
    let w = b.width
    let h = b.height
    let (tw, th) = symmetry.transposes ? (h, w) : (w, h)
    var hi = Zobrist.size(width: tw, height: th)
    var lo = Zobrist.mix(hi ^ 0x5851_F42D_4C95_7F2D)
    for p in b.points where b[p] != .empty {
      let q = symmetry.apply(p, width: w, height: h)
      let k = Zobrist.stone(b[p], at: q)
      hi ^= k
      lo ^= Zobrist.mix(k ^ 0x2545_F491_4F6C_DD1D)
    }
    if state.toMove == .white {
      hi ^= Zobrist.whiteToMove
      lo ^= Zobrist.mix(Zobrist.whiteToMove)
    }
    if !b.koPoint.isNone {
      let k = Zobrist.ko(at: symmetry.apply(b.koPoint, width: w, height: h))
      hi ^= k
      lo ^= Zobrist.mix(k)
    }
    return (hi, lo)
  }

  static func hex(_ key: (UInt64, UInt64)) -> String {
    func word(_ v: UInt64) -> String {
      let s = String(v, radix: 16, uppercase: true)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return word(key.0) + word(key.1)
  }
}
