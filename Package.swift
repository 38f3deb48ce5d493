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
    .library(name: "GoAnalysis", targets: ["GoAnalysis"]),
    .library(name: "GoFeatures", targets: ["GoFeatures"]),
    .library(name: "GoNeuralNet", targets: ["GoNeuralNet"]),
    .library(name: "GoNeuralNetCPU", targets: ["GoNeuralNetCPU"]),
    .library(name: "GoNeuralNetGPU", targets: ["GoNeuralNetGPU"]),
    .library(name: "GoTrainingData", targets: ["GoTrainingData"]),
    .library(name: "GoSelfPlay", targets: ["GoSelfPlay"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
  ],
  targets: [
    // Rules core: no dependencies at all (not even Foundation).
    .target(name: "GoCore", swiftSettings: cpuFlags),
    // Search: rollout MCTS, and PUCT MCTS over any position evaluator (network, rollouts, mix).
    .target(
      name: "GoSearch", dependencies: ["GoCore", "GoFormats", "GoFeatures", "GoNeuralNet"],
      swiftSettings: cpuFlags + strictFlags),
    // Text formats: SGF read/write, GTP vertex text, rules text, the one JSON layer (value,
    // parser, writer) every JSON reader and writer uses (Foundation only for file I/O).
    .target(name: "GoFormats", dependencies: ["GoCore"], swiftSettings: cpuFlags + strictFlags),
    // GTP v2 front end: typed commands, the controller that owns the game, the line server.
    .target(
      name: "GoProtocol", dependencies: ["GoCore", "GoFormats", "GoSearch"],
      swiftSettings: cpuFlags + strictFlags),
    // KataGo's JSON analysis engine: queries, responses, the scheduler of concurrent analyses.
    .target(
      name: "GoAnalysis", dependencies: ["GoCore", "GoFormats", "GoSearch"],
      swiftSettings: cpuFlags + strictFlags),
    // Matches between engines: GTP client, match runner, statistics.
    .target(
      name: "GoMatch", dependencies: ["GoCore", "GoFormats", "GoSearch"],
      swiftSettings: cpuFlags + strictFlags),
    // The web front end (`tengen serve`, docs/WEB.md): HTTP + WebSocket on Hummingbird, play
    // sessions over GTPController, analysis sessions over the JSON analysis server, the
    // read-only training dashboard; its pages are embedded in the binary (Assets/).
    .target(
      name: "GoServe",
      dependencies: [
        "GoCore", "GoFormats", "GoSearch", "GoProtocol", "GoAnalysis",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
      ],
      resources: [.embedInCode("Assets")],
      swiftSettings: strictFlags),
    .executableTarget(
      name: "tengen",
      dependencies: [
        "GoCore", "GoSearch", "GoMatch", "GoFormats", "GoProtocol", "GoAnalysis", "GoFeatures", "GoNeuralNet",
        "GoNeuralNetCPU", "GoNeuralNetGPU", "GoTrainingData", "GoSelfPlay", "GoServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: cpuFlags
    ),
    // Helpers shared by the test targets (seeded random numbers, fixture paths, the tiny NN
    // fixture models, random network inputs, output comparison).
    .target(name: "TestSupport", dependencies: ["GoNeuralNet"], path: "Tests/TestSupport"),
    .testTarget(name: "GoCoreTests", dependencies: ["GoCore", "TestSupport"]),
    .testTarget(
      name: "GoFormatsTests", dependencies: ["TestSupport", "GoCore", "GoFormats"],
      swiftSettings: strictFlags),
    .testTarget(
      name: "GoProtocolTests",
      dependencies: ["TestSupport", "GoCore", "GoFormats", "GoSearch", "GoProtocol", "GoNeuralNet"],
      swiftSettings: strictFlags),
    .testTarget(
      name: "GoAnalysisTests", dependencies: ["GoCore", "GoFormats", "GoSearch", "GoAnalysis"],
      swiftSettings: strictFlags),
    .testTarget(
      name: "GoServeTests", dependencies: ["GoServe", "GoCore", "GoFormats", "GoSearch", "GoAnalysis"],
      swiftSettings: strictFlags),
    // zlib, for gzip-compressed model files.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
    // CBLAS from OpenBLAS (Linux); Apple platforms use Accelerate instead.
    .systemLibrary(
      name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    // Neural-network input features (KataGo V7) built from GoCore positions.
    .target(name: "GoFeatures", dependencies: ["GoCore", "GoFormats"], swiftSettings: cpuFlags),
    // Model files, the backend protocol, the reference backend, post-processing and the evaluator.
    .target(
      name: "GoNeuralNet", dependencies: ["GoCore", "GoFormats", "GoFeatures", "CZlib"],
      swiftSettings: cpuFlags),
    // The CPU backend's C kernels (sgemm, fused attention, norms, activations) and floating-point
    // control. Each kernel is compiled for portable C, AVX2 + FMA and AVX-512 through target
    // attributes and picked at run time (docs/NEURALNET.md "CPU kernels"), so no flag here may
    // need more than AVX2. -O3 in debug builds too (the tests run the kernels); no fused
    // multiply-add the source does not write, so every instruction set rounds alike.
    .target(
      name: "CTengenCPU",
      cSettings: [
        .unsafeFlags(["-O3", "-ffp-contract=off"]),
        .unsafeFlags(["-mavx2", "-mfma"], .when(platforms: [.linux], configuration: .release)),
      ]),
    // The fast CPU backend (NHWC, Winograd, sgemm).
    .target(
      name: "GoNeuralNetCPU",
      dependencies: [
        "GoNeuralNet", "CTengenCPU",
        .target(name: "CBLAS", condition: .when(platforms: [.linux])),
      ],
      swiftSettings: cpuFlags + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
    // The CUDA libraries (runtime, driver, cuBLAS, NVRTC) opened with dlopen at run time through
    // hand-written declarations: builds and runs where no CUDA is installed.
    .target(
      name: "CTengenCUDA",
      linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    // The GPU backend (docs/NEURALNET.md "CUDA backend"): every device call goes through
    // `GPUDevice`, run by `CUDADevice` (cuBLAS + NVRTC kernels) or `SimDevice` (host memory,
    // the kernels' Swift twins), so the whole backend is tested without a GPU.
    .target(
      name: "GoNeuralNetGPU", dependencies: ["GoNeuralNet", "CTengenCUDA"],
      swiftSettings: cpuFlags + strictFlags),
    // Training rows (.npz, docs/FORMATS.md section 1) from SGF records, optionally labelled by a
    // teacher network.
    .target(
      name: "GoTrainingData", dependencies: ["GoCore", "GoFormats", "GoFeatures", "GoNeuralNet"],
      swiftSettings: cpuFlags + strictFlags),
    // Self-play: games with KataGo's techniques over a shared evaluator, rows and records, a
    // resumable output folder (docs/SELFPLAY.md).
    .target(
      name: "GoSelfPlay",
      dependencies: ["GoCore", "GoFormats", "GoFeatures", "GoNeuralNet", "GoSearch", "GoTrainingData"],
      swiftSettings: cpuFlags + strictFlags),
    .testTarget(
      name: "GoSelfPlayTests",
      dependencies: ["GoSelfPlay", "GoSearch", "GoCore", "GoFormats", "GoNeuralNet", "GoTrainingData", "TestSupport"],
      swiftSettings: strictFlags),
    .testTarget(
      name: "GoTrainingDataTests",
      dependencies: ["GoTrainingData", "GoCore", "GoFormats", "GoFeatures", "GoNeuralNet"],
      swiftSettings: strictFlags),
    .testTarget(name: "GoFeaturesTests", dependencies: ["GoFeatures", "GoCore", "GoFormats"]),
    .testTarget(name: "GoNeuralNetTests", dependencies: ["TestSupport", "GoNeuralNet", "GoFeatures", "GoCore"]),
    .testTarget(
      name: "GoNeuralNetCPUTests", dependencies: ["TestSupport", "GoNeuralNetCPU", "CTengenCPU", "GoNeuralNet", "GoFeatures", "GoCore"]),
    .testTarget(
      name: "GoNeuralNetGPUTests",
      dependencies: ["TestSupport", "GoNeuralNetGPU", "GoNeuralNet", "GoFeatures", "GoCore"]),
    .testTarget(
      name: "GoSearchTests", dependencies: ["GoCore", "GoSearch", "GoNeuralNet", "TestSupport"]),
    .testTarget(
      name: "GoMatchTests", dependencies: ["TestSupport", "GoCore", "GoFormats", "GoSearch", "GoMatch"]),
  ]
)
