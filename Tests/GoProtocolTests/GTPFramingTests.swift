import GoCore
import GoProtocol
import Testing

@Suite struct GTPFramingTests {
  @Test func echoesIdsOnSuccessAndFailure() {
    let (c, _, _) = makeController()
    #expect(c.send("12 protocol_version") == "=12 2\n\n")
    #expect(c.send("protocol_version") == "= 2\n\n")
    #expect(c.send("7 frobnicate") == "?7 unknown command\n\n")
    #expect(c.send("0 name") == "=0 Tengen\n\n")
  }

  @Test func ignoresBlankLinesAndComments() {
    let (c, _, _) = makeController()
    #expect(c.respond(to: "") == nil)
    #expect(c.respond(to: "   \t ") == nil)
    #expect(c.respond(to: "# a comment") == nil)
    #expect(c.respond(to: "\r") == nil)
    #expect(c.send("name # trailing comment") == "= Tengen\n\n")
  }

  @Test func stripsControlCharactersAndTurnsTabsIntoSpaces() {
    let (c, _, _) = makeController()
    #expect(c.send("na\u{1}me\r") == "= Tengen\n\n")
    #expect(c.send("3\tknown_command\tplay") == "=3 true\n\n")
    #expect(c.send("  play   b    D4  ") == "= \n\n")
  }

  @Test func emptySuccessIsEqualsSpace() {
    let (c, _, _) = makeController()
    #expect(c.send("clear_board") == "= \n\n")
    #expect(c.send("5 clear_board") == "=5 \n\n")
  }

  @Test func aLoneIdIsAnUnknownCommand() {
    let (c, _, _) = makeController()
    #expect(c.send("42") == "?42 unknown command\n\n")
  }

  @Test func commandNamesAreCaseSensitive() {
    let (c, _, _) = makeController()
    #expect(c.send("NAME") == "? unknown command\n\n")
  }

  @Test func multiLineRepliesNeverContainAnEmptyLine() {
    let (c, _, _) = makeController()
    for cmd in ["showboard", "list_commands", "printsgf"] {
      let r = c.send(cmd)
      #expect(r.hasSuffix("\n\n"))
      #expect(!r.dropLast(2).contains("\n\n"), "\(cmd)")
    }
  }

  @Test func requestsSplitIdNameAndArguments() {
    #expect(GTPRequest(line: "9 play  w\tA1") == GTPRequest(id: 9, name: "play", arguments: ["w", "A1"]))
    #expect(GTPRequest(line: "play#b A1") == GTPRequest(name: "play"))
    #expect(GTPRequest(line: "99999999999999999999 name")?.id == nil)
    #expect(GTPRequest(line: " # only a comment") == nil)
  }
}
