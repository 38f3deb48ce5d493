extension Board {
  /// Records a pass on the board itself: the simple-ko ban lapses.
  @inlinable
  public mutating func clearKo() { _ko = .none }

  /// The hash of the whole situation: stones, player to move and simple-ko ban.
  @inlinable
  @_addressableSelf
  public func situationHash(toMove player: Player) -> UInt64 {
    var h = hash
    if player == .white { h ^= Zobrist.whiteToMove }
    if !koPoint.isNone { h ^= Zobrist.ko(at: koPoint) }
    return h
  }
}
