import GoCore
public import GoFeatures

extension TrainingRow {
  /// The input part of a row for `game`'s current position and `game.nextPlayer`: the V7
  /// spatial planes packed (`pack(planes:posLen:)`) and the global inputs, on a `posLen` grid
  /// with the board in the top-left corner, untransformed.
  public static func inputs(
    of game: NNGame, posLen: Int, options: InputFeatures.Options
  ) -> (packedPlanes: [UInt8], globalInputs: [Float]) {
    var spatial = [Float](repeating: 0, count: InputFeaturesV7.spatialCount * posLen * posLen)
    var global = [Float](repeating: 0, count: InputFeaturesV7.globalCount)
    spatial.withUnsafeMutableBufferPointer { s in
      global.withUnsafeMutableBufferPointer { g in
        InputFeaturesV7.fill(
          game, nnXLen: posLen, nnYLen: posLen, symmetry: Symmetry(0), options: options,
          spatial: s.baseAddress!, global: g.baseAddress!)
      }
    }
    return (spatial.withUnsafeBufferPointer { pack(planes: $0, posLen: posLen) }, global)
  }
}
