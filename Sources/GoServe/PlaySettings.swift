import GoCore
import GoFormats

/// A new game as the play page asks for it (`{"type":"new", ...}`), checked against the
/// server's limits.
struct PlaySettings: Equatable {
  var size = 9
  var rules = Rules.chinese
  var handicap = 0
  /// The colour of the person at the page.
  var human = Player.black
  /// Visits per engine move (nil: time decides).
  var visits: Int?
  /// Seconds per engine move (nil: visits decide).
  var seconds: Double?

  /// Reads the message's fields; throws the text the page shows for a bad one.
  init(_ fields: [String: JSONValue], limits: WebServerConfiguration) throws(PlayError) {
    if let v = fields["size"] {
      guard let n = v.integer, [9, 13, 19].contains(n) else {
        throw PlayError("board size must be 9, 13 or 19")
      }
      size = n
    }
    if let v = fields["rules"] {
      guard let text = v.string, let r = try? RulesText.parse(text) else {
        throw PlayError("unknown rules: \(fields["rules"]!.text)")
      }
      rules = r
    }
    if let v = fields["komi"] {
      guard let k = v.double, k.isFinite, abs(k) <= 150, (k * 2).rounded() == k * 2 else {
        throw PlayError("komi must be a whole or half number between -150 and 150")
      }
      rules.komi = k
    }
    if let v = fields["handicap"] {
      guard let n = v.integer, (0...9).contains(n), n != 1 else {
        throw PlayError("handicap must be 0 or 2 to 9 stones")
      }
      handicap = n
    }
    if let v = fields["color"] {
      switch v.string {
      case "black": human = .black
      case "white": human = .white
      default: throw PlayError("color must be black or white")
      }
    }
    if let v = fields["visits"], v != .null {
      guard let n = v.integer, (1...limits.maxVisits).contains(n) else {
        throw PlayError("visits must be between 1 and \(limits.maxVisits)")
      }
      visits = n
    }
    if let v = fields["seconds"], v != .null {
      guard let s = v.double, s > 0, s <= limits.maxMoveSeconds else {
        throw PlayError("seconds per move must be above 0 and at most \(limits.maxMoveSeconds)")
      }
      seconds = s
    }
    if visits == nil && seconds == nil { visits = 200 }
  }

  /// The default game (9×9, Chinese rules, Black to the page, 200 visits).
  init() { visits = 200 }
}

/// A message for the page about a request it cannot have.
struct PlayError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
