"""A minimal GTP client over a subprocess, shared by the scripts in this folder."""
import subprocess


class GTPClient:
    """Starts `args` as a GTP engine; `send` returns a successful reply's lines."""

    def __init__(self, args, stderr=subprocess.DEVNULL, cwd=None):
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, text=True, cwd=cwd)

    def send(self, cmd):
        """The reply's lines as the engine printed them ("= ..." first); raises on "?" or exit."""
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        lines = []
        while True:
            line = self.proc.stdout.readline()
            if line == "":
                raise RuntimeError("engine exited during: " + cmd)
            if line.strip() == "" and lines:
                break
            if line.strip() != "" or lines:
                lines.append(line.rstrip("\n"))
        if not lines[0].startswith("="):
            raise RuntimeError("%s -> %s" % (cmd, lines[0]))
        return lines

    def reply(self, cmd):
        """The reply as one line of text, without the leading "=" and id."""
        return " ".join(self.send(cmd))[1:].strip()

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
