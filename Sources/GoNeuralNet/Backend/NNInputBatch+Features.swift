import GoCore
import GoFeatures

extension NNInputBatch {
  /// A batch holding the features (of `options.version`) of `games[i]` under `symmetries[i]` on
  /// an nnX × nnY grid.
  public init(
    games: [NNGame], symmetries: [Symmetry], nnXLen: Int, nnYLen: Int,
    options: InputFeatures.Options = InputFeatures.Options()
  ) {
    precondition(games.count == symmetries.count, "one symmetry per game")
    self.init(
      count: games.count, nnXLen: nnXLen, nnYLen: nnYLen,
      numSpatial: options.version.spatialCount, numGlobal: options.version.globalCount)
    let planeSize = numSpatial * nnXLen * nnYLen
    let ng = numGlobal
    spatial.withUnsafeMutableBufferPointer { sp in
      global.withUnsafeMutableBufferPointer { gl in
        for (i, game) in games.enumerated() {
          InputFeatures.fill(
            game, nnXLen: nnXLen, nnYLen: nnYLen, symmetry: symmetries[i], options: options,
            spatial: sp.baseAddress! + i * planeSize, global: gl.baseAddress! + i * ng)
        }
      }
    }
  }
}

extension NNInputBatch {
  /// A batch of already encoded positions, `positions[i]` under `symmetries[i]`; all of one grid.
  init(encoded positions: [EncodedPosition], symmetries: [Symmetry]) {
    precondition(positions.count == symmetries.count, "one symmetry per position")
    let first = positions[0]
    self.init(
      count: positions.count, nnXLen: first.width, nnYLen: first.height,
      numSpatial: first.planeCount, numGlobal: first.global.count)
    let planeSize = numSpatial * nnXLen * nnYLen
    let ng = numGlobal
    spatial.withUnsafeMutableBufferPointer { sp in
      global.withUnsafeMutableBufferPointer { gl in
        for (i, p) in positions.enumerated() {
          precondition(p.width == nnXLen && p.height == nnYLen, "one grid per batch")
          p.write(
            symmetry: symmetries[i], spatial: sp.baseAddress! + i * planeSize,
            global: gl.baseAddress! + i * ng)
        }
      }
    }
  }
}
