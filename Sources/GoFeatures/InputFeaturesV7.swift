import GoCore

/// KataGo's version-7 input features (22 spatial planes, 19 global values); `InputFeatures`
/// writes every version.
public enum InputFeaturesV7 {
  /// Spatial plane count.
  public static let spatialCount = 22
  /// Global value count.
  public static let globalCount = 19

  /// Options that change the encoding.
  public typealias Options = InputFeatures.Options

  /// Writes the V7 features of `game` for its side to move, transformed by `symmetry`, into
  /// `spatial` (`[22][nnYLen][nnXLen]`, zeroed here) and `global` (`[19]`), whatever
  /// `options.version` says.
  public static func fill(
    _ game: NNGame, nnXLen: Int, nnYLen: Int, symmetry: Symmetry, options: Options = Options(),
    spatial: UnsafeMutablePointer<Float>, global: UnsafeMutablePointer<Float>
  ) {
    var v7 = options
    v7.version = .v7
    InputFeatures.fill(
      game, nnXLen: nnXLen, nnYLen: nnYLen, symmetry: symmetry, options: v7, spatial: spatial, global: global)
  }
}
