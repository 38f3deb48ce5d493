/// A command that failed while running (a model that cannot load or gives non-finite outputs),
/// not a mistake in how it was called: ArgumentParser prints `Error: <description>` for it,
/// without the usage line it adds to a `ValidationError` (which would send the user looking
/// for a wrong option).
struct CommandFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}
