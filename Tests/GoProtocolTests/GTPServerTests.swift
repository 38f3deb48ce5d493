import Foundation
import GoCore
import GoProtocol
import Testing

@Suite struct GTPServerTests {
  /// Runs a server over pipes with `input`, returning what it wrote to the protocol stream.
  /// The input is written from a thread of its own: it may be larger than a pipe holds.
  func serve(_ input: String) -> String {
    let (controller, _, _) = makeController()
    let stdin = Pipe()
    let stdout = Pipe()
    let writer = stdin.fileHandleForWriting
    let data = Data(input.utf8)
    Thread {
      writer.write(data)
      try? writer.close()
    }.start()
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

  /// Reliability audit F9: a line over the reader's limit gets one error reply, changes
  /// nothing, and the commands after it are answered (a 16 MB line once took 7 to 17 s).
  @Test func aLineOverTheLimitGetsAnErrorAndTheNextCommandsAnAnswer() {
    let long = "play b " + String(repeating: "x", count: 16 << 20)
    let out = serve("1 name\n\(long)\n2 list_stones black\nquit\n")
    #expect(
      out == "=1 Tengen\n\n? input line too long (\(long.utf8.count) bytes, at most 1048576)\n\n=2 \n\n= \n\n")
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
