import Foundation
import GoCore
import GoProtocol
import Testing

@Suite struct GTPServerTests {
  /// Runs a server over pipes with `input`, returning what it wrote to the protocol stream.
  func serve(_ input: String) -> String {
    let (controller, _, _) = makeController()
    let stdin = Pipe()
    let stdout = Pipe()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let server = GTPServer(
      controller: controller, input: stdin.fileHandleForReading,
      output: stdout.fileHandleForWriting)
    server.run()
    try? stdout.fileHandleForWriting.close()
    return String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  @Test func answersEveryCommandInOrderAndStopsAtQuit() {
    let out = serve("1 name\r\n\n# comment\nplay b E5\n2 undo\n3 undo\nquit\nname\n")
    #expect(out == "=1 Tengen\n\n= \n\n=2 \n\n?3 cannot undo\n\n= \n\n")
  }

  @Test func stopsAtEndOfInputEvenWithoutANewline() {
    #expect(serve("protocol_version") == "= 2\n\n")
    #expect(serve("") == "")
  }
}

@Suite struct GTPStreamingServerTests {
  @Test func aStreamRunsUntilTheNextLineThenEndsWithABlankLine() {
    let (controller, _, _) = makeController()
    let stdin = Pipe()
    let stdout = Pipe()
    stdin.fileHandleForWriting.write(Data("5 analyze b 10\n\nname\n9 analyze\nname\n".utf8))
    try? stdin.fileHandleForWriting.close()
    GTPServer(
      controller: StreamingResponder(controller), input: stdin.fileHandleForReading,
      output: stdout.fileHandleForWriting
    ).run()
    try? stdout.fileHandleForWriting.close()
    let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let ticks = "info move D4 visits 1\ninfo move Q16 visits 2\n"
    #expect(out == "=5\n" + ticks + "\n= Tengen\n\n=9\n" + ticks + "\n= Tengen\n\n")
  }
}
