#!/usr/bin/env python3
"""Bounded load test of `tengen serve` on loopback (docs/WEB.md, "Load").

Starts `tengen serve` on a free loopback port (or attaches to one with --url), then:

1. HTTP: `--http-clients` keep-alive clients send `--http-requests` requests each, round robin
   over the page, its assets and the JSON endpoints (/api/info, POST /api/sgf, the dashboard's
   /api/run and /api/run/game); every answer is checked (status, type, body).
2. Sessions, `--rounds` times: `--analysis` analysis sockets and `--play` game sockets for
   `--seconds` each, all at once. An analysis session loads a fixture SGF through /api/sgf and
   steps through its positions the way the analysis page does (a query with
   reportDuringSearchEvery and ownership; every third one is interrupted after its first report
   with `terminate`, as when the page moves on; every eighth analyses the whole game). A game
   session plays random legal-looking moves and times each engine reply (send to the final
   `state`). A light poller keeps asking /api/info meanwhile. Every message is checked: no
   `error` or `warning`, ids and turn numbers as asked, nothing after a query's final result.
3. After each round, waits for /api/info to report no open sessions and samples the server's
   memory (VmRSS), threads, open descriptors, its network cache's entries (/api/info nnCache)
   and its live heap (glibc's malloc_stats called through gdb, when gdb is there and the
   server is ours; --no-heap skips it); later rounds show whether they grow.
4. Disconnects: sockets that close (politely or by dropping TCP) in the middle of a long
   search, or right after asking for one, and a burst of games dropped right after a move;
   their places must come back within seconds and the server's CPU must go idle (a search
   that outlives its socket would keep burning it).

The server's VmRSS is sampled from /proc/PID/status throughout. Prints a summary, writes the
numbers as JSON (`--json`), and exits 1 when anything failed: an error message, a dropped
connection, a bad answer, a session that stayed open, a search that went on, a server that
died, or memory that grew from the first round to the last by more than the network cache's
new entries explain (RSS: `--max-growth-mb` plus `--cache-entry-kb` an entry; live heap:
`--max-heap-growth-mb` plus 2 KB an entry).

Bounded: fixed duration, counts and visits; the server gets one search thread per session
(`--max-threads` = sessions) and `--nn-threads` network threads.

    python3 scripts/web_load.py                          # 20 analysis + 4 game sockets, 3 x 60 s
    python3 scripts/web_load.py --analysis 4 --play 2 --seconds 5 --rounds 1 --model none
    python3 scripts/web_load.py --url http://127.0.0.1:8080/ --pid 1234   # a running server

Needs websocket-client (pinned in training/requirements.txt).
"""

import argparse
import glob
import http.client
import itertools
import json
import math
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE_RUN = os.path.join(ROOT, "Tests", "Fixtures", "run")
COLUMNS = "ABCDEFGHJKLMNOPQRST"
ASSETS = ["board.js", "play.js", "analyse.js", "dashboard.js", "app.css"]


def percentiles(values):
    """n, p50, p95, p99 and max of `values` (nearest rank), in the values' unit; {} when empty."""
    if not values:
        return {"n": 0}
    s = sorted(values)

    def rank(p):
        return s[max(0, math.ceil(p / 100 * len(s)) - 1)]

    return {"n": len(s), "p50": rank(50), "p95": rank(95), "p99": rank(99), "max": s[-1]}


def ms(values):
    """`percentiles` of durations in seconds, as milliseconds rounded to 0.1."""
    return {k: (round(v * 1000, 1) if k != "n" else v) for k, v in percentiles(values).items()}


def proc_status(pid):
    """VmRSS (kB), threads and open descriptors of process `pid`, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return {"rss_kb": int(fields["VmRSS"].split()[0]), "threads": int(fields["Threads"]), "fds": fds}


def cpu_seconds(pid):
    """User plus system CPU seconds process `pid` has used."""
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


class Report:
    """What the workers found, shared under a lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.errors = []
        self.samples = {}  # name -> list of seconds
        self.counts = {}

    def error(self, where, text):
        with self.lock:
            self.errors.append(f"{where}: {text}"[:500])

    def add(self, name, seconds):
        with self.lock:
            self.samples.setdefault(name, []).append(seconds)

    def count(self, name, n=1):
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + n


class Target:
    """The server under test: its URL, token and (when known) process id."""

    def __init__(self, url, token=None, pid=None, process=None):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.token = token
        self.pid = pid
        self.process = process
        self.stderr = []

    def headers(self):
        return {"Authorization": "Bearer " + self.token} if self.token else {}

    def ws(self, path):
        query = "?token=" + urllib.parse.quote(self.token) if self.token else ""
        return f"ws://{self.host}:{self.port}{path}{query}"

    def connection(self, timeout=60):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def get_json(self, path, timeout=30):
        c = self.connection(timeout)
        try:
            c.request("GET", path, headers=self.headers())
            r = c.getresponse()
            body = r.read()
            if r.status != 200:
                raise RuntimeError(f"GET {path}: {r.status}")
            return json.loads(body)
        finally:
            c.close()

    def status(self):
        return proc_status(self.pid) if self.pid else None

    def alive(self):
        if self.process is not None and self.process.poll() is not None:
            return False
        try:
            self.get_json("/api/info", timeout=10)
            return True
        except (OSError, RuntimeError, ValueError):
            return False


def start_server(binary, args, timeout=120):
    """Starts `tengen serve` on a free loopback port; returns its Target."""
    argv = [binary, "serve", "--host", "127.0.0.1", "--port", "0", *args]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    target_stderr = []

    def drain():
        for line in process.stderr:
            target_stderr.append(line)

    threading.Thread(target=drain, daemon=True).start()
    line = [None]
    reader = threading.Thread(target=lambda: line.__setitem__(0, process.stdout.readline().strip()),
                              daemon=True)
    reader.start()
    reader.join(timeout)
    if not line[0]:
        process.kill()
        raise RuntimeError("tengen serve printed no URL: " + "".join(target_stderr)[-2000:])
    target = Target(line[0].split("?")[0], pid=process.pid, process=process)
    target.stderr = target_stderr
    target.argv = argv
    return target


class Sampler(threading.Thread):
    """Samples the server's memory, threads and descriptors every `every` seconds."""

    def __init__(self, target, every=0.25):
        super().__init__(daemon=True)
        self.target, self.every = target, every
        self.phase = "start"
        self.rows = []  # (seconds since start, phase, status)
        self.t0 = time.monotonic()
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            s = self.target.status()
            if s:
                self.rows.append((round(time.monotonic() - self.t0, 2), self.phase, s))
            self.halt.wait(self.every)

    def peak(self, phase):
        values = [s["rss_kb"] for _, p, s in self.rows if p == phase]
        return max(values) if values else None


# ---------------------------------------------------------------------------------------- HTTP


def http_plan(sgf_texts, run):
    """The requests the HTTP clients cycle through: (kind, method, path, body, check)."""

    def page(body, kind):
        return b"<title>Tengen</title>" in body

    def asset(body, kind):
        return len(body) > 100

    def info(body, kind):
        return "sessions" in json.loads(body)

    def tree(body, kind):
        g = json.loads(body)
        return g["size"] == 9 and len(g["nodes"]) > 10

    def dashboard(body, kind):
        return json.loads(body)["ok"] is True

    plan = [("static", "GET", "/", None, page)]
    plan += [("static", "GET", "/assets/" + a, None, asset) for a in ASSETS]
    plan += [("json", "GET", "/api/info", None, info)]
    plan += [("json", "POST", "/api/sgf", t.encode(), tree) for t in sgf_texts[:2]]
    if run:
        plan += [("json", "GET", "/api/run", None, dashboard),
                 ("json", "GET", "/api/run/game?generation=1&name=game_0000000.sgf", None, tree)]
    return plan


def http_client(target, plan, n, offset, report, prefix="http"):
    """One keep-alive client: `n` requests of `plan` starting at `offset`."""
    conn = target.connection()
    for i in range(n):
        kind, method, path, body, check = plan[(offset + i) % len(plan)]
        headers = target.headers()
        if body is not None:
            headers = {**headers, "Content-Type": "application/x-go-sgf"}
        t0 = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            elapsed = time.monotonic() - t0
            if r.status != 200 or not check(data, kind):
                report.error(prefix, f"{method} {path}: status {r.status}, body {data[:200]!r}")
            else:
                report.add(f"{prefix}.{kind}", elapsed)
            if r.getheader("Connection", "").lower() == "close":
                report.count(f"{prefix}.server_closed_keepalive")
                conn.close()
                conn = target.connection()
        except (OSError, http.client.HTTPException, ValueError, KeyError) as e:
            report.error(prefix, f"{method} {path}: {type(e).__name__}: {e}")
            conn.close()
            conn = target.connection()
    conn.close()


def http_load(target, plan, clients, requests_each):
    report = Report()
    threads = [threading.Thread(target=http_client, args=(target, plan, requests_each, i * 3, report))
               for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - t0
    done = sum(len(v) for v in report.samples.values())
    return {
        "clients": clients, "requests": clients * requests_each, "ok": done,
        "seconds": round(seconds, 2), "requests_per_second": round(done / seconds, 1),
        "latency_ms": {k.split(".", 1)[1]: ms(v) for k, v in sorted(report.samples.items())},
        "errors": report.errors,
    }


# ---------------------------------------------------------------------------- analysis sockets


class Socket:
    """A WebSocket whose every message is parsed and checked for error and warning fields."""

    def __init__(self, target, path, report, where, timeout):
        self.report, self.where = report, where
        self.ws = websocket.create_connection(target.ws(path), timeout=timeout)

    def send(self, obj):
        self.ws.send(json.dumps(obj))

    def recv(self, illegal_ok=False):
        """The next message; an error or warning in it is reported (but for an illegal move
        when `illegal_ok`: the random picker cannot see superko)."""
        text = self.ws.recv()
        m = json.loads(text)
        if not isinstance(m, dict):
            raise ValueError(f"not an object: {text[:200]}")
        if "error" in m or "warning" in m or m.get("type") == "error":
            if not (illegal_ok and m.get("message", "").startswith("Illegal move")):
                self.report.error(self.where, text[:300])
        return m

    def close(self):
        self.ws.close(timeout=5)


def over(moves):
    """True after two passes in a row: the engine then offers no moves (its moveInfos are
    empty), and the fixture games end that way."""
    return len(moves) >= 2 and all(m[1].lower() == "pass" for m in moves[-2:])


def check_result(m, qid, turn, size, report, where, need_moves=True):
    """A final or progress result of query `qid` for `turn`: moves, visits, ownership. A
    progress report may come before any move has a visit (its moveInfos are then empty); after
    two passes (`need_moves` False too) the engine may report no moves and no visits."""
    if m.get("turnNumber") != turn:
        report.error(where, f"{qid}: turn {m.get('turnNumber')} instead of {turn}")
    if m.get("noResults"):
        return
    infos, root = m.get("moveInfos"), m.get("rootInfo")
    if infos is None or not root or (need_moves and (not infos or root.get("visits", 0) < 1)):
        visits = (root or {}).get("visits")
        report.error(where, f"{qid}: turn {turn} result with {len(infos or [])} moves and {visits} visits "
                            f"(during search: {m.get('isDuringSearch')})")
    own = m.get("ownership")
    if own is not None and len(own) != size * size:
        report.error(where, f"{qid}: ownership of {len(own)} points")


def analysis_session(target, games, index, deadline, opts, report):
    """One analysis page: loads an SGF, then steps through its positions until `deadline`."""
    where = f"analysis-{index}"
    rng = random.Random(opts.seed * 1000 + index)
    sgf = games[index % len(games)]
    try:
        c = target.connection()
        c.request("POST", "/api/sgf", body=sgf.encode(),
                  headers={**target.headers(), "Content-Type": "application/x-go-sgf"})
        r = c.getresponse()
        game = json.loads(r.read())
        c.close()
        if r.status != 200:
            report.error(where, f"/api/sgf: {r.status} {game}")
            return
        moves = [n["move"] for n in game["nodes"] if n.get("move")]
        size = game["size"]
        s = Socket(target, "/ws/analysis", report, where, opts.recv_timeout)
    except (OSError, ValueError, KeyError, websocket.WebSocketException) as e:
        report.error(where, f"could not start: {type(e).__name__}: {e}")
        return
    seq = 0
    finished_ids = set()
    try:
        while time.monotonic() < deadline:
            seq += 1
            qid = f"{where}-{seq}"
            base = {"id": qid, "rules": game["rules"], "komi": game["komi"], "boardXSize": size,
                    "boardYSize": size, "initialStones": game["initialStones"],
                    "initialPlayer": game["initialPlayer"]}
            if seq % 8 == 0:  # "Analyse whole game"
                line = moves[: rng.randrange(10, len(moves) + 1)]
                q = {**base, "moves": line, "analyzeTurns": list(range(len(line) + 1)),
                     "maxVisits": opts.game_visits}
                t0 = time.monotonic()
                s.send(q)
                left = set(range(len(line) + 1))
                while left:
                    m = s.recv()
                    if m.get("id") in finished_ids:
                        report.error(where, f"a message after {m['id']}'s final result")
                    if m.get("id") != qid:
                        continue
                    if m.get("isDuringSearch"):
                        report.error(where, f"{qid}: a progress report nobody asked for")
                        continue
                    turn = m.get("turnNumber")
                    if turn not in left:
                        report.error(where, f"{qid}: turn {turn} twice or unasked")
                        break
                    left.discard(turn)
                    check_result(m, qid, turn, size, report, where, need_moves=not over(line[:turn]))
                finished_ids.add(qid)
                report.add("analysis.whole_game", time.monotonic() - t0)
                report.count("analysis.whole_game_turns", len(line) + 1)
                continue
            turn = rng.randrange(0, len(moves) + 1)
            q = {**base, "moves": moves[:turn], "maxVisits": opts.live_visits,
                 "reportDuringSearchEvery": opts.report_every, "includeOwnership": True}
            interrupt = seq % 3 == 0
            t0 = time.monotonic()
            s.send(q)
            first = None
            terminated = False
            while True:
                m = s.recv()
                if m.get("id") in finished_ids:
                    report.error(where, f"a message after {m['id']}'s final result")
                    continue
                if m.get("action") == "terminate":
                    report.count("analysis.terminate_echoes")
                    continue
                if m.get("id") != qid:
                    report.error(where, f"unexpected message {json.dumps(m)[:200]}")
                    continue
                check_result(m, qid, turn, size, report, where,
                             need_moves=not (m.get("isDuringSearch") or terminated or over(moves[:turn])))
                if m.get("isDuringSearch"):
                    report.count("analysis.reports")
                    if first is None:
                        first = time.monotonic() - t0
                        report.add("analysis.first_report", first)
                    if interrupt and not terminated:
                        s.send({"id": "stop-" + qid, "action": "terminate", "terminateId": qid})
                        terminated = True
                    continue
                break
            finished_ids.add(qid)
            elapsed = time.monotonic() - t0
            report.add("analysis.interrupted" if terminated else "analysis.final", elapsed)
            report.count("analysis.queries")
            if not terminated and not m.get("noResults"):
                visits = m["rootInfo"]["visits"]
                if visits < opts.live_visits:
                    report.count("analysis.short_of_visits")
        report.count("analysis.sessions_completed")
    except (OSError, ValueError, KeyError, websocket.WebSocketException) as e:
        report.error(where, f"dropped: {type(e).__name__}: {e}")
    finally:
        try:
            s.close()
        except (OSError, websocket.WebSocketException):
            pass


# -------------------------------------------------------------------------------- game sockets


def vertex(row, col, size):
    return f"{COLUMNS[col]}{size - row}"


def pick_move(state, rng, pass_after):
    """A random empty point with an empty neighbour (never suicide) that is not the ko point;
    `pass` late in the game or when there is none."""
    board, size = state["board"], state["size"]
    if state["moveNumber"] >= pass_after:
        return "pass"
    options = []
    for r in range(size):
        for c in range(size):
            if board[r][c] != ".":
                continue
            around = [(r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
            if any(0 <= a < size and 0 <= b < size and board[a][b] == "." for a, b in around):
                v = vertex(r, c, size)
                if v != state.get("ko"):
                    options.append(v)
    return rng.choice(options) if options else "pass"


def play_session(target, index, deadline, opts, report):
    """One play page: games against the engine with random moves until `deadline`; times
    every engine reply from the move sent to the final `state`."""
    where = f"play-{index}"
    rng = random.Random(opts.seed * 1000 + 500 + index)
    try:
        s = Socket(target, "/ws/play", report, where, opts.recv_timeout)
    except (OSError, websocket.WebSocketException) as e:
        report.error(where, f"could not connect: {type(e).__name__}: {e}")
        return

    def settled(illegal_ok=False):
        """Messages until an error or a state that is not `thinking`."""
        while True:
            m = s.recv(illegal_ok)
            if m.get("type") == "error":
                return m
            if m.get("type") != "state":
                report.error(where, f"unexpected message {json.dumps(m)[:200]}")
                continue
            if not m["thinking"]:
                return m

    try:
        state = None
        moves = 0
        while time.monotonic() < deadline:
            if state is None or state["over"]:
                if state is not None:
                    s.send({"type": "sgf"})
                    m = s.recv()
                    if m.get("type") != "sgf" or "RE[" not in m.get("text", ""):
                        report.error(where, f"bad sgf answer {json.dumps(m)[:200]}")
                    report.count("play.games")
                color = rng.choice(["black", "white"])
                s.send({"type": "new", "size": 9, "rules": "chinese", "komi": 7,
                        "color": color, "visits": opts.play_visits})
                t0 = time.monotonic()
                state = settled()
                if state.get("type") != "state":
                    return
                if color == "white":
                    report.add("play.reply", time.monotonic() - t0)
                continue
            moves += 1
            if moves % 15 == 0 and state["moveNumber"] >= 2:
                before = state["moveNumber"]
                s.send({"type": "undo"})
                state = settled()
                if state.get("type") != "state" or state["moveNumber"] >= before:
                    report.error(where, f"undo did not take back: {json.dumps(state)[:200]}")
                    return
                report.count("play.undos")
                continue
            move = pick_move(state, rng, opts.pass_after)
            before = state["moveNumber"]
            t0 = time.monotonic()
            s.send({"type": "play", "vertex": move})
            m = settled(illegal_ok=True)
            elapsed = time.monotonic() - t0
            if m.get("type") == "error":
                if m.get("message", "").startswith("Illegal move"):
                    report.count("play.illegal_picks")
                    continue
                return
            state = m
            engine = "white" if state["human"] == "black" else "black"
            if not state["over"] and (state["moveNumber"] != before + 2 or state["lastPlayer"] != engine):
                report.error(where, f"no engine reply after {move}: {json.dumps(state)[:300]}")
                return
            report.add("play.reply", elapsed)
        report.count("play.sessions_completed")
    except (OSError, ValueError, KeyError, websocket.WebSocketException) as e:
        report.error(where, f"dropped: {type(e).__name__}: {e}")
    finally:
        try:
            s.close()
        except (OSError, websocket.WebSocketException):
            pass


def info_poller(target, stop, report):
    """/api/info every 0.25 s while the sessions run: the JSON endpoints stay responsive."""
    conn = target.connection()
    while not stop.is_set():
        t0 = time.monotonic()
        try:
            conn.request("GET", "/api/info", headers=target.headers())
            r = conn.getresponse()
            body = json.loads(r.read())
            if r.status != 200 or "sessions" not in body:
                report.error("poller", f"/api/info: {r.status}")
            else:
                report.add("poll.info", time.monotonic() - t0)
                with report.lock:
                    report.counts["poll.max_sessions_seen"] = max(
                        report.counts.get("poll.max_sessions_seen", 0), body["sessions"])
        except (OSError, http.client.HTTPException, ValueError) as e:
            report.error("poller", f"{type(e).__name__}: {e}")
            conn.close()
            conn = target.connection()
        stop.wait(0.25)
    conn.close()


def heap_in_use(target):
    """Bytes the server's malloc has handed out and not got back (glibc's malloc_stats, called
    in the server through gdb; its report goes to the server's stderr), or None. RSS also counts
    memory glibc keeps after it was freed; this counts only live allocations, so its growth from
    round to round is what sessions keep (plus the network cache's new entries)."""
    if not target.pid or target.process is None or not shutil.which("gdb"):
        return None
    before = len(target.stderr)
    try:
        subprocess.run(["gdb", "-p", str(target.pid), "-batch", "-ex", "call (void)malloc_stats()"],
                       capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for _ in range(50):
        text = "".join(target.stderr[before:])
        total = text.split("Total (incl. mmap):", 1)
        if len(total) == 2 and "in use bytes" in total[1]:
            return int(total[1].split("in use bytes", 1)[1].split("=", 1)[1].split()[0])
        time.sleep(0.1)
    return None


def cache_entries(target):
    """Entries in the server's shared network cache (None without a network)."""
    try:
        return target.get_json("/api/info").get("nnCache", {}).get("entries")
    except (OSError, RuntimeError, ValueError):
        return None


def wait_sessions_closed(target, limit):
    """Seconds until /api/info reports no open sessions, or None after `limit` seconds."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        try:
            if target.get_json("/api/info", timeout=10)["sessions"] == 0:
                return round(time.monotonic() - t0, 2)
        except (OSError, RuntimeError, ValueError):
            pass
        time.sleep(0.1)
    return None


def session_round(target, games, opts, sampler, number):
    report = Report()
    sampler.phase = f"round{number}"
    deadline = time.monotonic() + opts.seconds
    stop = threading.Event()
    poller = threading.Thread(target=info_poller, args=(target, stop, report))
    workers = [threading.Thread(target=analysis_session, args=(target, games, i, deadline, opts, report))
               for i in range(opts.analysis)]
    workers += [threading.Thread(target=play_session, args=(target, i, deadline, opts, report))
                for i in range(opts.play)]
    t0 = time.monotonic()
    poller.start()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.monotonic() - t0
    stop.set()
    poller.join()
    sampler.phase = f"after{number}"
    closed_in = wait_sessions_closed(target, opts.close_limit)
    if closed_in is None:
        report.error("round", f"sessions still open {opts.close_limit} s after every socket closed")
    time.sleep(opts.settle)
    after = target.status()
    cache = cache_entries(target)
    heap = heap_in_use(target) if opts.heap else None
    c = report.counts
    return {
        "round": number, "analysis_sessions": opts.analysis, "play_sessions": opts.play,
        "seconds": round(seconds, 1),
        "analysis": {
            "queries": c.get("analysis.queries", 0), "progress_reports": c.get("analysis.reports", 0),
            "whole_games": len(report.samples.get("analysis.whole_game", [])),
            "whole_game_turns": c.get("analysis.whole_game_turns", 0),
            "short_of_visits": c.get("analysis.short_of_visits", 0),
            "first_report_ms": ms(report.samples.get("analysis.first_report", [])),
            "final_ms": ms(report.samples.get("analysis.final", [])),
            "interrupted_ms": ms(report.samples.get("analysis.interrupted", [])),
            "whole_game_ms": ms(report.samples.get("analysis.whole_game", [])),
        },
        "play": {
            "replies": len(report.samples.get("play.reply", [])), "games": c.get("play.games", 0),
            "undos": c.get("play.undos", 0), "illegal_picks": c.get("play.illegal_picks", 0),
            "reply_ms": ms(report.samples.get("play.reply", [])),
        },
        "info_poll_ms": ms(report.samples.get("poll.info", [])),
        "max_sessions_seen": c.get("poll.max_sessions_seen", 0),
        "sessions_completed": c.get("analysis.sessions_completed", 0) + c.get("play.sessions_completed", 0),
        "sessions_closed_in_s": closed_in,
        "rss_peak_kb": sampler.peak(f"round{number}"),
        "after": after,
        "nn_cache_entries_after": cache,
        "heap_in_use_after": heap,
        "errors": report.errors,
    }


# --------------------------------------------------------------------------------- disconnects


def disconnects(target, opts):
    """Sockets that go away in the middle of a long search or right after asking for one:
    their places must come back and the server's CPU must go idle."""
    report = Report()
    long_analysis = {"id": "long", "moves": [["B", "E5"]], "rules": "chinese", "komi": 7,
                     "boardXSize": 9, "boardYSize": 9, "maxVisits": 100000,
                     "reportDuringSearchEvery": 0.2}
    # Every mix of: which socket, a close frame or a dropped TCP connection, and closing once
    # the search has visibly started or right after asking for it.
    kinds = list(itertools.product(["analysis", "play"], [False, True], [True, False]))
    cases = [kinds[i % len(kinds)] for i in range(opts.disconnects)]
    for kind, abrupt, wait in cases:
        where = f"disconnect-{kind}-{'abrupt' if abrupt else 'close'}-{'running' if wait else 'asked'}"
        try:
            ws = websocket.create_connection(target.ws("/ws/" + kind), timeout=opts.recv_timeout)
            if kind == "analysis":
                ws.send(json.dumps(long_analysis))
            else:
                ws.send(json.dumps({"type": "new", "size": 9, "visits": 100000}))
                json.loads(ws.recv())
                ws.send(json.dumps({"type": "play", "vertex": "E5"}))
            if wait:
                m = json.loads(ws.recv())
                if kind == "analysis" and not m.get("isDuringSearch") or kind == "play" and not m.get("thinking"):
                    report.error(where, f"no search under way: {json.dumps(m)[:200]}")
            if abrupt:
                ws.sock.shutdown(socket.SHUT_RDWR)
                ws.sock.close()
            else:
                ws.close(timeout=5)
        except (OSError, ValueError, websocket.WebSocketException) as e:
            report.error(where, f"{type(e).__name__}: {e}")
    # A burst of games dropped right after the page's move: the socket often goes while the
    # engine is still setting up its search, and a stop that lands then must not be lost.
    for i in range(opts.drop_burst):
        try:
            ws = websocket.create_connection(target.ws("/ws/play"), timeout=opts.recv_timeout)
            ws.send(json.dumps({"type": "new", "size": 9, "visits": 100000}))
            json.loads(ws.recv())
            ws.send(json.dumps({"type": "play", "vertex": "E5"}))
            ws.sock.shutdown(socket.SHUT_RDWR)
            ws.sock.close()
        except (OSError, ValueError, websocket.WebSocketException) as e:
            report.error("drop-burst", f"{type(e).__name__}: {e}")
    closed_in = wait_sessions_closed(target, opts.close_limit)
    if closed_in is None:
        left = target.get_json("/api/info")["sessions"]
        report.error("disconnects", f"{left} sessions still open {opts.close_limit} s after their sockets went")
    idle = None
    if target.pid:
        time.sleep(0.5)
        c0, t0 = cpu_seconds(target.pid), time.monotonic()
        time.sleep(3)
        idle = round((cpu_seconds(target.pid) - c0) / (time.monotonic() - t0), 3)
        if idle > opts.idle_cpu:
            report.error("disconnects", f"the server still uses {idle} CPU cores after every socket closed")
    return {"sockets": len(cases) + opts.drop_burst, "sessions_closed_in_s": closed_in,
            "server_cpu_after": idle, "errors": report.errors}


# ------------------------------------------------------------------------------------- driver


def fixture_games():
    paths = sorted(glob.glob(os.path.join(FIXTURE_RUN, "selfplay", "*", "sgf", "*.sgf")))
    if not paths:
        raise SystemExit(f"no fixture games under {FIXTURE_RUN}")
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    return texts


def default_binary():
    for config in ("release", "debug"):
        path = os.path.join(ROOT, ".build", config, "tengen")
        if os.path.exists(path):
            return path
    return None


def run_load(opts):
    """Runs the whole test; returns the result dictionary (`ok` says whether it passed)."""
    games = fixture_games()
    load_start = os.getloadavg()
    if opts.url:
        target = Target(opts.url, token=opts.token, pid=opts.pid)
        run = target.get_json("/api/info")["run"]
    else:
        binary = opts.binary or default_binary()
        if not binary:
            raise SystemExit("no tengen binary: build it (swift build -c release) or pass --binary")
        sessions = opts.analysis + opts.play
        args = ["--max-sessions", str(max(sessions, opts.disconnects, 1)),
                "--max-threads", str(max(sessions, opts.disconnects, 1)),
                "--nn-threads", str(opts.nn_threads), "--run", FIXTURE_RUN]
        if opts.model:
            args += ["--model", opts.model]
        target = start_server(binary, args + opts.server_arg)
        run = True
    result = {"argv": sys.argv, "machine": {"cores": os.cpu_count(), "loadavg_start": load_start}}
    sampler = Sampler(target)
    sampler.start()
    try:
        info = target.get_json("/api/info")
        result["server"] = {"argv": getattr(target, "argv", None), "info": info}
        result["start"] = target.status()
        sampler.phase = "http"
        result["http"] = http_load(target, http_plan(games, run), opts.http_clients, opts.http_requests)
        result["after_http"] = target.status()
        result["rounds"] = [session_round(target, games, opts, sampler, n + 1) for n in range(opts.rounds)]
        sampler.phase = "disconnects"
        result["disconnects"] = disconnects(target, opts) if opts.disconnects else None
        result["end"] = target.status()
        result["alive"] = target.alive()
    finally:
        sampler.halt.set()
        sampler.join()
        result["machine"]["loadavg_end"] = os.getloadavg()
        if target.process is not None:
            code = target.process.poll()
            result["exit_code_during_run"] = code
            if code is None:
                target.process.terminate()
                try:
                    target.process.wait(20)
                except subprocess.TimeoutExpired:
                    target.process.kill()
                    target.process.wait()
            result["server_stderr_tail"] = "".join(target.stderr)[-3000:]
    result["rss_series"] = [(t, p, s["rss_kb"]) for t, p, s in sampler.rows[:: max(1, len(sampler.rows) // 400)]]
    return judge(result, opts)


def judge(result, opts):
    """Adds the verdict: every error, and whether memory stayed flat."""
    errors = list(result["http"]["errors"])
    for r in result["rounds"]:
        errors += r["errors"]
    if result.get("disconnects"):
        errors += result["disconnects"]["errors"]
    if not result.get("alive"):
        errors.append("the server does not answer /api/info at the end")
    if result.get("exit_code_during_run") is not None:
        errors.append(f"the server exited with {result['exit_code_during_run']} during the run")
    after = [r["after"]["rss_kb"] for r in result["rounds"] if r.get("after")]
    cache = [r["nn_cache_entries_after"] for r in result["rounds"] if r.get("after")]
    memory = {"start_kb": (result.get("start") or {}).get("rss_kb"),
              "after_http_kb": (result.get("after_http") or {}).get("rss_kb"),
              "peak_kb": max([r["rss_peak_kb"] or 0 for r in result["rounds"]], default=None),
              "after_rounds_kb": after,
              "nn_cache_entries_after_rounds": cache,
              "end_kb": (result.get("end") or {}).get("rss_kb")}
    if len(after) >= 2:
        # The shared network cache keeps what the sessions evaluated, up to its capacity: its
        # new entries (about --cache-entry-kb each) are allowed on top of --max-growth-mb.
        growth = (after[-1] - after[0]) / 1024
        new_entries = (cache[-1] or 0) - (cache[0] or 0)
        allowed = opts.max_growth_mb + max(0, new_entries) * opts.cache_entry_kb / 1024
        memory["growth_mb_first_to_last_round"] = round(growth, 1)
        memory["nn_cache_new_entries"] = new_entries
        memory["allowed_growth_mb"] = round(allowed, 1)
        memory["flat"] = growth <= allowed
        if not memory["flat"]:
            errors.append(f"memory grew {growth:.1f} MB from the first round to the last "
                          f"(allowed {allowed:.1f} MB with {new_entries} new network cache entries)")
    heap = [r["heap_in_use_after"] for r in result["rounds"]]
    if len(heap) >= 2 and None not in heap:
        # Live allocations: only the network cache may grow (about 1-1.6 KB an entry on 9x9).
        growth = (heap[-1] - heap[0]) / 2**20
        new_entries = max(0, (cache[-1] or 0) - (cache[0] or 0))
        allowed = opts.max_heap_growth_mb + new_entries * 2 / 1024
        memory["heap_in_use_after_rounds_mb"] = [round(h / 2**20, 1) for h in heap]
        memory["heap_growth_mb_first_to_last_round"] = round(growth, 1)
        memory["heap_allowed_growth_mb"] = round(allowed, 1)
        memory["heap_flat"] = growth <= allowed
        if not memory["heap_flat"]:
            errors.append(f"live heap grew {growth:.1f} MB from the first round to the last "
                          f"(allowed {allowed:.1f} MB with {new_entries} new network cache entries)")
    threads = [r["after"]["threads"] for r in result["rounds"] if r.get("after")]
    if len(threads) >= 2 and threads[-1] > threads[0] + max(4, (opts.analysis + opts.play) // 2):
        errors.append(f"threads grew from {threads[0]} to {threads[-1]} across rounds")
    fds = [r["after"]["fds"] for r in result["rounds"] if r.get("after")]
    if len(fds) >= 2 and fds[-1] > fds[0] + 2:
        errors.append(f"open descriptors grew from {fds[0]} to {fds[-1]} across rounds")
    result["memory"] = memory
    result["errors"] = errors
    result["ok"] = not errors
    return result


def summary(result):
    """The human-readable lines."""
    out = []
    m = result["machine"]
    out.append(f"machine: {m['cores']} cores, load average {m['loadavg_start'][0]:.2f} at start, "
               f"{m['loadavg_end'][0]:.2f} at end")
    out.append(f"server: {result['server']['info']['engine']}, "
               f"{result['server']['info']['threadsPerSession']} search thread(s) per session")
    h = result["http"]
    out.append(f"HTTP: {h['ok']}/{h['requests']} requests ok from {h['clients']} clients in "
               f"{h['seconds']} s = {h['requests_per_second']} requests/s")
    for kind, p in h["latency_ms"].items():
        out.append(f"  {kind:7s} latency ms p50 {p['p50']} p95 {p['p95']} p99 {p['p99']} max {p['max']} (n={p['n']})")
    for r in result["rounds"]:
        a, p = r["analysis"], r["play"]
        out.append(f"round {r['round']}: {r['analysis_sessions']} analysis + {r['play_sessions']} game sockets "
                   f"for {r['seconds']} s (at most {r['max_sessions_seen']} open at once)")
        out.append(f"  analysis: {a['queries']} queries, {a['progress_reports']} progress reports, "
                   f"{a['whole_games']} whole games ({a['whole_game_turns']} turns)")
        for name in ("first_report_ms", "final_ms", "interrupted_ms", "whole_game_ms"):
            q = a[name]
            if q["n"]:
                out.append(f"    {name:15s} p50 {q['p50']} p95 {q['p95']} p99 {q['p99']} max {q['max']} (n={q['n']})")
        q = p["reply_ms"]
        if q["n"]:
            out.append(f"  move reply ms: p50 {q['p50']} p95 {q['p95']} p99 {q['p99']} max {q['max']} "
                       f"(n={q['n']}, {p['games']} games finished, {p['undos']} undos)")
        q = r["info_poll_ms"]
        if q["n"]:
            out.append(f"  /api/info meanwhile ms: p50 {q['p50']} p99 {q['p99']} max {q['max']} (n={q['n']})")
        out.append(f"  sessions closed {r['sessions_closed_in_s']} s after the last socket; "
                   f"peak RSS {kb(r['rss_peak_kb'])}, after {describe(r['after'])}")
    d = result.get("disconnects")
    if d:
        out.append(f"disconnects: {d['sockets']} sockets dropped mid-search; places back in "
                   f"{d['sessions_closed_in_s']} s; server CPU afterwards {d['server_cpu_after']} cores")
    mem = result["memory"]
    out.append(f"RSS: start {kb(mem['start_kb'])}, after HTTP {kb(mem['after_http_kb'])}, peak {kb(mem['peak_kb'])}, "
               f"after each round {', '.join(kb(x) for x in mem['after_rounds_kb'])}, end {kb(mem['end_kb'])}")
    if "flat" in mem:
        out.append(f"  first to last round: {mem['growth_mb_first_to_last_round']:+} MB with "
                   f"{mem['nn_cache_new_entries']} new network cache entries "
                   f"(after each round: {', '.join(str(e) for e in mem['nn_cache_entries_after_rounds'])}); "
                   f"allowed {mem['allowed_growth_mb']} MB: {'flat' if mem['flat'] else 'GROWING'}")
    if "heap_flat" in mem:
        out.append(f"  live heap (malloc_stats) after each round: "
                   f"{', '.join(f'{h} MB' for h in mem['heap_in_use_after_rounds_mb'])}: "
                   f"{mem['heap_growth_mb_first_to_last_round']:+} MB, allowed {mem['heap_allowed_growth_mb']} MB: "
                   f"{'flat' if mem['heap_flat'] else 'GROWING'}")
    out.append(f"errors: {len(result['errors'])}")
    for e in result["errors"][:20]:
        out.append("  " + e)
    out.append("PASS" if result["ok"] else "FAIL")
    return "\n".join(out)


def kb(value):
    return "?" if value is None else f"{value / 1024:.1f} MB"


def describe(status):
    if not status:
        return "?"
    return f"{kb(status['rss_kb'])}, {status['threads']} threads, {status['fds']} descriptors"


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", help="tengen binary (default .build/release/tengen, else debug)")
    p.add_argument("--model", help="passed to tengen serve (none: rollouts; default: bundled network)")
    p.add_argument("--nn-threads", type=int, default=2, help="the network's CPU threads (default 2)")
    p.add_argument("--server-arg", action="append", default=[], help="one more argument for tengen serve")
    p.add_argument("--url", help="attach to a running server instead of starting one")
    p.add_argument("--token", help="its token")
    p.add_argument("--pid", type=int, help="its process id (for memory and CPU samples)")
    p.add_argument("--http-clients", type=int, default=8)
    p.add_argument("--http-requests", type=int, default=500, help="requests per HTTP client")
    p.add_argument("--analysis", type=int, default=20, help="analysis sockets at once")
    p.add_argument("--play", type=int, default=4, help="game sockets at once")
    p.add_argument("--seconds", type=float, default=60, help="length of each round")
    p.add_argument("--rounds", type=int, default=3, help="session rounds (memory after each)")
    p.add_argument("--live-visits", type=int, default=32, help="maxVisits of a live query")
    p.add_argument("--game-visits", type=int, default=4, help="maxVisits per turn of a whole game")
    p.add_argument("--play-visits", type=int, default=16, help="the engine's visits per move")
    p.add_argument("--report-every", type=float, default=0.1, help="reportDuringSearchEvery")
    p.add_argument("--pass-after", type=int, default=50, help="the client passes from this move on")
    p.add_argument("--disconnects", type=int, default=8, help="sockets dropped mid-search at the end")
    p.add_argument("--drop-burst", type=int, default=40, help="games dropped right after a move")
    p.add_argument("--recv-timeout", type=float, default=120)
    p.add_argument("--close-limit", type=float, default=15, help="seconds for freed places")
    p.add_argument("--settle", type=float, default=2, help="seconds before the after-round sample")
    p.add_argument("--idle-cpu", type=float, default=0.25, help="server CPU cores counted as idle")
    p.add_argument("--max-growth-mb", type=float, default=16,
                   help="RSS growth allowed from the first round to the last")
    p.add_argument("--cache-entry-kb", type=float, default=8,
                   help="RSS allowed per new entry of the server's network cache (its ~1.1 KB "
                        "plus the allocator's fragmentation: 6-10 KB measured on 9x9)")
    p.add_argument("--max-heap-growth-mb", type=float, default=4,
                   help="live heap growth allowed from the first round to the last, besides the cache")
    p.add_argument("--no-heap", dest="heap", action="store_false",
                   help="do not read the server's malloc statistics through gdb after each round")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", default=os.path.join(ROOT, "out", "web_load.json"), help="where to write the numbers")
    return p.parse_args(argv)


def main(argv=None):
    opts = parse(sys.argv[1:] if argv is None else argv)
    result = run_load(opts)
    if opts.json:
        os.makedirs(os.path.dirname(os.path.abspath(opts.json)), exist_ok=True)
        with open(opts.json, "w") as f:
            json.dump(result, f, indent=1)
    print(summary(result))
    if opts.json:
        print(f"numbers: {opts.json}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
