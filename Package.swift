// swift-tools-version: 6.1
import PackageDescription

/// Release builds need a concrete CPU target for SIMD to become vector code.
///
/// `AddressableParameters` lets `Board`'s read accessors borrow its inline storage in place:
/// without it every non-mutating element read copies the whole 703-cell array (measured 20-90 ns
/// per read instead of 1-4 ns).
let cpuFlags: [SwiftSetting] = [
  .unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
  .enableExperimentalFeature("AddressableParameters"),
]

/// Every `import` is internal unless marked `public import`, so API leaks are deliberate.
let strictFlags: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault")
]

let package = Package(
  name: "Tengen",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "tengen", targets: ["tengen"]),
    .library(name: "GoCore", targets: ["GoCore"]),
    .library(name: "GoFormats", targets: ["GoFormats"]),
    .library(name: "GoProtocol", targets: ["GoProtocol"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Rules core: no dependencies at all (not even Foundation).
    .target(name: "GoCore", swiftSettings: cpuFlags),
    // Search: rollout MCTS now, PUCT with a network later.
    .target(name: "GoSearch", dependencies: ["GoCore"], swiftSettings: cpuFlags + strictFlags),
    // Text formats: SGF read/write, GTP vertex text, rules text (Foundation only for file I/O).
    .target(name: "GoFormats", dependencies: ["GoCore"], swiftSettings: cpuFlags + strictFlags),
    // GTP v2 front end: typed commands, the controller that owns the game, the line server.
    .target(
      name: "GoProtocol", dependencies: ["GoCore", "GoFormats", "GoSearch"],
      swiftSettings: cpuFlags + strictFlags),
    // Matches between engines: GTP client, match runner, statistics.
    .target(
      name: "GoMatch", dependencies: ["GoCore", "GoFormats", "GoSearch"],
      swiftSettings: cpuFlags + strictFlags),
    .executableTarget(
      name: "tengen",
      dependencies: [
        "GoCore", "GoSearch", "GoMatch", "GoFormats", "GoProtocol",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: cpuFlags
    ),
    .testTarget(name: "GoCoreTests", dependencies: ["GoCore"]),
    .testTarget(
      name: "GoFormatsTests", dependencies: ["GoCore", "GoFormats"],
      swiftSettings: strictFlags),
    .testTarget(
      name: "GoProtocolTests", dependencies: ["GoCore", "GoFormats", "GoSearch", "GoProtocol"],
      swiftSettings: strictFlags),
    .testTarget(name: "GoSearchTests", dependencies: ["GoCore", "GoSearch"]),
    .testTarget(name: "GoMatchTests", dependencies: ["GoCore", "GoFormats", "GoSearch", "GoMatch"]),
  ]
)
