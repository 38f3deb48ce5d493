import Foundation

/// The networks shipped in the repository's `networks/` folder, and the choice between them,
/// an explicit `--model` and rollouts (`--model none`).
///
/// A bundled network is a file named `tengen-<N>x<N>.bin.gz`, trained for boards of side N;
/// a board uses the one whose N is nearest its side (ties: the larger). The folder is
/// `$TENGEN_NETWORKS` when set, else the first `networks/` found beside the executable or in
/// one of the three folders above it (so `.build/release/tengen` finds the checkout's).
enum BundledNetworks {
  /// What plays: rollouts (asked for, or because no bundled network exists), the network a
  /// user named, or a bundled one.
  enum Choice: Equatable {
    case rollouts
    case noBundledNetwork
    case explicit(String)
    case bundled(String)

    /// The network file, if a network plays.
    var path: String? {
      switch self {
      case .explicit(let p), .bundled(let p): return p
      case .rollouts, .noBundledNetwork: return nil
      }
    }
  }

  /// The word `--model` takes for "no network".
  static let noneWord = "none"

  /// The choice for `model` (the `--model` value, nil when absent) on boards of side `size`.
  static func choice(model: String?, boardSize size: Int) -> Choice {
    if let model {
      return model.lowercased() == noneWord ? .rollouts : .explicit(model)
    }
    guard let path = path(forBoardSize: size) else { return .noBundledNetwork }
    return .bundled(path)
  }

  /// The folder holding the bundled networks, or nil.
  static func directory() -> URL? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["TENGEN_NETWORKS"], !env.isEmpty {
      return URL(fileURLWithPath: env, isDirectory: true)
    }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("networks", isDirectory: true)
      var isDir: ObjCBool = false
      if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }

  /// The bundled networks: board side each was trained for, and its path.
  static func available() -> [(side: Int, path: String)] {
    guard let dir = directory(),
      let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
    else { return [] }
    return names.compactMap { name in
      guard let side = side(ofFileName: name) else { return nil }
      return (side, dir.appendingPathComponent(name).path)
    }.sorted { $0.side < $1.side }
  }

  /// N for a file named `tengen-<N>x<N>.bin.gz`, else nil.
  static func side(ofFileName name: String) -> Int? {
    guard name.hasPrefix("tengen-"), name.hasSuffix(".bin.gz") else { return nil }
    let core = name.dropFirst("tengen-".count).dropLast(".bin.gz".count)
    let parts = core.split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == parts[1], let n = Int(parts[0]), (2...25).contains(n)
    else { return nil }
    return n
  }

  /// The bundled network for boards of side `size`, or nil when there is none.
  static func path(forBoardSize size: Int) -> String? {
    let all = available()
    return nearest(all.map(\.side), to: size).map { all[$0].path }
  }

  /// The index of the side in `sides` nearest `size` (ties: the larger side), nil if empty.
  static func nearest(_ sides: [Int], to size: Int) -> Int? {
    sides.indices.min { a, b in
      let da = abs(sides[a] - size), db = abs(sides[b] - size)
      return da != db ? da < db : sides[a] > sides[b]
    }
  }

  /// The one warning printed when a bundled network is missing or unusable.
  static func warnRollouts(_ reason: String) {
    FileHandle.standardError.write(
      Data("warning: \(reason); playing with rollouts (--model FILE names a network, --model none silences this)\n".utf8))
  }
}
