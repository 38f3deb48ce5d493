"""Starts `tengen serve` for the web tests (docs/WEB.md) and stops it again.

The server runs with rollouts (`--model none`) so that a debug build answers moves quickly, on
a free loopback port (`--port 0`): the URL it prints on stdout names the port."""
import os
import subprocess
import threading

from repo_scripts import ROOT, tengen_binary

FIXTURE_RUN = os.path.join(ROOT, "Tests", "Fixtures", "run")
ARTIFACTS = os.environ.get("TENGEN_WEB_ARTIFACTS", os.path.join(ROOT, "out", "web"))


class Server:
    """A running `tengen serve`; `url` ends with a slash."""

    def __init__(self, *args, timeout=120):
        binary = tengen_binary()
        self.argv = [binary, "serve", "--port", "0", "--model", "none", *args]
        self.process = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, cwd=ROOT)
        self.stderr = []
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = None
        line = [None]

        def first_line():
            line[0] = self.process.stdout.readline().strip()

        reader = threading.Thread(target=first_line, daemon=True)
        reader.start()
        reader.join(timeout)
        if not line[0]:
            self.stop()
            raise RuntimeError("tengen serve printed no URL: " + "".join(self.stderr)[-2000:])
        self.url = line[0].split("?")[0]

    def _drain(self):
        for text in self.process.stderr:
            self.stderr.append(text)

    def ws(self, path):
        return self.url.replace("http://", "ws://", 1).rstrip("/") + path

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def run_refused(*args, timeout=120):
    """Runs `tengen serve` with `args` expecting it to refuse to start: (exit code, stderr)."""
    p = subprocess.run([tengen_binary(), "serve", "--model", "none", *args], capture_output=True,
                       text=True, timeout=timeout, cwd=ROOT)
    return p.returncode, p.stderr
