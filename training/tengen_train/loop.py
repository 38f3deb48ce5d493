"""The self-play training loop: Tengen learns from its own games.

    python3 -m tengen_train.loop --run RUN [--config FILE] [--generations N] [--ray auto|ADDRESS]

One generation: self-play with the best network (`tengen selfplay`) -> the training window
(newest rows, KataGo's power-law size) -> training (one continuing trainer run, a bounded number
of samples per new row) -> export -> gating match of the candidate against the best (`tengen
match` with an SPRT; optional) -> promotion -> ratings of the candidate against fixed opponents
(the rollout player, GNU Go levels). `RUN/status.json` says where the run stands, with the
hours each stage took; `RUN/rating.png` and `RUN/train/losses.png` plot it.

Every stage's output is written atomically and a stage that finds its output complete is
skipped, so the loop resumes after `kill -9` at any point by running the same command again.
Knobs: one `name = value` file (docs/LOOP.md lists every one with its default); keys
`selfplay.NAME` go to `tengen selfplay` as its settings.
"""

import argparse
import dataclasses
import fcntl
import glob
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time

from .checkpoint import atomic_write_bytes
from .data import count_rows, window_size

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(TRAINING)


def child_env():
    """The environment of child processes: they import the trainer package from where this
    process did, whether it is installed (`pip install -e training`) or not."""
    env = dict(os.environ)
    env["PYTHONPATH"] = TRAINING + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


@dataclasses.dataclass
class LoopConfig:
    tengen: str = ""                        # the engine binary ("": the repository's .build/release/tengen)
    preset: str = "b6c96"                   # network preset (tengen_train.modelconfigs)
    board_size: int = 9                     # self-play, gating and rating board (selfplay.boardSizes overrides self-play's)
    rules: str = "chinese"                  # rules preset of gating and ratings (selfplay.rules for self-play)
    komi: float = 7.0                       # komi of gating and ratings; self-play's centre (selfplay.komi)
    bootstrap: str = "random"               # random | model:PATH | rows:GLOB (train on those rows first)
    bootstrap_steps: int = 2000             # training steps on the bootstrap rows (rows:)
    generations: int = 10                   # generations to run (0: until stopped)
    games_per_generation: int = 1000        # self-play games per generation
    selfplay_workers: int = 1               # self-play processes (or Ray tasks) per generation
    selfplay_parallel: int = 16             # games at once in each process
    nn_threads: int = 2                     # network threads of each self-play process
    window_min_rows: int = 50000            # training window: all rows up to this many...
    window_alpha: float = 0.75              # ...then min * (1 + beta * ((N/min)^alpha - 1) / alpha)
    window_beta: float = 0.4
    samples_per_row: float = 4.0            # training samples per new self-play row (the bound)
    min_steps_per_generation: int = 50
    max_steps_per_generation: int = 0       # 0: no cap
    batch_size: int = 128
    optimizer: str = "sgd"
    lr: float = 0.02
    weight_decay: float = 3e-5
    warmup_steps: int = 100
    train_threads: int = 2                  # torch CPU threads
    checkpoint_every: int = 100
    divergence_factor: float = 10.0         # a generation whose loss ends above this times the last one's stops the loop (0: off)
    gating: bool = True                     # gate candidates against the best (off: always promote)
    gate_games: int = 100                   # most gating games
    gate_visits: int = 32                   # visits per move in gating
    gate_sprt: str = "0,35"                 # SPRT Elo0,Elo1 (Leela Zero's): stop once decided
    gate_threshold: float = 0.5             # undecided after gate_games: promote at this score or more
    rating_every: int = 1                   # rate every this many generations (0: never)
    rating_games: int = 40                  # games per opponent
    rating_visits: int = 32                 # the network's visits per move in ratings
    rating_opponents: str = "rollout:1000,gnugo:1,gnugo:10"   # fixed opponents
    rate_start: bool = False                # also rate generation 0 (a bootstrap's baseline)
    rating_parallel: int = 1                # rating matches run at once (one search thread each)
    openings: str = ""                      # opening book for gating and ratings ("": 2 random moves)
    seed: int = 1

    @staticmethod
    def parse(text, source="config"):
        """`name = value` lines (# comments). Returns (LoopConfig, selfplay settings dict)."""
        cfg = LoopConfig()
        fields = {f.name: f for f in dataclasses.fields(LoopConfig)}
        selfplay = {}
        for i, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if "=" not in line:
                raise ValueError(f"{source}:{i}: expected 'name = value', not {line!r}")
            name, value = (x.strip() for x in line.split("=", 1))
            if name.startswith("selfplay."):
                selfplay[name[len("selfplay."):]] = value
                continue
            if name not in fields:
                raise ValueError(f"{source}:{i}: unknown setting {name!r}")
            kind = type(getattr(cfg, name))
            try:
                if kind is bool:
                    if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                        raise ValueError(value)
                    v = value.lower() in ("true", "1", "yes")
                else:
                    v = kind(value)
            except ValueError:
                raise ValueError(f"{source}:{i}: bad value {value!r} for {name}") from None
            setattr(cfg, name, v)
        return cfg, selfplay

    def text(self, selfplay):
        lines = [f"{f.name} = {getattr(self, f.name)}" for f in dataclasses.fields(self)]
        lines += [f"selfplay.{k} = {v}" for k, v in sorted(selfplay.items())]
        return "\n".join(lines) + "\n"


def _die_with_parent():
    """Children die with the loop (even after kill -9), so a resumed loop never meets them."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except OSError:
        pass


class Loop:
    def __init__(self, run_dir, config_text=None, ray_address=None, log=None):
        self.run = os.path.abspath(run_dir)
        os.makedirs(self.run, exist_ok=True)
        self.log = log or (lambda m: print(f"[loop] {m}", file=sys.stderr, flush=True))
        self._lock = open(os.path.join(self.run, ".lock"), "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"{self.run}: another loop is running on this folder")
        cfg_path = os.path.join(self.run, "loop.cfg")
        if config_text is not None:
            LoopConfig.parse(config_text, "--config")   # validate before writing
            atomic_write_bytes(cfg_path, config_text.encode())
        if not os.path.exists(cfg_path):
            atomic_write_bytes(cfg_path, LoopConfig().text({}).encode())
        with open(cfg_path) as f:
            self.cfg, self.selfplay_settings = LoopConfig.parse(f.read(), cfg_path)
        self.ray = ray_address
        self.status_path = os.path.join(self.run, "status.json")
        self.status = self._read_status()

    # ------------------------------------------------------------------------ bookkeeping
    def _read_status(self):
        if os.path.exists(self.status_path):
            with open(self.status_path) as f:
                return json.load(f)
        return {"run": self.run, "best": None, "generation": 0, "stage": "start",
                "generations": {}, "hours": {}}

    def save_status(self):
        self.status["config"] = dataclasses.asdict(self.cfg)
        self.status["selfplay_settings"] = self.selfplay_settings
        self.status["updated"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        atomic_write_bytes(self.status_path, (json.dumps(self.status, indent=1, sort_keys=True) + "\n").encode())

    def gen_record(self, g):
        return self.status["generations"].setdefault(str(g), {"generation": g})

    def path(self, *parts):
        return os.path.join(self.run, *parts)

    def model_path(self, g):
        return self.path("models", f"gen{g:04d}.bin.gz")

    def tengen(self):
        t = self.cfg.tengen or os.path.join(REPO, ".build", "release", "tengen")
        return t if os.path.isabs(t) else os.path.abspath(t)

    def run_child(self, args, stage, log_name):
        """Runs a child process (stdout+stderr to RUN/logs/LOG_NAME), counting its hours."""
        os.makedirs(self.path("logs"), exist_ok=True)
        t0 = time.time()
        with open(self.path("logs", log_name), "ab") as out:
            out.write(f"\n$ {' '.join(args)}\n".encode())
            out.flush()
            proc = subprocess.Popen(args, stdout=out, stderr=out, preexec_fn=_die_with_parent, env=child_env())
            rc = proc.wait()
        self.add_hours(stage, time.time() - t0)
        if rc != 0:
            raise RuntimeError(f"{stage} failed (exit {rc}); see {self.path('logs', log_name)}")

    def run_children(self, jobs, stage, parallel):
        """Runs (args, log name) jobs, `parallel` at a time, counting the stage's wall hours once;
        raises after all have ended if any failed."""
        os.makedirs(self.path("logs"), exist_ok=True)
        t0 = time.time()
        queue, running, failed = list(jobs), [], []
        while queue or running:
            while queue and len(running) < max(1, parallel):
                args, log_name = queue.pop(0)
                out = open(self.path("logs", log_name), "ab")
                out.write(f"\n$ {' '.join(args)}\n".encode())
                out.flush()
                proc = subprocess.Popen(args, stdout=out, stderr=out, preexec_fn=_die_with_parent, env=child_env())
                running.append((proc, out, log_name))
            done = [r for r in running if r[0].poll() is not None]
            if not done:
                time.sleep(0.2)
            for r in done:
                running.remove(r)
                r[1].close()
                if r[0].returncode != 0:
                    failed.append(r[2])
        self.add_hours(stage, time.time() - t0)
        if failed:
            raise RuntimeError(f"{stage} failed; see {', '.join(self.path('logs', n) for n in failed)}")

    def add_hours(self, stage, seconds):
        h = self.status.setdefault("hours", {})
        h[stage] = round(h.get(stage, 0.0) + seconds / 3600, 4)
        self.save_status()

    def stage(self, g, name):
        self.status["generation"] = g
        self.status["stage"] = name
        self.save_status()
        self.log(f"generation {g}: {name}")

    # ----------------------------------------------------------------------------- stages
    def bootstrap(self):
        """Generation 0: the starting network, by `bootstrap`."""
        target = self.model_path(0)
        if not os.path.exists(target):
            os.makedirs(self.path("models"), exist_ok=True)
            kind, _, arg = self.cfg.bootstrap.partition(":")
            self.stage(0, "bootstrap")
            if kind == "random":
                import torch
                from .katago_format import export_model
                from .model import Model
                torch.manual_seed(self.cfg.seed)
                export_model(Model(self.cfg.preset).eval(), target, name="gen0000")
            elif kind == "model":
                shutil.copyfile(arg, target + ".tmp")
                os.replace(target + ".tmp", target)
            elif kind == "rows":
                files = sorted(glob.glob(arg))
                if not files:
                    raise SystemExit(f"bootstrap rows {arg!r}: no files")
                self.run_child(self.train_args(files, self.cfg.bootstrap_steps, target), "train", "train.log")
            else:
                raise SystemExit(f"unknown bootstrap {self.cfg.bootstrap!r} (random, model:PATH, rows:GLOB)")
        if self.status.get("best") is None:
            self.status["best"] = os.path.basename(target)
            self.gen_record(0).update(model=os.path.basename(target), promoted=True)
            self.save_status()

    def selfplay_dirs(self, g):
        base = self.path("selfplay", f"gen{g:04d}")
        n = max(1, self.cfg.selfplay_workers)
        return [base] if n == 1 else [os.path.join(base, f"worker{k}") for k in range(n)]

    def selfplay_config(self):
        """RUN/selfplay.cfg: the loop's board and komi, then every selfplay.NAME key."""
        s = {"boardSizes": str(self.cfg.board_size), "komi": str(self.cfg.komi), "rules": self.cfg.rules}
        s.update(self.selfplay_settings)
        text = "".join(f"{k} = {v}\n" for k, v in s.items())
        p = self.path("selfplay.cfg")
        if not os.path.exists(p) or open(p).read() != text:
            atomic_write_bytes(p, text.encode())
        return p

    def selfplay_commands(self, g):
        cfg = self.cfg
        best = self.path("models", self.status["best"])
        dirs = self.selfplay_dirs(g)
        per, extra = divmod(cfg.games_per_generation, len(dirs))
        conf = self.selfplay_config()
        cmds = []
        for k, d in enumerate(dirs):
            games = per + (1 if k < extra else 0)
            cmds.append([self.tengen(), "selfplay", "--model", best, "--out", d, "--games", str(games),
                         "--config", conf, "--parallel-games", str(cfg.selfplay_parallel),
                         "--nn-threads", str(cfg.nn_threads),
                         "--seed", str(cfg.seed * 1_000_003 + g * 101 + k), "--progress-interval", "30"])
        return cmds

    def selfplay_done(self, g):
        dirs = self.selfplay_dirs(g)
        per, extra = divmod(self.cfg.games_per_generation, len(dirs))
        return all(len(self.committed_games(d)) >= per + (1 if k < extra else 0) for k, d in enumerate(dirs))

    @staticmethod
    def committed_games(d):
        games = []
        for f in sorted(glob.glob(os.path.join(d, "rows", "rows_*.json"))):
            with open(f) as fh:
                games += json.load(fh)["games"]
        return games

    def selfplay(self, g):
        if not self.selfplay_done(g):
            self.stage(g, "selfplay")
            cmds = self.selfplay_commands(g)
            if self.ray:
                from .loop_ray import run_commands
                t0 = time.time()
                os.makedirs(self.path("logs"), exist_ok=True)
                run_commands(self.ray, cmds, [self.path("logs", f"selfplay-w{k}.log") for k in range(len(cmds))],
                             cpus_per_task=self.cfg.nn_threads)
                self.add_hours("selfplay", time.time() - t0)
            elif len(cmds) == 1:
                self.run_child(cmds[0], "selfplay", "selfplay.log")
            else:
                t0 = time.time()
                procs = []
                for k, c in enumerate(cmds):
                    out = open(self.path("logs", f"selfplay-w{k}.log"), "ab")
                    procs.append((subprocess.Popen(c, stdout=out, stderr=out, preexec_fn=_die_with_parent, env=child_env()), out))
                rcs = [p.wait() for p, _ in procs]
                for _, out in procs:
                    out.close()
                self.add_hours("selfplay", time.time() - t0)
                if any(rcs):
                    raise RuntimeError(f"self-play failed (exits {rcs}); see {self.path('logs')}")
        games = sum((self.committed_games(d) for d in self.selfplay_dirs(g)), [])
        rec = self.gen_record(g)
        secs = sum(x["seconds"] for x in games)
        rec["selfplay"] = {
            "games": len(games), "rows": sum(x["rows"] for x in games),
            "moves_mean": round(sum(x["moves"] for x in games) / max(1, len(games)), 1),
            "black_wins": sum(1 for x in games if x["result"].startswith("B+")),
            "false_resignations": sum(1 for x in games if x.get("falseResignation")),
            "resignations_checked": sum(1 for x in games if x.get("wouldHaveResigned")),
            "game_seconds_mean": round(secs / max(1, len(games)), 2),
        }
        self.save_status()

    def row_files(self, upto):
        """Row files of the bootstrap and of generations 1..upto, oldest first."""
        files = []
        kind, _, arg = self.cfg.bootstrap.partition(":")
        if kind == "rows":
            files += sorted(glob.glob(arg))
        for g in range(1, upto + 1):
            for d in self.selfplay_dirs(g):
                files += sorted(glob.glob(os.path.join(d, "rows", "rows_*.npz")))
        return files

    def train_args(self, files, steps, export):
        cfg = self.cfg
        args = [sys.executable, "-m", "tengen_train.train", "--run-dir", self.path("train"),
                "--preset", cfg.preset, "--steps", str(steps), "--batch-size", str(cfg.batch_size),
                "--optimizer", cfg.optimizer, "--lr", str(cfg.lr), "--weight-decay", str(cfg.weight_decay),
                "--schedule", "constant", "--warmup-steps", str(cfg.warmup_steps),
                "--checkpoint-every", str(cfg.checkpoint_every), "--threads", str(cfg.train_threads),
                "--seed", str(cfg.seed), "--export", export, "--data"] + files
        kind, _, arg = cfg.bootstrap.partition(":")
        carry = self.status.get("carry")
        init = self.path("models", carry["init_model"]) if carry else os.path.abspath(arg) if kind == "model" else None
        if init:
            args[args.index("--data"):args.index("--data")] = ["--init-model", init]
        return args

    def train(self, g):
        target = self.model_path(g)
        rec = self.gen_record(g)
        if os.path.exists(target):
            return
        self.stage(g, "train")
        if "train" not in rec:
            files = self.row_files(g)
            counts = [count_rows(f) for f in files]
            total = sum(counts)
            window = window_size(total, self.cfg.window_min_rows, self.cfg.window_alpha, self.cfg.window_beta)
            chosen, have = [], 0
            for f, c in zip(reversed(files), reversed(counts)):
                if have >= window:
                    break
                chosen.append(f)
                have += c
            new_rows = rec.get("selfplay", {}).get("rows", 0)
            steps = max(self.cfg.min_steps_per_generation,
                        math.ceil(new_rows * self.cfg.samples_per_row / self.cfg.batch_size))
            if self.cfg.max_steps_per_generation:
                steps = min(steps, self.cfg.max_steps_per_generation)
            rec["train"] = {"files": [os.path.relpath(f, self.run) for f in reversed(chosen)],
                            "window_rows": have, "total_rows": total, "steps": steps,
                            "to_step": self.steps_before(g) + steps, "epoch": self.epoch()}
            self.save_status()   # the plan is fixed before training starts: a resume trains the same
        plan = rec["train"]
        files = [os.path.join(self.run, f) for f in plan["files"]]
        self.run_child(self.train_args(files, plan["to_step"], target), "train", "train.log")
        plan["losses"] = self.last_losses()
        self.save_status()
        problem = training_diverged(plan["losses"], self.previous_loss(g), self.cfg.divergence_factor)
        if problem:
            # The exported network is kept aside for inspection, never gated or played with.
            # The trainer's checkpoints have diverged too, so the run goes on from the last
            # gated generation in a new trainer run: a carry, with a lower lr.
            os.replace(target, target + ".diverged")
            plan["diverged"] = problem
            self.save_status()
            raise SystemExit(
                f"generation {g}: training diverged ({problem}); its network is {target}.diverged and "
                f"nothing was promoted. Go on from generation {g - 1} with a lower lr (now {self.cfg.lr}): "
                f"--save-carry DIR, set lr in DIR/loop.cfg, then --from-carry DIR into a new run folder")

    def previous_loss(self, g):
        """The last training loss of the latest generation before g that trained in the same
        trainer run (epoch), or None."""
        for k in range(g - 1, 0, -1):
            t = self.status["generations"].get(str(k), {}).get("train") or {}
            if t.get("epoch", 0) == self.epoch() and "loss" in (t.get("losses") or {}):
                return t["losses"]["loss"]
        return None

    def steps_before(self, g):
        """Training steps done before generation g: the latest earlier plan's end, else the
        bootstrap's (derived from the plans, so a kill between stages cannot lose count)."""
        ends = [r["train"]["to_step"] for k, r in self.status["generations"].items()
                if int(k) < g and r.get("train") and r["train"].get("epoch", 0) == self.epoch()]
        kind = self.cfg.bootstrap.partition(":")[0]
        return max(ends, default=self.cfg.bootstrap_steps if kind == "rows" and self.epoch() == 0 else 0)

    def epoch(self):
        """The trainer run's number: 0, then one more for each continuation from a carry (a new
        trainer run that starts from the carried network)."""
        return self.status.get("carry", {}).get("epoch", 0)

    def last_losses(self):
        p = self.path("train", "metrics.jsonl")
        if not os.path.exists(p):
            return {}
        recs = [json.loads(l) for l in open(p) if l.strip().startswith("{")]
        train = [r for r in recs if r.get("split") == "train"][-50:]
        if not train:
            return {}
        keys = ["loss", "loss_policy", "loss_value", "loss_ownership", "policy_top1"]
        return {k: round(sum(r.get(k, 0) for r in train) / len(train), 4) for k in keys}

    def engine(self, model, visits):
        """A network player for gating and ratings: one search thread, a fixed network symmetry,
        so that a resumed match replays the same games."""
        return f"tengen:model={model},visits={visits},nnthreads=1,searchthreads=1,symmetry=0"

    def match(self, a, b, games, out, sprt=None, seed=1):
        args = [self.tengen(), "match", "--a", a, "--b", b, "--games", str(games),
                "--size", str(self.cfg.board_size), "--rules", self.cfg.rules, "--komi", str(self.cfg.komi),
                "--out", out, "--seed", str(seed)]
        if self.cfg.openings:
            args += ["--openings", os.path.abspath(self.cfg.openings)]
        if sprt:
            args += ["--sprt", sprt]
        return args

    def gate(self, g):
        rec = self.gen_record(g)
        if "promoted" in rec:
            return
        cand = self.model_path(g)
        if not self.cfg.gating:
            rec["gate"] = None
        else:
            out = self.path("gating", f"gen{g:04d}")
            summary = os.path.join(out, "summary.json")
            if not os.path.exists(summary):
                self.stage(g, "gate")
                best = self.path("models", self.status["best"])
                self.run_child(self.match(self.engine(cand, self.cfg.gate_visits), self.engine(best, self.cfg.gate_visits),
                                          self.cfg.gate_games, out, self.cfg.gate_sprt, seed=self.cfg.seed + g),
                               "gate", "gate.log")
            with open(summary) as f:
                s = json.load(f)
            decision = (s.get("sprt") or {}).get("decision")
            rec["gate"] = {k: s.get(k) for k in ("games", "wins", "losses", "draws", "score", "elo", "elo_low", "elo_high")}
            rec["gate"]["sprt"] = decision
            rec["gate"]["against"] = self.status["best"]
        promote = True
        if rec["gate"] is not None:
            d = rec["gate"]["sprt"]
            promote = d == "H1" or (d is None and rec["gate"]["score"] >= self.cfg.gate_threshold)
        rec["model"] = os.path.basename(cand)
        rec["promoted"] = promote
        if promote:
            self.status["best"] = os.path.basename(cand)
        self.log(f"generation {g}: {'promoted' if promote else 'rejected'} "
                 f"{'' if rec['gate'] is None else json.dumps(rec['gate'])}")
        self.save_status()

    def opponents(self):
        out = []
        for item in self.cfg.rating_opponents.split(","):
            item = item.strip()
            if not item:
                continue
            kind, _, arg = item.partition(":")
            if kind == "rollout":
                out.append((f"rollout{arg}", f"tengen:playouts={arg},threads=1"))
            elif kind == "model":
                visits, _, path = arg.partition(":")
                if not visits.isdigit() or int(visits) < 1 or not path:
                    raise SystemExit(f"bad rating opponent {item!r} (model:VISITS:PATH)")
                path = os.path.abspath(path)
                if not os.path.exists(path):
                    raise SystemExit(f"rating opponent {item!r}: no network at {path}")
                stem = os.path.basename(path).split(".")[0]
                out.append((f"{stem}@{visits}", self.engine(path, int(visits))))
            elif kind == "gnugo":
                gnugo = shutil.which("gnugo") or ("/usr/games/gnugo" if os.path.exists("/usr/games/gnugo") else None)
                if gnugo is None:
                    self.log(f"rating: {item} skipped, GNU Go is not installed")
                    continue
                out.append((f"gnugo{arg}", f"gtp:{gnugo} --mode gtp --level {arg} --chinese-rules"))
            else:
                raise SystemExit(f"unknown rating opponent {item!r} (rollout:PLAYOUTS, gnugo:LEVEL, model:VISITS:PATH)")
        return out

    def rate(self, g):
        if not self.cfg.rating_every or g % self.cfg.rating_every:
            return
        rec = self.gen_record(g)
        ratings = rec.setdefault("rating", {})
        todo = []
        for name, spec in self.opponents():
            if name in ratings:
                continue
            out = self.path("rating", f"gen{g:04d}", name)
            todo.append((name, out))
            if not os.path.exists(os.path.join(out, "summary.json")):
                todo[-1] += (self.match(self.engine(self.model_path(g), self.cfg.rating_visits), spec,
                                        self.cfg.rating_games, out, seed=1000 + g),)
        matches = [(t[2], f"rating-{t[0]}.log") for t in todo if len(t) == 3]
        if matches:
            self.stage(g, "rate " + ", ".join(t[0] for t in todo if len(t) == 3))
            self.run_children(matches, "rating", self.cfg.rating_parallel)
        for name, out, *_ in todo:
            with open(os.path.join(out, "summary.json")) as f:
                s = json.load(f)
            ratings[name] = {k: s.get(k) for k in ("games", "wins", "losses", "draws", "score", "elo", "elo_low", "elo_high")}
            self.save_status()
        self.plot()

    def plot(self):
        try:
            from .plots import plot_ratings
            plot_ratings(self.status, self.path("rating.png"))
        except Exception as e:   # a plot must never stop the loop
            self.log(f"rating plot failed: {e}")

    # ------------------------------------------------------------------------------- run
    def run_loop(self, generations=None):
        n = self.cfg.generations if generations is None else generations
        start = self.status.get("carry", {}).get("generation", 0)
        if start == 0:
            self.bootstrap()
            if self.cfg.rate_start:
                self.rate(0)
        else:
            self.rate(start)   # ratings the carried generation may still lack
        g = start + 1
        while n == 0 or g <= n:
            self.selfplay(g)
            self.train(g)
            self.gate(g)
            self.rate(g)
            g += 1
        self.status["stage"] = "done"
        self.save_status()
        self.log(f"done: {n} generations, best {self.status['best']}")



def training_diverged(losses, previous, factor):
    """Why a generation's training counts as diverged, or None: a missing or non-finite final
    loss, or (with `factor` > 0 and a previous generation's loss) a final loss above `factor`
    times that one. A from-random 9x9 run at lr 0.02 went from 14.7 to 3e15 in one generation
    and, unchecked, was promoted (docs/TRAINING.md)."""
    loss = (losses or {}).get("loss")
    if loss is None:
        return None
    if not math.isfinite(loss):
        return f"final loss {loss}"
    if factor > 0 and previous is not None and math.isfinite(previous) and loss > factor * max(previous, 1e-9):
        return f"final loss {loss:.4g} is over {factor:g} times the previous generation's {previous:.4g}"
    return None

def save_carry(run, dest):
    """Writes to DEST what run RUN needs to go on on another machine: loop.cfg, status.json up to
    the last gated generation, that generation's network (where training goes on from) and the
    best one, and the rating plot. Rows, checkpoints and match records stay behind: a run
    continued from a carry trains a new trainer run from the carried network, on a window of the
    generations played after it. Reads RUN without its lock (every file there is written
    atomically), so it can run beside a live loop. Returns the carried generation."""
    with open(os.path.join(run, "status.json")) as f:
        status = json.load(f)
    gens = status["generations"]
    done = [int(k) for k, r in gens.items() if "promoted" in r]
    if not done:
        raise SystemExit(f"{run}: no generation has finished yet")
    g = max(done)
    latest = gens[str(g)]["model"]
    status["generations"] = {k: r for k, r in gens.items() if int(k) <= g}
    status["generation"], status["stage"] = g, "carried"
    status["carry"] = dict(status.get("carry", {}), generation=g, init_model=latest,
                           epoch=status.get("carry", {}).get("epoch", 0) + 1)
    os.makedirs(os.path.join(dest, "models"), exist_ok=True)
    keep = {latest, status["best"]}
    for name in sorted(keep):
        src = os.path.join(run, "models", name)
        target = os.path.join(dest, "models", name)
        if not os.path.exists(target) or open(src, "rb").read() != open(target, "rb").read():
            shutil.copyfile(src, target + ".tmp")
            os.replace(target + ".tmp", target)
    for name in os.listdir(os.path.join(dest, "models")):
        if name not in keep:
            os.remove(os.path.join(dest, "models", name))
    shutil.copyfile(os.path.join(run, "loop.cfg"), os.path.join(dest, "loop.cfg.tmp"))
    os.replace(os.path.join(dest, "loop.cfg.tmp"), os.path.join(dest, "loop.cfg"))
    if os.path.exists(os.path.join(run, "rating.png")):
        shutil.copyfile(os.path.join(run, "rating.png"), os.path.join(dest, "rating.png"))
    atomic_write_bytes(os.path.join(dest, "status.json"), (json.dumps(status, indent=1, sort_keys=True) + "\n").encode())
    return g


def restore_carry(src, run):
    """Creates run folder RUN from a carry that save_carry wrote; the loop then goes on with
    the generation after the carried one."""
    if os.path.exists(os.path.join(run, "status.json")):
        raise SystemExit(f"{run} already holds a run: resume it without --from-carry")
    with open(os.path.join(src, "status.json")) as f:
        status = json.load(f)
    if "carry" not in status:
        raise SystemExit(f"{src}: not a carry (save one with --save-carry)")
    os.makedirs(os.path.join(run, "models"), exist_ok=True)
    for name in os.listdir(os.path.join(src, "models")):
        shutil.copyfile(os.path.join(src, "models", name), os.path.join(run, "models", name))
    shutil.copyfile(os.path.join(src, "loop.cfg"), os.path.join(run, "loop.cfg"))
    status["run"] = os.path.abspath(run)
    status["carry"]["from"] = os.path.abspath(src)
    atomic_write_bytes(os.path.join(run, "status.json"), (json.dumps(status, indent=1, sort_keys=True) + "\n").encode())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True, help="run folder (created; an existing one resumes)")
    ap.add_argument("--config", help="loop config file (copied to RUN/loop.cfg; default: RUN/loop.cfg)")
    ap.add_argument("--generations", type=int, help="override the config's generations")
    ap.add_argument("--ray", help="run self-play on Ray: auto or a cluster ADDRESS")
    ap.add_argument("--print-defaults", action="store_true", help="print every setting with its default")
    ap.add_argument("--save-carry", metavar="DIR", help="write what the run needs to go on elsewhere to DIR, then exit")
    ap.add_argument("--from-carry", metavar="DIR", help="create the run folder from a carry, then go on")
    a = ap.parse_args(argv)
    if a.print_defaults:
        sys.stdout.write(LoopConfig().text({}))
        return
    if a.save_carry:
        g = save_carry(os.path.abspath(a.run), a.save_carry)
        print(f"[loop] carried generation {g} of {a.run} to {a.save_carry}", file=sys.stderr)
        return
    if a.from_carry:
        restore_carry(a.from_carry, a.run)
    text = open(a.config).read() if a.config else None
    Loop(a.run, text, ray_address=a.ray).run_loop(a.generations)


if __name__ == "__main__":
    main()
