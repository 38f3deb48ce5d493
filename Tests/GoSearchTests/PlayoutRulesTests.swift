import GoCore
import GoSearch
import Testing

/// Playouts replayed move by move on a reference `Board`: every move is legal under simple ko and
/// the suicide rule, never fills the mover's own eye, the final positions agree, and the score the
/// playout returns is the area count of that final position.
@Suite struct PlayoutRulesTests {
  /// Board sizes × policies × suicide rules, each over many seeds and opening positions.
  @Test(arguments: [5, 9, 13, 19], [false, true])
  func playoutsFollowTheRules(size: Int, multiStoneSuicide: Bool) {
    for (name, policy) in [("light", PlayoutPolicy.light), ("standard", PlayoutPolicy.standard)] {
      let playout = Playout(policy: policy, multiStoneSuicide: multiStoneSuicide)
      let games = size <= 9 ? 60 : 12
      for seed in 0..<games {
        var rng = FastRandom(seed: UInt64(seed * 31 + size))
        // Half the playouts start from a random opening, so ko points and last moves vary.
        let (start, toMove, last) = opening(size: size, moves: seed % 2 == 0 ? 0 : size * 2, &rng)
        var board = start
        let capacity = size * size * 3 + 8
        let moves = UnsafeMutablePointer<Int16>.allocate(capacity: capacity)
        defer { moves.deallocate() }
        var count = 0
        let diff = playout.run(
          &board, toMove: toMove, lastMove: last, rng: &rng, moves: moves, moveCount: &count)
        let context = "\(name) \(size)x\(size) seed \(seed) suicide \(multiStoneSuicide)"
        guard let reference = replay(
          start, toMove: toMove, moves: UnsafeBufferPointer(start: moves, count: count),
          multiStoneSuicide: multiStoneSuicide, checkPasses: policy.isLight, context: context)
        else { return }
        #expect(reference == board, "\(context): final positions differ")
        #expect(board.invariantViolation() == nil, "\(context): \(board.invariantViolation() ?? "")")
        var final = reference
        #expect(diff == Playout.areaDifference(&final), "\(context): area difference")
        if count < size * size * 3 {
          // Ended by two passes: every empty region is settled, so the count is Tromp-Taylor's.
          #expect(count >= 2 && moves[count - 1] == 0 && moves[count - 2] == 0, "\(context): end")
          #expect(diff == areaScore(reference), "\(context): area score")
        }
      }
    }
  }

  /// The light policy's moves are spread over the board: every point of an empty 5×5 board is
  /// chosen as a first move about equally often.
  @Test func lightFirstMovesAreUniform() {
    let playout = Playout(policy: .light)
    var rng = FastRandom(seed: 7)
    var counts = [Int](repeating: 0, count: Point.capacity)
    let trials = 25 * 400
    let moves = UnsafeMutablePointer<Int16>.allocate(capacity: 100)
    defer { moves.deallocate() }
    for _ in 0..<trials {
      var b = Board(size: 5)
      var n = 0
      _ = playout.run(&b, toMove: .black, lastMove: .none, rng: &rng, moves: moves, moveCount: &n)
      counts[Int(moves[0])] += 1
    }
    for p in Board(size: 5).points {
      #expect(counts[p.i] > 280 && counts[p.i] < 520, "\(p): \(counts[p.i])")
    }
  }

  /// A random opening of `moves` legal non-eye-filling moves.
  func opening(size: Int, moves: Int, _ rng: inout FastRandom) -> (Board, Player, Point) {
    var b = Board(size: size)
    var player = Player.black
    var last = Point.none
    for _ in 0..<moves {
      var legal: [Point] = []
      for k in 0..<b.emptyCount {
        let p = b.emptyPoint(k)
        if b.isLegal(p, for: player) && !b.isEye(p, of: player) { legal.append(p) }
      }
      guard !legal.isEmpty else { break }
      last = legal[rng.below(legal.count)]
      b.play(last, for: player)
      player = player.opponent
    }
    return (b, player, last)
  }

  /// Replays `moves` on `start` with every rule checked; nil after recording a failure.
  func replay(
    _ start: Board, toMove: Player, moves: UnsafeBufferPointer<Int16>, multiStoneSuicide: Bool,
    checkPasses: Bool, context: String
  ) -> Board? {
    var b = start
    var player = toMove
    for (i, m) in moves.enumerated() {
      let p = Point(index: m)
      if p.isNone {
        if checkPasses {
          for k in 0..<b.emptyCount {
            let q = b.emptyPoint(k)
            if b.isLegal(q, for: player, multiStoneSuicide: multiStoneSuicide)
              && !b.isEye(q, of: player)
            {
              Issue.record("\(context): move \(i) passes with \(q) available")
              return nil
            }
          }
        }
        b.clearKo()
      } else {
        guard b.isLegal(p, for: player, multiStoneSuicide: multiStoneSuicide) else {
          Issue.record("\(context): move \(i) \(p) is illegal\n\(b.diagram)")
          return nil
        }
        guard !b.isEye(p, of: player) else {
          Issue.record("\(context): move \(i) \(p) fills an own eye\n\(b.diagram)")
          return nil
        }
        b.play(p, for: player)
      }
      player = player.opponent
    }
    return b
  }

  /// Black's area minus White's (Tromp-Taylor), from the reference flood fill.
  func areaScore(_ b: Board) -> Int {
    let owner = b.areaOwnership()
    var diff = 0
    for p in b.points {
      if owner[p.i] == .black { diff += 1 } else if owner[p.i] == .white { diff -= 1 }
    }
    return diff
  }
}
