/// The package's one escape hatch from `Sendable` checking: carries a value that is not
/// `Sendable` to another thread or into a concurrent closure.
///
/// Contract: the code that makes one states why the hand-over is safe, e.g. the receiving
/// thread owns the value from then on, the sender waits while the receiver touches it, or
/// concurrent accesses are to disjoint parts of it.
package struct UnsafeTransfer<Value>: @unchecked Sendable {
  /// The value handed over.
  package let value: Value

  /// Wraps `value` for a hand-over whose safety the caller states.
  package init(_ value: Value) { self.value = value }
}
