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

  /// Models for loader tests only.
  public static let loadOnly = [
    "tiny-v3.bin.gz", "tiny-v5.txt.gz", "tiny-v6.bin.gz", "tiny-v7.bin.gz", "tiny-v17-meta.bin.gz",
  ]
}
