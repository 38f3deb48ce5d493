/// Why the host compile of the kernel library failed.
struct HostCompileError: Error {
  let text: String
  /// True when no compiler could be started at all.
  let noCompiler: Bool
}
