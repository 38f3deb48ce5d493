"""The failures F1-F12 of the reliability audit of 2026-12-04 (issue 18; docs/TESTING.md)
through the real binary: every bad input gets a clear error or a reply, and the process
neither crashes, hangs, nor takes memory out of proportion to its input.

The Swift tests check each mechanism; these check what only a process shows: exit codes,
stdout staying protocol text, stderr staying short and printable, a thread refused by an
address-space limit, the peak memory of a gzip bomb. No test measures speed."""
import gzip
import json
import os
import resource
import subprocess

import pytest

from repo_scripts import ROOT, tengen_binary

TINY = os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v8-resnet.txt.gz")
HOSTILE = os.path.join(ROOT, "Tests/Fixtures/nn/hostile")
QUERY = {"moves": [], "rules": "chinese", "boardXSize": 9, "boardYSize": 9}


def binary():
    path = tengen_binary()
    if path is None:
        pytest.skip("no tengen binary built")
    return path


def run(argv, stdin=b"", timeout=120, address_space=None):
    """Runs tengen with `argv`; returns (exit status, stdout, stderr)."""
    def limit():
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    process = subprocess.Popen(
        [binary(), *argv], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=ROOT, preexec_fn=limit)
    try:
        out, err = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"tengen {' '.join(argv)} still ran after {timeout} s")
    return process.returncode, out, err


def peak_rss_kb(argv, timeout=120):
    """(exit status, stderr, peak RSS in KB) of tengen `argv`, run by a Python process of its
    own so that RUSAGE_CHILDREN covers that one run only."""
    probe = ("import resource, subprocess, sys\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
             "sys.stderr.buffer.write(r.stderr)\n"
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    r = subprocess.run(["python3", "-c", probe, binary(), *argv], capture_output=True,
                       timeout=timeout, cwd=ROOT)
    rc, peak = map(int, r.stdout.split())
    return rc, r.stderr, peak


def analysis(argv, queries, **kw):
    """The JSON engine's output lines (parsed) for `queries` (dicts or raw lines)."""
    lines = [q if isinstance(q, str) else json.dumps(q) for q in queries]
    rc, out, err = run(["analysis", *argv], ("\n".join(lines) + "\n").encode(), **kw)
    assert rc == 0, err
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()], err


def replies(out):
    return [r.strip() for r in out.decode().split("\n\n") if r.strip()]


@pytest.mark.parametrize("argv", [["--model", TINY], ["--model", "none", "--threads", "1"]])
def test_a_huge_max_time_is_refused_and_the_next_query_answered(argv):
    # F1 (network) and F2 (rollouts): one such query once killed the whole server.
    for t in (1e16, 2e10):
        lines, _ = analysis(argv, [
            {**QUERY, "id": "crash", "overrideSettings": {"maxTime": t}},
            {**QUERY, "id": "ok", "maxVisits": 2},
        ])
        assert lines[0] == {
            "error": "Could not set settings: maxTime must be a number from 0.0 to 1000000.0",
            "field": "overrideSettings", "id": "crash"}
        assert [l["id"] for l in lines[1:]] == ["ok"] and "rootInfo" in lines[1]


def test_huge_settings_through_gtp_are_refused_and_genmove_plays():
    # F3, F4: kata-set-param maxTime 1e300 / searchFactorAfterOnePass 1e308 trapped at genmove.
    rc, out, err = run(["gtp", "--model", TINY, "--visits", "30"], (
        "boardsize 9\nkata-set-param maxTime 1e300\nkata-set-param searchFactorAfterOnePass 1e308\n"
        "play b pass\ngenmove w\nquit\n").encode())
    assert rc == 0, err
    r = replies(out)
    assert r[0] == "="
    assert r[1].startswith("? Invalid value for maxTime: 1e300")
    assert r[2].startswith("? Invalid value for searchFactorAfterOnePass: 1e308")
    assert r[3] == "=" and r[4].startswith("= ") and r[5] == "="


@pytest.mark.parametrize("argv", [
    ["gtp", "--model", "none", "--time", "1e300"],
    ["gtp", "--model", TINY, "--time", "1e300"],
    ["gtp", "--model", "none", "--threads", "100000"],
    ["analysis", "--model", "none", "--max-time", "1e16"],
])
def test_huge_command_line_values_are_refused_before_any_protocol_output(argv):
    # F3b: --time 1e300 crashed (SIGILL) at the first genmove.
    rc, out, err = run(argv, b"genmove b\nquit\n")
    assert rc != 0 and out == b""
    assert b"Error: --" in err and len(err) < 1000


def test_a_refused_search_thread_fails_the_query_and_the_server_goes_on():
    # F5: 400 threads of 16 MB stacks do not fit 4 GB of address space; the query hung.
    lines, err = analysis(["--model", TINY, "--analysis-threads", "1"], [
        {**QUERY, "id": "threads", "maxVisits": 200,
         "overrideSettings": {"numSearchThreads": "400", "minPlayoutsPerThread": 0}},
        {**QUERY, "id": "ok", "maxVisits": 2},
    ], address_space=4 << 30)
    assert lines[0]["id"] == "threads" and lines[0]["turnNumber"] == 0
    assert lines[0]["error"].startswith("Search failed: cannot start a search thread")
    assert [l["id"] for l in lines[1:]] == ["ok"] and "rootInfo" in lines[1]


def test_an_empty_analyze_turns_gets_a_reply():
    # F6: no line at all came back.
    lines, _ = analysis(["--model", TINY], [
        {**QUERY, "id": "noreply", "moves": [["B", "D4"]], "maxVisits": 2, "analyzeTurns": []}])
    assert lines == [{"error": "Must specify at least one turn number", "field": "analyzeTurns",
                      "id": "noreply"}]


def test_a_network_whose_outputs_overflow_is_refused_at_load():
    # F7: it loaded, and genmove passed with "winrate nan".
    rc, out, err = run(["gtp", "--model", os.path.join(HOSTILE, "overflow-v17.bin.gz")],
                          b"boardsize 9\ngenmove b\nquit\n")
    assert rc != 0 and out == b""
    assert b"cannot use model" in err and b"policy sum is not finite" in err
    assert b"Usage:" not in err


def test_a_gzip_bomb_fails_at_once_without_taking_a_gigabyte(tmp_path):
    # F8: a 1 MB file of 1 GB of zeros peaked at 2.1 GB.
    bomb = tmp_path / "bomb.bin.gz"
    bomb.write_bytes(gzip.compress(bytes(1 << 30), 9))
    assert bomb.stat().st_size < 2 << 20
    rc, err, peak = peak_rss_kb(["testnn", "--model", str(bomb)])
    assert rc != 0
    assert b"is larger than 67108864 bytes" in err
    assert peak < 1 << 20, f"peak RSS {peak} KB"


def test_a_sixteen_megabyte_line_is_refused_and_the_next_commands_answered():
    # F9: such a line took 7 to 17 s; there was no limit.
    long = b"name " + b"x" * (16 << 20)
    rc, out, err = run(["gtp", "--model", "none"], b"1 name\n" + long + b"\n2 version\nquit\n")
    assert rc == 0, err
    r = replies(out)
    assert r[0] == "=1 Tengen"
    assert r[1] == f"? input line too long ({len(long)} bytes, at most 1048576)"
    assert r[2].startswith("=2 ") and r[3] == "="
    lines, _ = analysis(["--model", "none"], [
        '{"id":"' + "x" * (2 << 20) + '"}', {"id": "v", "action": "query_version"}])
    assert lines[0]["error"].startswith("input line of 2097161 bytes is longer than the limit")
    assert lines[1]["id"] == "v"


def test_a_fifo_as_the_model_is_refused_at_once(tmp_path):
    # F10: open(2) blocked for ever waiting for a writer.
    fifo = tmp_path / "f.bin.gz"
    os.mkfifo(fifo)
    rc, out, err = run(["testnn", "--model", str(fifo)], timeout=60)
    assert rc != 0
    assert b"not a regular file (a FIFO)" in err


def test_load_errors_are_short_printable_and_without_a_usage_line(tmp_path):
    # F11: up to 4 KB of raw binary on stderr, then gtp's usage line.
    named = tmp_path / "binary-named.txt.gz"
    named.write_bytes(open(os.path.join(ROOT, "Tests/Fixtures/nn/tiny-v17-mixed.bin.gz"), "rb").read())
    for command in (["testnn"], ["gtp"]):
        rc, out, err = run([*command, "--model", str(named)], b"quit\n")
        assert rc != 0 and out == b""
        assert len(err) < 400, err
        text = err.decode("utf-8")
        assert all(c == "\n" or " " <= c <= "~" or c == "…" for c in text)
        assert "model file malformed at byte" in text and "Usage:" not in text


def test_a_text_net_declaring_a_huge_layer_fails_cleanly_under_an_address_space_cap():
    # F12: it reserved 8.6 GB before reading a number and aborted (SIGABRT).
    rc, out, err = run(["testnn", "--model", os.path.join(HOSTILE, "huge-conv-v5.txt.gz")],
                          address_space=4 << 30)
    assert rc == 1, err
    assert b"model file truncated" in err


@pytest.mark.parametrize("argv, option", [
    (["gtp", "--model", TINY, "--nn-threads", "200000"], "--nn-threads"),
    (["gtp", "--model", TINY, "--search-threads", "0"], "--search-threads"),
    (["gtp", "--model", TINY, "--nn-batch", "1000000"], "--nn-batch"),
    (["analysis", "--model", TINY, "--analysis-threads", "99999"], "--analysis-threads"),
    (["selfplay", "--model", TINY, "--out", "/nonexistent/x", "--games", "1",
      "--parallel-games", "100000"], "--parallel-games"),
    (["serve", "--max-threads", "5000"], "--max-threads"),
])
def test_huge_counts_are_usage_errors_before_anything_starts(argv, option):
    """A count option out of its range (CountLimits) is refused with the option's name and
    range on stderr and a usage exit status (64), before a thread or a batch slot is made."""
    rc, out, err = run(argv, address_space=2 << 30)
    assert rc == 64, err.decode(errors="replace")
    assert out == b""
    assert f"{option} must be between".encode() in err
