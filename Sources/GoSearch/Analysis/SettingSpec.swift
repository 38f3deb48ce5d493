/// A setting of some settings struct that is read and written by name as text: search
/// parameters (`kata-list-params` / `kata-set-param`, config files) and self-play settings.
///
/// Each carries the values it accepts in words and a one-line description, so that the
/// tables are their own documentation (`tengen gtp --print-config`, `configs/gtp_example.cfg`).
public struct SettingSpec<Root>: Sendable {
  /// The name a config file or GTP uses.
  public let name: String
  /// The values `set` accepts, in words (`a number from 0 to 1`, `true or false`).
  public let range: String
  /// What the setting does, in one line.
  public let doc: String
  /// The current value as text.
  public let get: @Sendable (Root) -> String
  /// Sets the value from text; false (and `Root` unchanged) when the text is not a valid value.
  public let set: @Sendable (inout Root, String) -> Bool

  public init(
    name: String, range: String = "", doc: String = "",
    get: @escaping @Sendable (Root) -> String, set: @escaping @Sendable (inout Root, String) -> Bool
  ) {
    self.name = name
    self.range = range
    self.doc = doc
    self.get = get
    self.set = set
  }

  /// Sets the value of `root` from `text`.
  /// - Throws: `ParameterError` naming the setting, the value and what it accepts; `root` is
  ///   unchanged then.
  public func apply(_ text: String, to root: inout Root) throws(ParameterError) {
    guard set(&root, text) else {
      throw ParameterError("Invalid value for \(name): \(text)" + (range.isEmpty ? "" : " (\(range))"))
    }
  }

  /// The same setting on a struct that holds `Root` at `path` (an engine's parameters holding
  /// their `SearchBudget` or `TimeParameters`), named `name` and described by `doc` when given.
  public func lifted<Outer>(
    to path: WritableKeyPath<Outer, Root> & Sendable, name: String? = nil, doc: String? = nil
  ) -> SettingSpec<Outer> {
    let (get, set) = (self.get, self.set)
    return SettingSpec<Outer>(
      name: name ?? self.name, range: range, doc: doc ?? self.doc, get: { get($0[keyPath: path]) },
      set: { outer, text in set(&outer[keyPath: path], text) })
  }

  /// This setting of `root`, described for a user.
  public func description(of root: Root) -> ParameterDescription {
    ParameterDescription(name: name, value: get(root), range: range, doc: doc)
  }

  /// A finite number, within `range` when given.
  public static func double(
    _ name: String, _ kp: WritableKeyPath<Root, Double> & Sendable, in range: ClosedRange<Double>? = nil,
    doc: String = ""
  ) -> Self {
    Self(
      name: name,
      range: range.map { "a number from \(text($0.lowerBound)) to \(text($0.upperBound))" }
        ?? "any finite number",
      doc: doc, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        guard let x = Double(v), x.isFinite, range?.contains(x) ?? true else { return false }
        r[keyPath: kp] = x
        return true
      })
  }

  /// An integer of at least `min` (and at most `max` when given).
  public static func int(
    _ name: String, _ kp: WritableKeyPath<Root, Int> & Sendable, min: Int = 0, max: Int? = nil,
    doc: String = ""
  ) -> Self {
    Self(
      name: name, range: max.map { "an integer from \(min) to \($0)" } ?? "an integer >= \(min)",
      doc: doc, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        guard let x = Int(v), x >= min, x <= max ?? Int.max else { return false }
        r[keyPath: kp] = x
        return true
      })
  }

  /// `true` or `false` (any case).
  public static func bool(_ name: String, _ kp: WritableKeyPath<Root, Bool> & Sendable, doc: String = "") -> Self {
    Self(
      name: name, range: "true or false", doc: doc, get: { "\($0[keyPath: kp])" },
      set: { r, v in
        switch v.lowercased() {
        case "true": r[keyPath: kp] = true
        case "false": r[keyPath: kp] = false
        default: return false
        }
        return true
      })
  }

  /// `x` as a range bound: whole numbers without `.0`.
  static func text(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
