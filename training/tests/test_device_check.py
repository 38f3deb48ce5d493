"""scripts/device_check.py, the Python half of the prepared GPU-machine check: the lossless
network packing, the backend comparison, the stand-in library source and the log parsers."""
import gzip
import json
import shutil
import subprocess

import pytest

from repo_scripts import load_script

D = load_script("scripts/device_check.py")


def fake_network():
    """Bytes shaped like a KataGo .bin: text headers, `@BIN@`, float arrays of any length
    (one holding the marker's bytes itself, one with a tail that is not a whole float)."""
    import struct
    floats = struct.pack("<6f", 0.5, -1.25, 3.0, 1e-3, -7.5, 0.0)
    return (b"model 1\nconv 3 3 22 96\n@BIN@" + floats + b"\nnorm 96\n@BIN@" + b"@BIN" + floats
            + b"\nlast 1\n@BIN@" + b"xyz" + b"\n@BIN@")


def test_shuffle_round_trip_is_exact():
    raw = fake_network()
    packed = D.shuffle_bytes(raw)
    assert packed != raw
    assert D.unshuffle_bytes(packed) == raw
    assert D.unshuffle_bytes(D.shuffle_bytes(b"no marker at all")) == b"no marker at all"


def test_pack_and_unpack_a_gzipped_network(tmp_path):
    raw = fake_network() * 50
    src = tmp_path / "net.bin.gz"
    src.write_bytes(gzip.compress(raw))
    D.pack_network(str(src), str(tmp_path / "net.tgshuf"), preset=1)
    assert D.unpack_network(str(tmp_path / "net.tgshuf"), str(tmp_path / "net.bin")) == len(raw)
    assert (tmp_path / "net.bin").read_bytes() == raw


def test_unpack_refuses_a_damaged_network(tmp_path):
    src = tmp_path / "net.bin"
    src.write_bytes(fake_network())
    D.pack_network(str(src), str(tmp_path / "p"), preset=1)
    blob = bytearray((tmp_path / "p").read_bytes())
    blob[len(D.MAGIC)] ^= 1  # the recorded SHA-256
    (tmp_path / "p").write_bytes(bytes(blob))
    with pytest.raises(ValueError, match="SHA-256"):
        D.unpack_network(str(tmp_path / "p"), str(tmp_path / "out"))


def record(policy, pass_=0.01, win=0.5, lead=1.0, own=(0.1, -0.2)):
    return {"policy": list(policy), "policyPass": pass_, "whiteWin": win, "whiteLoss": 1 - win,
            "noResult": 0.0, "whiteLead": lead, "whiteScoreSelfplay": lead, "whiteOwnership": list(own)}


def test_compare_reports_worst_differences_and_top_move_agreement():
    a = {"p1": record([0.2, None, 0.7]), "p2": record([0.5, 0.4, None]), "only-a": record([1, 0, 0])}
    b = {"p1": record([0.2, None, 0.69], win=0.53, own=(0.1, -0.25)),
         "p2": record([0.4, 0.5, None], lead=1.5)}
    r = D.compare(a, b)
    assert r["positions"] == 2
    assert r["max_abs_diff"]["policy"] == pytest.approx(0.1)
    assert r["at"]["policy"] == "p2"
    assert r["max_abs_diff"]["value"] == pytest.approx(0.03)
    assert r["max_abs_diff"]["score"] == pytest.approx(0.5)
    assert r["max_abs_diff"]["ownership"] == pytest.approx(0.05)
    assert r["top_move_agreement"] == 0.5  # p1 agrees (point 2), p2 does not (0 vs 1)


def test_compare_counts_legal_against_illegal_as_one_and_pass_as_a_move():
    a = {"p": record([0.1, 0.2], pass_=0.7)}
    b = {"p": record([0.1, None], pass_=0.9)}
    r = D.compare(a, b)
    assert r["max_abs_diff"]["policy"] == 1.0
    assert r["top_move_agreement"] == 1.0  # pass is the top move of both


def test_stub_source_defines_every_symbol_and_builds(tmp_path):
    src = D.stub_source("libx.so", [("f_one", "func", 0), ("table", "data", 24),
                                    ("openblas_set_num_threads", "func", 0)])
    assert 'void f_one(void) { tg_stub_called("f_one"); }' in src
    assert "char table[24];" in src
    assert "void openblas_set_num_threads(int n) { (void)n; }" in src
    if shutil.which("cc") and shutil.which("nm"):
        (tmp_path / "s.c").write_text(src)
        subprocess.run(["cc", "-shared", "-fPIC", "-o", str(tmp_path / "libx.so"), str(tmp_path / "s.c")], check=True)
        syms = D.defined_symbols(str(tmp_path / "libx.so"))
        assert syms["f_one"][0] == "func" and syms["table"] == ("data", 24)


BENCH_NN = """model b10c128-random: 2.08 GFLOP per 19x19 evaluation
cpu kernels avx512, gemm rowstable-avx512+openblas (TENGEN_CPU_ISA: generic, avx2, avx512)
threads batch   evals/s   ms/batch   GFLOP/s
      1    16    109.00      146.8     226.7
     16    64    852.40       75.1    1773.0
"""

BENCH_SEARCH = """model b10c128-random, backend cuda, 2 NN threads, max batch 256, 1 rounds of 4.0 s
size  search-threads  visits/s  NN-evals/s  mean-batch  raw-evals/s  efficiency  nn-busy
19x19              64   5000.50     4990.00       60.20      5200.00        0.96     0.99
"""

SELFPLAY = """=== b6c96 9x9
selfplay: games 0 (+0), rows 0 (+0), 0 games/h, 0 rows/h, 99 visits/s, 643 evals/s, mean batch 3.1, 5 s
selfplay: games 16 (+16), rows 249 (+249), 2505 games/h, 38991 rows/h, 771 visits/s, 614 evals/s, mean batch 2.8, 23 s (done); CPU
=== b6c96 19x19
selfplay: games 0 (+0), rows 0 (+0), 0 games/h, 0 rows/h, 300 visits/s, 280 evals/s, mean batch 100.5, 8 s
"""


def test_parsers_read_the_commands_output():
    assert D.parse_benchmark_nn(BENCH_NN) == [
        {"model": "b10c128-random", "threads": 1, "batch": 16, "evals_per_s": 109.0, "ms_per_batch": 146.8, "gflops": 226.7},
        {"model": "b10c128-random", "threads": 16, "batch": 64, "evals_per_s": 852.4, "ms_per_batch": 75.1, "gflops": 1773.0}]
    [row] = D.parse_benchmark_search(BENCH_SEARCH)
    assert row["model"] == "b10c128-random" and row["search_threads"] == 64 and row["efficiency"] == 0.96
    last = D.parse_selfplay(SELFPLAY.split("=== b6c96 19x19")[0])
    assert last["games"] == 16 and last["games_per_hour"] == 2505 and last["visits_per_s"] == 771
    assert D.parse_gpucheck("ok   tiny-v3.bin.gz fp32: vs reference 1.2e-06 (policy), vs simulator 0 (-); x\n"
                            "FAIL tiny-v3.bin.gz fp16: vs reference 0.07 (value), vs simulator 0 (-); x\n"
                            "1 passed, 1 failed\n") == {
        "passed": 1, "failed": 1, "worst_vs_reference": {"fp32": 1.2e-06, "fp16": 0.07}}


def test_summarize_collects_steps_and_figures(tmp_path):
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps.tsv").write_text("a\tok\t1.5\tXeon\ng\tskipped\t0.2\tCUDA unavailable: no device\n")
    (tmp_path / "steps" / "g.log").write_text(SELFPLAY)
    (tmp_path / "steps" / "h.log").write_text(BENCH_NN + BENCH_SEARCH)
    (tmp_path / "net-cpu-vs-cuda-fp32.json").write_text(json.dumps({"positions": 75}))
    s = D.summarize(str(tmp_path))
    assert [st["status"] for st in s["steps"]] == ["ok", "skipped"]
    assert s["results"]["selfplay"]["b6c96 9x9"]["games"] == 16
    assert s["results"]["selfplay"]["b6c96 19x19"]["visits_per_s"] == 300
    assert len(s["results"]["benchmark_nn"]) == 2 and len(s["results"]["search"]) == 1
    assert s["results"]["real_net_cpu_vs_cuda_fp32"] == {"positions": 75}
    assert json.loads((tmp_path / "summary.json").read_text()) == s
