/// One value of a `kata-set-params` JSON object, as the text `setParameter` takes.
struct GTPParameterValue: Decodable {
  let text: String

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let b = try? c.decode(Bool.self) {
      text = b ? "true" : "false"
    } else if let n = try? c.decode(Int.self) {
      text = String(n)
    } else if let x = try? c.decode(Double.self) {
      text = "\(x)"
    } else if c.decodeNil() {
      text = "none"
    } else {
      text = try c.decode(String.self)
    }
  }
}
