/// A setting of some settings struct that is read and written by name as text: search
/// parameters (`kata-list-params` / `kata-set-param`, config files) and self-play settings.
public struct SettingSpec<Root>: Sendable {
  /// The name a config file or GTP uses.
  public let name: String
  /// The current value as text.
  public let get: @Sendable (Root) -> String
  /// Sets the value from text; false (and `Root` unchanged) when the text is not a valid value.
  public let set: @Sendable (inout Root, String) -> Bool

  public init(
    name: String, get: @escaping @Sendable (Root) -> String, set: @escaping @Sendable (inout Root, String) -> Bool
  ) {
    self.name = name
    self.get = get
    self.set = set
  }

  /// A finite number, within `range` when given.
  public static func double(
    _ name: String, _ kp: WritableKeyPath<Root, Double> & Sendable, in range: ClosedRange<Double>? = nil
  ) -> Self {
    Self(
      name: name, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        guard let x = Double(v), x.isFinite, range?.contains(x) ?? true else { return false }
        r[keyPath: kp] = x
        return true
      })
  }

  /// An integer of at least `min`.
  public static func int(_ name: String, _ kp: WritableKeyPath<Root, Int> & Sendable, min: Int = 0) -> Self {
    Self(
      name: name, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        guard let x = Int(v), x >= min else { return false }
        r[keyPath: kp] = x
        return true
      })
  }

  /// `true` or `false` (any case).
  public static func bool(_ name: String, _ kp: WritableKeyPath<Root, Bool> & Sendable) -> Self {
    Self(
      name: name, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        switch v.lowercased() {
        case "true": r[keyPath: kp] = true
        case "false": r[keyPath: kp] = false
        default: return false
        }
        return true
      })
  }
}
