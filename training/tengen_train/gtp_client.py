"""The one GTP client of the Python side, over a subprocess: the repository's scripts (scripts/,
training/scripts/) and tests drive engines with it. Also the GTP vertex of a point, and the moves
of an SGF game to replay on an engine."""
import re
import subprocess

COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"


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

    def raw_nn(self, size, symmetry=0):
        """`kata-raw-nn` parsed: {name: float} for the scalar lines, and the `size`x`size` grids
        (policy, whiteOwnership) as flat row-major lists (illegal points are NaN)."""
        return parse_raw_nn(self.send(f"kata-raw-nn {symmetry}"), size)

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


def run_session(args, commands, **kwargs):
    """Runs `args` as a GTP engine on `commands` (then `quit`) in one batch: the finished
    subprocess.CompletedProcess (text). For checks of exit status, stderr and what is printed
    before the first reply, which the interactive GTPClient does not see; split its stdout with
    `replies`. `kwargs` go to subprocess.run (timeout, cwd, env)."""
    return subprocess.run(list(args), input="\n".join(list(commands) + ["quit"]) + "\n",
                          capture_output=True, text=True, **kwargs)


def replies(stdout):
    """A batch session's stdout as its replies ("= ..." or "? ..."), each stripped."""
    return [r.strip() for r in stdout.split("\n\n") if r.strip()]


def vertex(x, y, size):
    """GTP vertex of column x, row y counted from the top."""
    return f"{COLUMNS[x]}{size - y}"


def sgf_vertex(point, size):
    """GTP vertex of an SGF move's point ("" and, up to 19x19, "tt" are passes)."""
    if point == "" or (point == "tt" and size <= 19):
        return "pass"
    return vertex(ord(point[0]) - 97, ord(point[1]) - 97, size)


def sgf_moves(path):
    """The moves of the SGF game in `path`: [(colour "B"/"W", SGF point)]."""
    with open(path) as f:
        return re.findall(r";([BW])\[([a-z]{0,2})\]", f.read())


def sgf_size(path):
    """The board size of the SGF game in `path` (19 when it names none)."""
    with open(path) as f:
        m = re.search(r"SZ\[(\d+)\]", f.read())
    return int(m.group(1)) if m else 19


def parse_raw_nn(lines, size):
    """A `kata-raw-nn` reply's lines (first one starting with "=") as a dict; see raw_nn."""
    lines = [lines[0].lstrip("=0123456789 ")] + list(lines[1:])
    out = {}
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        if parts and parts[0] in ("policy", "whiteOwnership"):
            values = []
            for row in lines[i + 1:i + 1 + size]:
                values += [float(t) for t in row.split()]
            out[parts[0]] = values
            i += 1 + size
            continue
        if len(parts) == 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                pass
        i += 1
    return out
