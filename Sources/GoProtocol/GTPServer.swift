public import Foundation
public import GoSearch
import GoFormats
import Synchronization

/// The GTP loop: reads command lines, writes framed responses to the protocol stream and
/// diagnostics to the error stream, until `quit` or end of input.
///
/// Only protocol text reaches `output`. A streaming reply prints its header, then its lines
/// until it ends as its `GTPStreamEnding` says (the next input line, its own end, or whichever
/// comes first), then the blank line; an input line that ended it is handled next.
public final class GTPServer {
  /// What answers commands (normally a `GTPController`).
  public let controller: any GTPResponder
  private var reader: LineReader
  private let sink: Sink

  /// A server over `controller`, reading `input` and writing `output`.
  public init(controller: any GTPResponder, input: FileHandle, output: FileHandle) {
    self.controller = controller
    self.reader = LineReader(input)
    self.sink = Sink(output)
  }

  /// Serves `engine` on stdin/stdout with diagnostics on stderr; returns after `quit` or EOF.
  ///
  /// This is the entry point of `tengen gtp`.
  public static func run(
    engine: any GoEngine, configuration: GTPConfiguration = GTPConfiguration()
  ) {
    let errors = Sink(FileHandle.standardError)
    let controller = GTPController(
      engine: engine, configuration: configuration,
      diagnostics: { errors.write($0 + "\n") })
    GTPServer(controller: controller, input: .standardInput, output: .standardOutput).run()
  }

  /// As `run(engine:configuration:)`, building the engine from the configuration.
  public static func run(
    configuration: GTPConfiguration, makeEngine: (GTPConfiguration) -> any GoEngine
  ) {
    run(engine: makeEngine(configuration), configuration: configuration)
  }

  /// Answers lines until `quit` or end of input. A line longer than the reader's limit
  /// (`LineReader.defaultMaxLineBytes`) gets `? input line too long (N bytes, at most M)` and
  /// changes nothing.
  public func run() {
    var pending = reader.nextLine()
    while let line = pending, !controller.isQuitting {
      pending = nil
      guard case .text(let text) = line else {
        if case .tooLong(let bytes) = line {
          sink.write(
            GTPReply.failure("input line too long (\(bytes) bytes, at most \(reader.maxLineBytes))").framed(id: nil))
        }
        pending = reader.nextLine()
        continue
      }
      guard let (id, reply) = controller.reply(to: text) else {
        pending = reader.nextLine()
        continue
      }
      sink.write(reply.framed(id: id))
      if case .stream(let stream) = reply {
        pending = serve(stream)
      } else if !controller.isQuitting {
        pending = reader.nextLine()
      }
    }
  }

  /// Runs one streaming reply to its end and returns the input line read meanwhile, if any.
  private func serve(_ stream: any GTPStream) -> LineReader.Line? {
    let sink = self.sink
    switch stream.ending {
    case .input:
      stream.start { sink.write($0 + "\n") }
      // Any further line, even an empty one, ends the stream and is then handled.
      let next = reader.nextLine()
      stream.stop()
      sink.write("\n")
      return next
    case .completion:
      stream.start { sink.write($0 + "\n") }
      sink.write("\n")
      return reader.nextLine()
    case .completionOrInput:
      // The blank line comes once: when the stream ends by itself, or when input stops it.
      let ended = Mutex(false)
      let end: @Sendable () -> Void = {
        ended.withLock { done in
          if !done { sink.write("\n") }
          done = true
        }
      }
      stream.start { sink.write($0 + "\n") }
      Thread {
        stream.waitUntilFinished()
        end()
      }.start()
      let next = reader.nextLine()
      stream.stop()
      end()
      return next
    }
  }

  /// A file handle shared by threads, one write at a time.
  final class Sink: Sendable {
    private let handle: Mutex<FileHandle>

    init(_ handle: FileHandle) { self.handle = Mutex(handle) }

    func write(_ text: String) {
      handle.withLock { $0.write(Data(text.utf8)) }
    }
  }
}
