import GoNeuralNet

/// The fixture model `file` (a name under `Tests/Fixtures/nn`, as in `Fixtures.models`), loaded.
public func tinyModel(_ file: String) throws -> ModelDescription {
  try ModelLoader.load(path: Fixtures.path(file))
}
