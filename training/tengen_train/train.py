"""The trainer.

    python3 -m tengen_train.train --data 'rows/*.npz' --run-dir runs/r1 --preset b6c96 \\
        --steps 10000 --batch-size 128 --optimizer sgd --lr 0.02

Properties:
  * resumable: restarting with the same --run-dir continues from the newest valid checkpoint
    with identical data order, symmetries, optimizer state and RNG state, so the loss sequence
    equals an uninterrupted run bit for bit (on the same device / thread count);
  * crash-safe: checkpoints are written atomically (temp + fsync + rename); metrics.jsonl is
    cut back to the checkpoint's step on resume;
  * CPU or CUDA; mixed precision (bf16/fp16 autocast + GradScaler) on CUDA; DDP under torchrun
    (gloo on CPU, nccl on CUDA, one GPU per process: `choose_device`) with the global batch
    split evenly across ranks.
"""

import argparse
import dataclasses
import glob
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

from . import checkpoint as C
from .data import RowDataset
from .losses import compute_losses
from .model import AUX_PREFIXES, Model


@dataclasses.dataclass
class TrainConfig:
    data: list
    run_dir: str
    preset: str = "tiny"
    model_config: dict = None       # overrides preset when given
    steps: int = 1000
    batch_size: int = 64
    optimizer: str = "sgd"          # sgd | adamw | galore_adamw
    lr: float = 0.02
    momentum: float = 0.9
    weight_decay: float = 3e-5
    schedule: str = "cosine"        # constant | cosine | step
    warmup_steps: int = 50
    step_decay_every: int = 0       # schedule=step: multiply lr by 0.1 every this many steps
    min_lr_frac: float = 0.05
    grad_clip: float = 5.0          # max global grad norm; 0 disables
    amp: str = "auto"               # auto (on for CUDA) | off | bf16 | fp16
    device: str = "auto"
    seed: int = 0
    augment: bool = True
    checkpoint_every: int = 100
    keep_checkpoints: int = 3
    log_every: int = 1
    val_data: list = None
    val_every: int = 0
    val_rows: int = 1024
    threads: int = 0                # torch CPU threads; 0 = leave default
    galore_rank: int = 64
    galore_update_gap: int = 200
    galore_scale: float = 0.25
    progress: bool = True
    plot: bool = True
    loss_weights: dict = None
    max_steps_this_run: int = 0     # stop early after this many steps (tests / time slicing)
    init_model: str = ""            # start a new run from this KataGo .bin.gz (exported layers)


def lr_at(cfg, step):
    if cfg.warmup_steps > 0 and step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    if cfg.schedule == "constant":
        return cfg.lr
    if cfg.schedule == "step":
        k = (step // cfg.step_decay_every) if cfg.step_decay_every > 0 else 0
        return cfg.lr * (0.1 ** k)
    if cfg.schedule == "cosine":
        t = (step - cfg.warmup_steps) / max(1, cfg.steps - cfg.warmup_steps)
        t = min(max(t, 0.0), 1.0)
        lo = cfg.lr * cfg.min_lr_frac
        return lo + 0.5 * (cfg.lr - lo) * (1 + math.cos(math.pi * t))
    raise ValueError(f"unknown schedule {cfg.schedule!r}")


def _dist_info():
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local = int(os.environ.get("LOCAL_RANK", "0"))
    # torchrun says how many processes share this machine; other launchers: assume all of them
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", str(world)))
    return world, rank, local, local_world


def choose_device(requested, local_rank, local_world, cuda_count):
    """The device of this process as (device string, note to log or None).

    `requested` other than "auto" and "cuda" (e.g. "cpu", "cuda:1") is used as given. "auto"
    and "cuda" give each process on this machine its own GPU, cuda:<local_rank>. With more
    processes on the machine than GPUs (torchrun --nproc_per_node=2 on one GPU), "auto" trains
    every process on the CPU (gloo), the same choice in every process, and says so; "cuda"
    fails. `local_world` is the number of processes on this machine, `cuda_count` its GPUs."""
    if requested not in ("auto", "cuda"):
        return requested, None
    if cuda_count == 0:
        if requested == "cuda":
            raise ValueError("--device cuda: no CUDA device is available")
        return "cpu", None
    if local_world > cuda_count:
        msg = (f"{local_world} processes on this machine but {cuda_count} CUDA device(s)")
        if requested == "cuda":
            raise ValueError(f"--device cuda: {msg}; start at most {cuda_count} per machine "
                             f"(torchrun --nproc_per_node)")
        return "cpu", (f"{msg}: training on the CPU (gloo); start at most {cuda_count} per "
                       f"machine (torchrun --nproc_per_node) to train on the GPU")
    return f"cuda:{local_rank}", None


def build_optimizer(cfg, model):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (decay if p.dim() >= 2 else no_decay).append(p)
    if cfg.optimizer == "sgd":
        return torch.optim.SGD([{"params": decay, "weight_decay": cfg.weight_decay},
                                {"params": no_decay, "weight_decay": 0.0}],
                               lr=cfg.lr, momentum=cfg.momentum, nesterov=True)
    if cfg.optimizer == "adamw":
        return torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                                  {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr)
    if cfg.optimizer == "galore_adamw":
        from .galore import make_galore_adamw
        return make_galore_adamw(model, lr=cfg.lr, weight_decay=cfg.weight_decay,
                                 rank=cfg.galore_rank, update_proj_gap=cfg.galore_update_gap,
                                 scale=cfg.galore_scale)
    raise ValueError(f"unknown optimizer {cfg.optimizer!r}")


def _to_device(batch, device):
    return {k: torch.from_numpy(v).to(device, non_blocking=True) for k, v in batch.items()}


def _read_metrics(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                break   # a line cut by a crash: everything after it is dropped too
    return out


def _truncate_metrics(path, step):
    """Keep only complete records with step < `step` (those steps are redone on resume)."""
    recs = [r for r in _read_metrics(path) if r.get("step", -1) < step]
    C.atomic_write_bytes(path, "".join(json.dumps(r) + "\n" for r in recs).encode())


class Trainer:
    def __init__(self, cfg: TrainConfig):
        self.cfg = cfg
        self.world, self.rank, self.local_rank, local_world = _dist_info()
        self.is_main = self.rank == 0
        if cfg.threads:
            torch.set_num_threads(cfg.threads)
        cuda_count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        dev, note = choose_device(cfg.device, self.local_rank, local_world, cuda_count)
        if note:
            self.log(note)
        self.device = torch.device(dev)
        if self.device.type == "cuda":
            torch.cuda.set_device(self.device)
        if self.world > 1 and not torch.distributed.is_initialized():
            torch.distributed.init_process_group("nccl" if self.device.type == "cuda" else "gloo")
        if cfg.batch_size % self.world:
            raise ValueError(f"batch size {cfg.batch_size} not divisible by world size {self.world}")
        files = sorted(sum((glob.glob(p) if any(ch in p for ch in "*?[") else [p] for p in cfg.data), []))
        self.data = RowDataset(files, seed=cfg.seed, augment=cfg.augment)
        self.val = None
        if cfg.val_data:
            vfiles = sorted(sum((glob.glob(p) if any(ch in p for ch in "*?[") else [p] for p in cfg.val_data), []))
            self.val = RowDataset(vfiles, seed=cfg.seed, augment=False)

        torch.manual_seed(cfg.seed)
        self.model = Model(cfg.model_config or cfg.preset).to(self.device)
        self.opt = build_optimizer(cfg, self.model)
        amp = cfg.amp
        if amp == "auto":
            amp = ("bf16" if torch.cuda.is_bf16_supported() else "fp16") if self.device.type == "cuda" else "off"
        if amp != "off" and self.device.type != "cuda":
            raise ValueError("mixed precision is only supported on CUDA here")
        self.amp = amp
        self.scaler = torch.amp.GradScaler("cuda", enabled=(amp == "fp16"))
        self.step = 0
        self.metrics_path = os.path.join(cfg.run_dir, "metrics.jsonl")
        if self.is_main:
            os.makedirs(cfg.run_dir, exist_ok=True)
        self._resume()
        self.ddp = None
        if self.world > 1:
            self.ddp = torch.nn.parallel.DistributedDataParallel(
                self.model, device_ids=[self.device.index] if self.device.type == "cuda" else None)

    # ------------------------------------------------------------------ checkpoint / resume
    def state(self):
        return {
            "step": self.step,
            "train_config": dataclasses.asdict(self.cfg),
            "model_config": self.model.config,
            "model": self.model.state_dict(),
            "optimizer": self.opt.state_dict(),
            "scaler": self.scaler.state_dict(),
            "rng": {"torch": torch.get_rng_state(), "numpy": np.random.get_state(),
                    "python": random.getstate(),
                    "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None},
        }

    def _resume(self):
        step, st = C.latest_checkpoint(self.cfg.run_dir, log=self.log)
        if st is None:
            if self.is_main and os.path.exists(self.metrics_path):
                _truncate_metrics(self.metrics_path, 0)
            if self.cfg.init_model:
                self._load_init_model(self.cfg.init_model)
            return
        if st["model_config"] != self.model.config:
            raise C.CheckpointError(f"checkpoint at step {step} was made for a different model "
                                    f"config; use a new --run-dir")
        missing_aux = [k for k in self.model.state_dict() if k.startswith(AUX_PREFIXES)
                       and k not in st["model"]]
        if missing_aux:
            raise C.CheckpointError(
                f"checkpoint at step {step} predates the training-only next-move policy head "
                f"({missing_aux[0]}, ...) and cannot be resumed; export it with "
                f"scripts/export_checkpoint.py, or use a new --run-dir")
        self.model.load_state_dict(st["model"])
        self.opt.load_state_dict(st["optimizer"])
        self.scaler.load_state_dict(st["scaler"])
        torch.set_rng_state(st["rng"]["torch"])
        np.random.set_state(st["rng"]["numpy"])
        random.setstate(st["rng"]["python"])
        if st["rng"].get("cuda") is not None and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(st["rng"]["cuda"])
        self.step = st["step"]
        if self.is_main:
            _truncate_metrics(self.metrics_path, self.step)
            self.log(f"resumed from step {self.step}")

    def _load_init_model(self, path):
        """Starts from the weights of a KataGo model file (training-only heads stay fresh)."""
        from .katago_format import import_model
        src, _ = import_model(path)
        sd = {k: v for k, v in src.state_dict().items() if not k.startswith(AUX_PREFIXES)}
        own = self.model.state_dict()
        wrong = [k for k in own if not k.startswith(AUX_PREFIXES)
                 and (k not in sd or sd[k].shape != own[k].shape)]
        extra = [k for k in sd if k not in own]
        if wrong or extra:
            raise C.CheckpointError(
                f"--init-model {path}: its architecture differs from the run's model "
                f"({(wrong + extra)[0]}, ...); use the preset it was trained with")
        self.model.load_state_dict(sd, strict=False)
        self.log(f"started from {path}")

    def save(self):
        if self.is_main:
            C.save_checkpoint(self.cfg.run_dir, self.step, self.state(), keep=self.cfg.keep_checkpoints)

    def log(self, msg):
        if self.is_main:
            print(msg, file=sys.stderr, flush=True)

    # --------------------------------------------------------------------------- training
    def _autocast(self):
        if self.amp == "off":
            return torch.autocast(device_type=self.device.type, enabled=False)
        return torch.autocast(device_type="cuda", dtype=torch.bfloat16 if self.amp == "bf16" else torch.float16)

    def train_step(self):
        cfg = self.cfg
        net = self.ddp or self.model
        net.train()
        lr = lr_at(cfg, self.step)
        for g in self.opt.param_groups:
            g["lr"] = lr
        b = _to_device(self.data.batch(self.step, cfg.batch_size, self.rank, self.world), self.device)
        with self._autocast():
            out = net(b["spatial"], b["global"])
        total, heads, metrics = compute_losses(out, b, cfg.loss_weights)
        self.opt.zero_grad(set_to_none=True)
        self.model.zero_grad(set_to_none=True)
        self.scaler.scale(total).backward()
        self.scaler.unscale_(self.opt)
        if cfg.grad_clip > 0:
            gnorm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), cfg.grad_clip)
        else:
            gnorm = torch.sqrt(sum((p.grad.float() ** 2).sum() for p in self.model.parameters()
                                   if p.grad is not None))
        self.scaler.step(self.opt)
        self.scaler.update()
        vals = torch.stack([total.detach()] + [h.detach() for h in heads.values()]
                           + [m.detach() for m in metrics.values()])
        if self.world > 1:
            torch.distributed.all_reduce(vals)
            vals /= self.world
        vals = vals.cpu().tolist()
        rec = {"step": self.step, "split": "train", "lr": lr, "loss": vals[0],
               "grad_norm": float(gnorm)}
        for k, v in zip(["loss_" + h for h in heads] + list(metrics), vals[1:]):
            rec[k] = v
        self.step += 1
        return rec

    @torch.no_grad()
    def evaluate(self):
        """Loss and accuracy on the first val_rows validation rows (no augmentation)."""
        if self.val is None:
            return None
        self.model.eval()
        n = min(self.cfg.val_rows, self.val.n)
        sums, count = {}, 0
        for s in range(0, n, 256):
            idx = np.arange(s, min(n, s + 256))
            b = _to_device(self.val.get(idx), self.device)
            with self._autocast():
                out = self.model(b["spatial"], b["global"])
            total, heads, metrics = compute_losses(out, b, self.cfg.loss_weights)
            k = len(idx)
            for name, v in [("loss", total)] + [("loss_" + h, x) for h, x in heads.items()] \
                    + list(metrics.items()):
                sums[name] = sums.get(name, 0.0) + float(v) * k
            count += k
        return {k: v / count for k, v in sums.items()}

    def _write_metrics(self, recs):
        if self.is_main and recs:
            with open(self.metrics_path, "a") as f:
                for r in recs:
                    f.write(json.dumps(r) + "\n")
                f.flush()

    def run(self):
        cfg = self.cfg
        start = self.step
        end = cfg.steps
        if cfg.max_steps_this_run:
            end = min(end, start + cfg.max_steps_this_run)
        pbar = None
        if cfg.progress and self.is_main:
            from tqdm import tqdm
            pbar = tqdm(total=cfg.steps, initial=start, desc="train", dynamic_ncols=True,
                        file=sys.stderr, mininterval=1.0)
        pending = []
        t0 = time.time()
        while self.step < end:
            rec = self.train_step()
            rec["time"] = round(time.time() - t0, 3)
            if self.step % cfg.log_every == 0 or self.step == end:
                pending.append(rec)
            if cfg.val_every and (self.step % cfg.val_every == 0 or self.step == cfg.steps):
                v = self.evaluate()
                if v is not None:
                    pending.append({"step": rec["step"], "split": "val", **v})
            if self.step % cfg.checkpoint_every == 0 or self.step == cfg.steps:
                # metrics first, then the checkpoint: after a crash, resume cuts metrics back
                self._write_metrics(pending)
                pending = []
                self.save()
            if pbar:
                pbar.update(1)
                pbar.set_postfix(loss=f"{rec['loss']:.4f}", lr=f"{rec['lr']:.3g}")
        self._write_metrics(pending)
        if pbar:
            pbar.close()
        if cfg.plot and self.is_main and self.step >= cfg.steps:
            from .plots import plot_metrics
            plot_metrics(self.metrics_path, os.path.join(cfg.run_dir, "losses.png"))
        return self.step

    def close(self):
        if self.world > 1 and torch.distributed.is_initialized():
            torch.distributed.barrier()
            torch.distributed.destroy_process_group()


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = TrainConfig(data=[], run_dir="")
    ap.add_argument("--data", nargs="+", required=True, help=".npz files or glob patterns")
    ap.add_argument("--run-dir", required=True)
    ap.add_argument("--val-data", nargs="*", default=None)
    for f in dataclasses.fields(TrainConfig):
        if f.name in ("data", "run_dir", "val_data", "model_config", "loss_weights"):
            continue
        flag = "--" + f.name.replace("_", "-")
        d = getattr(defaults, f.name)
        if isinstance(d, bool):
            ap.add_argument(flag, type=lambda s: s.lower() in ("1", "true", "yes"), default=d)
        else:
            ap.add_argument(flag, type=type(d), default=d)
    ap.add_argument("--export", default=None, help="write the final net as KataGo .bin.gz here")
    a = ap.parse_args(argv)
    kw = {f.name: getattr(a, f.name) for f in dataclasses.fields(TrainConfig)
          if f.name not in ("model_config", "loss_weights")}
    return TrainConfig(**kw), a.export


def main(argv=None):
    cfg, export = parse_args(argv)
    tr = Trainer(cfg)
    try:
        tr.run()
        if export and tr.is_main and tr.step >= cfg.steps:
            from .katago_format import export_model
            export_model(tr.model.eval(), export, name=os.path.basename(export).split(".")[0])
            tr.log(f"exported {export}")
    finally:
        tr.close()


if __name__ == "__main__":
    main()
