import Foundation

/// Paths of the committed NN fixtures.
public enum Fixtures {
  /// `Tests/Fixtures/nn`.
  public static let directory: String = {
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/nn").path
  }()

  /// The full path of fixture `name`.
  public static func path(_ name: String) -> String { directory + "/" + name }

  /// Models KataGo outputs were recorded for.
  public static let models = [
    "tiny-v8-resnet.txt.gz", "tiny-v10-text.txt", "tiny-v11-mish.bin", "tiny-v14-nested.bin.gz",
    "tiny-v15-transformer.bin.gz", "tiny-v16-mixed.bin.gz", "tiny-v17-mixed.bin.gz",
  ]

  /// Models with the older input versions (V3, V4, V5, V6), KataGo outputs recorded too.
  public static let oldModels = ["tiny-v3.bin.gz", "tiny-v5.txt.gz", "tiny-v6.bin.gz", "tiny-v7.bin.gz"]

  /// The positions file KataGo evaluated `model` on: models before v7 only accept positional or
  /// situational ko, area scoring and no tax, so they use `positions-tiny-old.json` (the same
  /// positions with such rules).
  public static func positions(for model: String) -> String {
    ["tiny-v3.bin.gz", "tiny-v5.txt.gz", "tiny-v6.bin.gz"].contains(model)
      ? "positions-tiny-old.json" : "positions-tiny.json"
  }

  /// Models for loader tests only.
  public static let loadOnly = ["tiny-v17-meta.bin.gz"]
}
