import Foundation
import GoCore

/// Drives an external GTP engine over its standard input and output.
///
/// Responses are read up to the blank line that ends them; a missing response within the
/// timeout, a closed pipe or a `?` reply is reported as an error, never a hang.
public final class GTPClient: @unchecked Sendable {
  public let commandLine: String
  let process = Process()
  let input = Pipe()
  let output = Pipe()
  let buffer = BufferedLines()

  /// Starts `commandLine` through `/bin/sh -c`; the engine's stderr goes to `stderrPath`
  /// (or is discarded).
  ///
  /// Ignores SIGPIPE for the whole process: writing to an engine that died must fail with an
  /// error the caller handles, not kill the caller.
  public init(commandLine: String, stderrPath: String? = nil) throws {
    signal(SIGPIPE, SIG_IGN)
    self.commandLine = commandLine
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exec " + commandLine]
    process.standardInput = input
    process.standardOutput = output
    if let stderrPath {
      _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
      process.standardError = FileHandle(forWritingAtPath: stderrPath)
    } else {
      process.standardError = FileHandle.nullDevice
    }
    let lines = buffer
    output.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      lines.append(data)
    }
    do { try process.run() } catch { throw GTPClientError.launch("\(commandLine): \(error)") }
  }

  deinit { terminate() }

  /// True while the engine process runs.
  public var isRunning: Bool { process.isRunning }

  /// Sends one command and returns the response text (without the `=` and the blank line).
  public func send(_ command: String, timeout: Double = 60) throws -> String {
    guard process.isRunning else { throw GTPClientError.closed(command) }
    let data = Data((command + "\n").utf8)
    do { try input.fileHandleForWriting.write(contentsOf: data) } catch {
      throw GTPClientError.closed(command)
    }
    let deadline = ContinuousClock.now + .seconds(max(0, min(timeout, 1e9)))
    var lines: [String] = []
    while true {
      guard let line = buffer.nextLine(until: deadline) else {
        throw process.isRunning ? GTPClientError.timeout(command) : GTPClientError.closed(command)
      }
      if lines.isEmpty && line.isEmpty { continue }  // stray blank lines between responses
      if line.isEmpty { break }
      lines.append(line)
    }
    let text = lines.joined(separator: "\n")
    guard let first = text.first else { throw GTPClientError.engineError("empty response") }
    let body = String(text.dropFirst().drop { $0.isNumber }).trimmingCharacters(in: .whitespaces)
    if first == "?" { throw GTPClientError.engineError("\(command): \(body)") }
    guard first == "=" else { throw GTPClientError.engineError("malformed response: \(text)") }
    return body
  }

  /// Sends `quit` and waits briefly for the engine to exit, then kills it.
  public func terminate() {
    if process.isRunning {
      _ = try? send("quit", timeout: 3)
      let deadline = ContinuousClock.now + .seconds(2)
      while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
      if process.isRunning { process.terminate() }
    }
    output.fileHandleForReading.readabilityHandler = nil
  }
}

/// A thread-safe line buffer fed by the pipe's readability handler.
final class BufferedLines: @unchecked Sendable {
  let condition = NSCondition()
  var pending = Data()
  var closed = false

  func append(_ data: Data) {
    condition.lock()
    if data.isEmpty { closed = true } else { pending.append(data) }
    condition.broadcast()
    condition.unlock()
  }

  /// The next complete line (CR and LF stripped), or nil at the deadline or end of stream.
  /// The deadline is on `ContinuousClock` (the clock of every time budget); the condition's
  /// wall-clock `Date` is derived from the time left only to wait.
  func nextLine(until deadline: ContinuousClock.Instant) -> String? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let nl = pending.firstIndex(of: 10) {
        let lineData = pending[pending.startIndex..<nl]
        pending.removeSubrange(pending.startIndex...nl)
        var line = String(decoding: lineData, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
      }
      if closed { return nil }
      let left = deadline - ContinuousClock.now
      if left <= .zero || !condition.wait(until: Date(timeIntervalSinceNow: left.inSeconds)) { return nil }
    }
  }
}
