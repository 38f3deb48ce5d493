import GoCore

/// KataGo's root symmetry pruning: when the root position looks the same under some board
/// symmetries, only one move of each class of equivalent moves is searched; analysis reports
/// the others as copies (`isSymmetryOf`).
extension PUCTTree {
  /// The symmetries (identity first) under which `state`'s stones are unchanged, and the moves
  /// that duplicate an earlier one under them, as a flag per point index (empty: none).
  ///
  /// No symmetry is used while a ko or superko bans a point. Representatives are taken in
  /// KataGo's order — for Black from the right-hand column leftwards, for White from the left,
  /// so natural openings come out the way SGFs usually show them — skipping avoided moves.
  /// - Complexity: O(8 × area).
  static func rootSymmetries(_ state: GameState, restrictions: [MoveRestriction]) -> (
    symmetries: [Symmetry], duplicate: [Bool]
  ) {
    let board = state.board
    let w = board.width
    let h = board.height
    guard board.koPoint == .none else { return ([Symmetry(0)], []) }
    let me = state.toMove
    var valid = [Symmetry(0)]
    for k in 1..<8 {
      let s = Symmetry(k)
      if s.transposes && w != h { continue }
      var same = true
      for p in board.points where board[p] != board[s.apply(p, width: w, height: h)] {
        same = false
        break
      }
      if same { valid.append(s) }
    }
    guard valid.count > 1 else { return (valid, []) }
    if state.rules.ko != .simple {
      for p in board.points where board[p] == .empty {
        if board.isLegal(p, for: me, multiStoneSuicide: state.rules.multiStoneSuicideLegal)
          && !state.isLegal(.play(p))
        {
          return ([Symmetry(0)], [])
        }
      }
    }
    var duplicate = [Bool](repeating: false, count: Point.capacity)
    let xs = me == .black ? Array((0..<w).reversed()) : Array(0..<w)
    let ys = me == .black ? Array(0..<h) : Array((0..<h).reversed())
    for x in xs {
      for y in ys {
        let p = Point(x: x, y: y)
        guard MoveRestriction.permits(restrictions, move: .play(p), player: me, depth: 0) else { continue }
        for s in valid.dropFirst() {
          let q = s.apply(p, width: w, height: h)
          if !duplicate[p.i] && q != p { duplicate[q.i] = true }
        }
      }
    }
    return (valid, duplicate)
  }

  /// True if root child `c` is a pruned duplicate in this search.
  @inline(__always)
  func isRootDuplicate(_ c: Int32) -> Bool {
    guard !rootDuplicate.isEmpty, case .play(let p) = nodes[Int(c)].move else { return false }
    return rootDuplicate[p.i]
  }

  /// Whether root child `c` is a move the root may not play (`rootPruneUselessMoves`).
  func isRootPruned(_ c: Int32) -> Bool {
    rootEnding?.isPruned(nodes[Int(c)].move) ?? false
  }
}
