"""KaTrain-style client check of `tengen analysis` (docs/ANALYSIS.md, docs/KATAGO.md §4.6).

KaTrain's own `KataGoEngine` (katrain/core/engine.py, PyPI `katrain` 1.20.0) cannot be driven
headless here: the module imports `kivy.utils`, `katrain.core.lang` (kivy's `Observable`) and
`GameNode`, and needs a running KaTrain object for its config, logging and callbacks. So this
test is a small client that sends exactly the queries `KataGoEngine.request_analysis` builds
(id `QUERY:<n>`, a rules preset from KaTrain's list, priority, single-turn `analyzeTurns`,
maxVisits, komi, board sizes, includeOwnership/includeMovesOwnership/includePolicy,
initialStones/initialPlayer, moves, overrideSettings with reportAnalysisWinratesAs BLACK +
wideRootNoise + maxTime, reportDuringSearchEvery for pondering, avoidMoves untilDepth 1,
`terminate`) and reads the replies the way KaTrain's reader thread does.

Run after building the engine:
    swift build -c release
    python -m pytest training/tests/test_analysis_katrain_client.py -v
Environment: TENGEN_BIN (default the newer of .build/release/tengen and .build/debug/tengen),
TENGEN_MODEL (passed as --model), TENGEN_ANALYSIS_ARGS (extra options). Skips cleanly when the
binary is absent or cannot analyse yet.
"""

import json
import os
import queue
import shlex
import subprocess
import threading
import time

import pytest

from repo_scripts import ROOT, tengen_binary

# KaTrain's RULESETS values (engine.py): what it may send as a preset string.
KATRAIN_RULES = ["japanese", "chinese", "korean", "aga", "tromp-taylor", "new zealand", "stone_scoring"]
GAME = [["B", "E5"], ["W", "C3"], ["B", "G3"], ["W", "C6"], ["B", "G6"], ["W", "D4"]]
COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"




class KaTrainLikeClient:
    """The parts of KaTrain's KataGoEngine that talk to the process."""

    def __init__(self, argv):
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
        )
        self.counter = 0
        self.lock = threading.Lock()
        self.queries = {}  # id -> (callback, error_callback, next_move)
        self.results = queue.Queue()
        self.log = []  # (kind, object) for errors, warnings and terminate echoes KaTrain logs
        self.bad_lines = []
        self.events = []  # (id, kind) of every line in arrival order, for ordering checks
        self.ready = threading.Event()
        self.stderr_lines = []
        threading.Thread(target=self._read_stderr, daemon=True).start()
        threading.Thread(target=self._read_stdout, daemon=True).start()

    def _read_stderr(self):
        for raw in self.process.stderr:
            line = raw.decode(errors="ignore").rstrip("\n")
            self.stderr_lines.append(line)
            if "Started, ready to begin handling requests" in line:
                self.ready.set()

    def _read_stdout(self):
        # Mirrors KataGoEngine._analysis_read_thread.
        for raw in self.process.stdout:
            line = raw.decode(errors="ignore").strip()
            if not line:
                continue
            try:
                analysis = json.loads(line)
            except json.JSONDecodeError:
                self.bad_lines.append(line)
                continue
            if "id" not in analysis:
                self.log.append(("error-without-id", analysis))
                continue
            if analysis.get("action") == "terminate":
                self.events.append((analysis.get("terminateId"), "terminate-echo"))
            elif "isDuringSearch" in analysis:
                self.events.append((analysis["id"], "partial" if analysis["isDuringSearch"] else "final"))
            with self.lock:
                query = self.queries.get(analysis["id"])
            if query is None:
                if analysis.get("action") != "terminate":
                    self.log.append(("discarded", analysis))
                continue
            callback, error_callback, next_move = query
            if "error" in analysis:
                with self.lock:
                    self.queries.pop(analysis["id"], None)
                if error_callback:
                    error_callback(analysis)
                elif not (next_move and "Illegal move" in analysis["error"]):
                    self.log.append(("error", analysis))
            elif "warning" in analysis:
                self.log.append(("warning", analysis))
            elif "terminateId" in analysis:
                self.log.append(("terminate", analysis))
            else:
                partial = analysis.get("isDuringSearch", False)
                if not partial:
                    with self.lock:
                        self.queries.pop(analysis["id"], None)
                results_exist = not analysis.get("noResults", False)
                if results_exist:
                    # KaTrain's log line reads rootInfo.visits of every result it accepts.
                    assert analysis["rootInfo"]["visits"] >= 0
                callback(analysis, partial, results_exist)

    def send(self, query, callback=None, error_callback=None, next_move=None):
        with self.lock:
            if "id" not in query:
                self.counter += 1
                query["id"] = f"QUERY:{self.counter}"
            if query.get("action") != "terminate":
                self.queries[query["id"]] = (
                    callback or (lambda a, p, r: self.results.put((a, p, r))),
                    error_callback,
                    next_move,
                )
        self.process.stdin.write((json.dumps(query) + "\n").encode())
        self.process.stdin.flush()
        return query["id"]

    def request_analysis(self, moves, size=(9, 9), rules="japanese", komi=6.5, visits=40, priority=0,
                         initial_stones=(), initial_player="B", avoid=None, report_every=None,
                         next_move=None, ownership=True, max_time=8.0):
        # The dictionary KataGoEngine.request_analysis builds (the _kt_continuous key is popped
        # before sending).
        query = {
            "rules": rules,
            "priority": priority,
            "analyzeTurns": [len(moves)],
            "maxVisits": visits,
            "komi": komi,
            "boardXSize": size[0],
            "boardYSize": size[1],
            "includeOwnership": ownership and not next_move,
            "includeMovesOwnership": ownership and not next_move,
            "includePolicy": True,
            "initialStones": [list(s) for s in initial_stones],
            "initialPlayer": initial_player,
            "moves": [list(m) for m in moves],
            "overrideSettings": {"reportAnalysisWinratesAs": "BLACK", "wideRootNoise": 0.04, "maxTime": max_time},
        }
        if report_every is not None:
            query["reportDuringSearchEvery"] = report_every
        if avoid:
            query["avoidMoves"] = avoid
        return query

    def wait_final(self, query_id, timeout=120):
        end = time.time() + timeout
        partials = 0
        while time.time() < end:
            try:
                analysis, partial, exist = self.results.get(timeout=0.5)
            except queue.Empty:
                continue
            if analysis["id"] != query_id:
                self.results.put((analysis, partial, exist))
                time.sleep(0.01)
                continue
            if partial:
                partials += 1
                continue
            return analysis, partials
        raise AssertionError(f"no final result for {query_id}")

    def close(self, timeout=120):
        self.process.stdin.close()
        return self.process.wait(timeout=timeout)


@pytest.fixture
def client():
    binary = tengen_binary()
    if binary is None:
        pytest.skip("tengen binary not built (swift build -c release)")
    argv = [binary, "analysis", "--analysis-threads", "2"]
    if os.environ.get("TENGEN_MODEL"):
        argv += ["--model", os.environ["TENGEN_MODEL"]]
    argv += shlex.split(os.environ.get("TENGEN_ANALYSIS_ARGS", ""))
    c = KaTrainLikeClient(argv)
    end = time.time() + 120
    while not c.ready.is_set() and c.process.poll() is None and time.time() < end:
        time.sleep(0.05)
    if not c.ready.is_set():
        c.process.kill()
        c.process.wait()
        pytest.skip("tengen analysis did not start: " + " | ".join(c.stderr_lines[-3:]))
    yield c
    if c.process.poll() is None:
        c.process.kill()
        c.process.wait()


def check_result(analysis, size, to_move):
    width, height = size
    root = analysis["rootInfo"]
    assert analysis["isDuringSearch"] is False
    assert root["currentPlayer"] == to_move
    assert 0 <= root["winrate"] <= 1
    for key in ("visits", "scoreLead"):
        assert key in root
    assert len(analysis["ownership"]) == width * height
    assert all(-1 <= v <= 1 for v in analysis["ownership"])
    assert len(analysis["policy"]) == width * height + 1
    orders = [m["order"] for m in analysis["moveInfos"]]
    assert orders == sorted(orders)
    for m in analysis["moveInfos"]:
        for key in ("move", "visits", "winrate", "scoreLead", "scoreStdev", "prior", "pv", "order"):
            assert key in m, key
        assert m["pv"] and m["pv"][0] == m["move"]
        assert 0 <= m["winrate"] <= 1 and 0 <= m["prior"] <= 1
        assert len(m["ownership"]) == width * height


def test_katrain_session(client):
    # A short game analysed node by node, one preset per node, as KaTrain does after a load.
    for n in range(len(GAME) + 1):
        rules = KATRAIN_RULES[n % len(KATRAIN_RULES)]
        qid = client.send(client.request_analysis(GAME[:n], rules=rules, priority=-n))
        analysis, _ = client.wait_final(qid)
        check_result(analysis, (9, 9), "B" if n % 2 == 0 else "W")

    # Handicap on 13x13 (White to move first) and a 19x19 position with a JSON rules dict.
    handicap = [["B", "D4"], ["B", "K10"]]
    qid = client.send(client.request_analysis([], size=(13, 13), komi=0.5, initial_stones=handicap,
                                              initial_player="W"))
    check_result(client.wait_final(qid)[0], (13, 13), "W")
    rules = {"ko": "SIMPLE", "scoring": "AREA", "tax": "NONE", "suicide": False, "hasButton": False,
             "whiteHandicapBonus": "N", "friendlyPassOk": True}
    qid = client.send(client.request_analysis([["B", "Q16"], ["W", "D4"]], size=(19, 19), rules=rules, komi=7.5))
    check_result(client.wait_final(qid)[0], (19, 19), "B")

    # "Find alternatives": the moves already analysed are avoided at the root (untilDepth 1).
    first = client.send(client.request_analysis(GAME[:2], visits=40))
    seen = [m["move"] for m in client.wait_final(first)[0]["moveInfos"]]
    avoid = [{"moves": seen, "player": "B", "untilDepth": 1}]
    qid = client.send(client.request_analysis(GAME[:2], visits=40, avoid=avoid))
    alternatives = client.wait_final(qid)[0]
    assert not set(m["move"] for m in alternatives["moveInfos"]) & set(seen)

    # A sweep query with an illegal move gets an error KaTrain ignores silently.
    errors = []
    client.send(client.request_analysis(GAME + [["B", "E5"]], next_move="E5"),
                error_callback=errors.append, next_move="E5")
    end = time.time() + 30
    while not errors and time.time() < end:
        time.sleep(0.05)
    assert errors and "Illegal move" in errors[0]["error"]

    # Pondering: huge maxVisits with periodic reports, then terminate.
    ponder = client.request_analysis(GAME, visits=10_000_000, report_every=0.25, max_time=600)
    qid = client.send(ponder)
    end = time.time() + 60
    partial = None
    while partial is None and time.time() < end:
        try:
            a, p, _ = client.results.get(timeout=0.5)
        except queue.Empty:
            continue
        if a["id"] == qid and p:
            partial = a
    assert partial is not None and partial["isDuringSearch"] is True
    client.send({"action": "terminate", "terminateId": qid})
    analysis, _ = client.wait_final(qid, timeout=60)
    assert analysis["rootInfo"]["visits"] < 10_000_000
    # The echo (whose own id KaTrain never registered, so it is dropped silently) comes first.
    mine = [kind for i, kind in client.events if i == qid and kind != "partial"]
    assert mine == ["terminate-echo", "final"]

    # stdout carried only JSON; nothing was logged as an error; the queue drains at EOF.
    assert client.bad_lines == []
    assert [o for kind, o in client.log if kind in ("error", "error-without-id")] == []
    assert client.close() == 0


if __name__ == "__main__":
    raise SystemExit(pytest.main([__file__, "-v"]))
