/// The slot numbers of a backend's reusable activation buffers (its workspace) for the roles
/// every backend's trunk pass has once per nesting depth: the role's hundred plus an index `d`
/// below 100 (the depth, 0...15, or a backend's own sub-index), numbers 100...799. A backend's
/// slot namespace conforms and adds its own slots below 100 or from 800 on.
public protocol WorkspaceSlots {}

extension WorkspaceSlots {
  /// Normalized block inputs (`100 + d`).
  @inlinable public static func normed(_ d: Int) -> Int { 100 + d }
  /// A block's first intermediate (`200 + d`).
  @inlinable public static func mid(_ d: Int) -> Int { 200 + d }
  /// A block's second intermediate (`300 + d`).
  @inlinable public static func mid2(_ d: Int) -> Int { 300 + d }
  /// A nested bottleneck's inner residual stream (`400 + d`).
  @inlinable public static func stream(_ d: Int) -> Int { 400 + d }
  /// An attention block's fused q/k/v (`500 + d`).
  @inlinable public static func qkv(_ d: Int) -> Int { 500 + d }
  /// An attention block's per-head output (`600 + d`).
  @inlinable public static func attnOut(_ d: Int) -> Int { 600 + d }
  /// Globally pooled values and what is computed from them (`700 + d`).
  @inlinable public static func pooled(_ d: Int) -> Int { 700 + d }
}
