import json
import os

import numpy as np
import pytest
import torch

from tengen_train import checkpoint as C
from tengen_train.katago_format import import_model
from tengen_train.train import TrainConfig, Trainer, choose_device, lr_at, main
from tengen_train.synthetic import write_synthetic


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    d = tmp_path_factory.mktemp("rows")
    return (str(write_synthetic(d / "train.npz", 256, pos_len=7, seed=1)),
            str(write_synthetic(d / "val.npz", 64, pos_len=7, seed=2)))


def _cfg(rows, run_dir, **kw):
    base = dict(data=[rows[0]], run_dir=str(run_dir), preset="tiny", steps=12, batch_size=16,
                lr=0.02, warmup_steps=2, checkpoint_every=4, progress=False, plot=False,
                threads=1)
    base.update(kw)
    return TrainConfig(**base)


def _losses(run_dir):
    recs = [json.loads(l) for l in open(os.path.join(run_dir, "metrics.jsonl"))]
    return [(r["step"], r["loss"]) for r in recs if r["split"] == "train"]


@pytest.mark.parametrize("opt", ["sgd", "adamw"])
def test_resume_reproduces_uninterrupted_run(rows, tmp_path, opt):
    a = Trainer(_cfg(rows, tmp_path / "a", optimizer=opt, lr=0.02 if opt == "sgd" else 2e-3))
    a.run()
    ref = _losses(tmp_path / "a")
    assert [s for s, _ in ref] == list(range(12))
    # interrupted: stop after 6 steps (last checkpoint at 4), then a fresh process resumes
    b = Trainer(_cfg(rows, tmp_path / "b", optimizer=opt, lr=0.02 if opt == "sgd" else 2e-3,
                     max_steps_this_run=6))
    b.run()
    assert b.step == 6
    del b
    b2 = Trainer(_cfg(rows, tmp_path / "b", optimizer=opt, lr=0.02 if opt == "sgd" else 2e-3))
    assert b2.step == 4
    b2.run()
    assert _losses(tmp_path / "b") == ref   # bit-identical loss sequence
    for (k, va), vb in zip(a.model.state_dict().items(), b2.model.state_dict().values()):
        assert torch.equal(va, vb), k


def test_training_learns_and_writes_outputs(rows, tmp_path):
    cfg = _cfg(rows, tmp_path / "r", steps=60, batch_size=32, lr=0.05, val_data=[rows[1]],
               val_every=30, plot=True, checkpoint_every=30)
    tr = Trainer(cfg)
    tr.run()
    recs = [json.loads(l) for l in open(tmp_path / "r" / "metrics.jsonl")]
    train = [r for r in recs if r["split"] == "train"]
    val = [r for r in recs if r["split"] == "val"]
    first = np.mean([r["loss"] for r in train[:5]])
    last = np.mean([r["loss"] for r in train[-5:]])
    assert last < first * 0.9, (first, last)
    assert [r["step"] for r in val] == [29, 59]
    assert os.path.getsize(tmp_path / "r" / "losses.png") > 10_000
    assert [s for s, _ in C.list_checkpoints(tmp_path / "r")] == [30, 60]


def test_lr_schedules():
    c = TrainConfig(data=[], run_dir="", lr=1.0, warmup_steps=10, steps=110, schedule="cosine",
                    min_lr_frac=0.1)
    assert lr_at(c, 0) == pytest.approx(0.1) and lr_at(c, 9) == pytest.approx(1.0)
    assert lr_at(c, 10) == pytest.approx(1.0)
    assert lr_at(c, 60) == pytest.approx(0.55)
    assert lr_at(c, 110) == pytest.approx(0.1)
    c.schedule, c.step_decay_every = "step", 50
    assert lr_at(c, 49) == pytest.approx(1.0) and lr_at(c, 50) == pytest.approx(0.1)
    c.schedule = "constant"
    assert lr_at(c, 100) == 1.0


@pytest.mark.parametrize("foreach", [False, True])
def test_grad_clip_limits_the_norm_of_the_applied_gradients(rows, tmp_path, foreach):
    """The gradients the optimizer step gets have at most the clip norm. Measured when the step
    is called: the foreach SGD (PyTorch's default on CUDA, forced here on the CPU) adds the
    Nesterov momentum into p.grad in place, so p.grad after the step is not what was applied."""
    tr = Trainer(_cfg(rows, tmp_path / "c", grad_clip=1e-3, lr=0.0, warmup_steps=0))
    for g in tr.opt.param_groups:
        g["foreach"] = foreach
    applied = []
    step = tr.opt.step

    def measured_step(*args, **kwargs):
        applied.append(float(torch.sqrt(sum((p.grad.float() ** 2).sum()
                                            for p in tr.model.parameters() if p.grad is not None))))
        return step(*args, **kwargs)

    tr.opt.step = measured_step
    rec = tr.train_step()
    assert rec["grad_norm"] > 1e-3  # reported norm is the pre-clip norm
    assert len(applied) == 1 and 0 < applied[0] <= 1e-3 * 1.001, applied


def test_corrupt_checkpoint_is_reported_and_skipped(rows, tmp_path):
    tr = Trainer(_cfg(rows, tmp_path / "k", steps=8))
    tr.run()
    ckpts = C.list_checkpoints(tmp_path / "k")
    assert [s for s, _ in ckpts] == [4, 8]
    path8 = ckpts[-1][1]
    data = bytearray(open(path8, "rb").read())
    data[len(data) // 2] ^= 0xFF
    open(path8, "wb").write(bytes(data))
    with pytest.raises(C.CheckpointError, match="ckpt_000000008.pt"):
        C.load_checkpoint(path8)
    open(tmp_path / "empty.pt", "wb").close()
    with pytest.raises(C.CheckpointError, match="empty"):
        C.load_checkpoint(tmp_path / "empty.pt")
    msgs = []
    step, st = C.latest_checkpoint(tmp_path / "k", log=msgs.append)
    assert step == 4 and st["step"] == 4
    assert "skipping unusable checkpoint" in msgs[0]


def test_cli_trains_and_exports(rows, tmp_path):
    out = tmp_path / "net.bin.gz"
    main(["--data", rows[0], "--run-dir", str(tmp_path / "cli"), "--preset", "tiny_nbt",
          "--steps", "3", "--batch-size", "8", "--progress", "false", "--plot", "false",
          "--threads", "1", "--export", str(out), "--optimizer", "adamw", "--lr", "0.001"])
    m, info = import_model(out)
    assert info["name"] == "net" and m.config["blocks"][0][0] == "nbt"


def test_export_checkpoint_script(rows, tmp_path):
    import subprocess
    import sys
    tr = Trainer(_cfg(rows, tmp_path / "e", steps=4))
    tr.run()
    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts",
                          "export_checkpoint.py")
    out = tmp_path / "e.bin.gz"
    subprocess.run([sys.executable, script, str(C.checkpoint_path(tmp_path / "e", 4)), str(out)],
                   check=True)
    m, info = import_model(out)
    assert info["name"] == "tengen-s4"
    x = torch.zeros(1, 22, 7, 7)
    x[:, 0] = 1
    g = torch.zeros(1, 19)
    with torch.no_grad():   # both on the CPU, where the export loads (the trainer may use CUDA)
        a, b = tr.model.cpu().eval()(x, g), m(x, g)
    assert torch.equal(a["policy"], b["policy"])


def test_each_process_gets_a_gpu_of_its_own_or_all_train_on_the_cpu():
    # (requested, local rank, processes on the machine, GPUs) -> device
    assert choose_device("auto", 0, 1, 0) == ("cpu", None)
    assert choose_device("auto", 0, 1, 1) == ("cuda:0", None)
    assert choose_device("auto", 1, 2, 2) == ("cuda:1", None)
    assert choose_device("cuda", 1, 2, 4) == ("cuda:1", None)
    for requested in ("cpu", "cuda:0", "mps"):
        assert choose_device(requested, 1, 2, 1) == (requested, None)
    # torchrun --nproc_per_node=2 on one GPU: no rank asks for a GPU that is not there, and all
    # ranks choose alike (one backend for the process group)
    for rank in (0, 1):
        device, note = choose_device("auto", rank, 2, 1)
        assert device == "cpu" and "2 processes" in note and "1 CUDA device" in note
    with pytest.raises(ValueError, match="at most 1 per machine"):
        choose_device("cuda", 1, 2, 1)
    with pytest.raises(ValueError, match="no CUDA device"):
        choose_device("cuda", 0, 1, 0)


def test_mixed_precision_refused_on_cpu(rows, tmp_path):
    with pytest.raises(ValueError, match="only supported on CUDA"):
        Trainer(_cfg(rows, tmp_path / "amp", amp="bf16", device="cpu"))


def test_checkpoint_without_aux_head_is_refused_but_exports(rows, tmp_path):
    """Checkpoints from before the training-only next-move head cannot be resumed (clear
    error); scripts/export_checkpoint.py still exports them (the head is not in the file)."""
    import subprocess
    import sys
    tr = Trainer(_cfg(rows, tmp_path / "n", steps=4))
    tr.run()
    rec = json.loads(open(tmp_path / "n" / "metrics.jsonl").readline())
    assert {"loss_policy_next", "policy_next_top1", "policy_top1"} <= set(rec)
    st = C.load_checkpoint(C.checkpoint_path(tmp_path / "n", 4))
    st["model"] = {k: v for k, v in st["model"].items() if not k.startswith("policy_next_head.")}
    C.save_checkpoint(tmp_path / "old", 4, st)
    with pytest.raises(C.CheckpointError, match="next-move policy head"):
        Trainer(_cfg(rows, tmp_path / "old", steps=8))
    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts",
                          "export_checkpoint.py")
    out = tmp_path / "old.bin.gz"
    subprocess.run([sys.executable, script, str(C.checkpoint_path(tmp_path / "old", 4)), str(out)],
                   check=True)
    m, _ = import_model(out)
    x = torch.zeros(1, 22, 7, 7)
    x[:, 0] = 1
    with torch.no_grad():   # both on the CPU, where the export loads
        assert torch.equal(tr.model.cpu().eval()(x, torch.zeros(1, 19))["policy"],
                           m(x, torch.zeros(1, 19))["policy"])
