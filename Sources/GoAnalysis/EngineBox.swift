import GoSearch

/// Carries an engine to the thread that owns it (or to `stop()`, which is thread-safe).
final class EngineBox: @unchecked Sendable {
  let engine: any AnalyzingEngine
  init(_ engine: any AnalyzingEngine) { self.engine = engine }
}
