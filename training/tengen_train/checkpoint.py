"""Crash-safe files: atomic writes (temp + fsync + rename + directory fsync) and checkpoints.

A checkpoint is a torch.save() dict written through atomic_write_bytes, so at any instant the
final file name refers either to the complete previous file or to the complete new one; a
`kill -9` can leave only a stray `*.tmp.<pid>` file, which is ignored and later removed.
"""

import glob
import hashlib
import io
import os
import re

import torch

CKPT_FORMAT_VERSION = 1
_CKPT_RE = re.compile(r"^ckpt_(\d{9})\.pt$")


class CheckpointError(RuntimeError):
    pass


def _fsync_dir(d):
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path, data):
    path = os.path.abspath(path)
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(d)


def checkpoint_path(run_dir, step):
    return os.path.join(run_dir, f"ckpt_{step:09d}.pt")


def save_checkpoint(run_dir, step, state, keep=3):
    """Atomically write ckpt_<step>.pt holding `state` plus a checksum; prune old ones."""
    buf = io.BytesIO()
    torch.save(state, buf)
    payload = buf.getvalue()
    digest = hashlib.sha256(payload).hexdigest()
    wrapper = io.BytesIO()
    torch.save({"format": "tengen-checkpoint", "format_version": CKPT_FORMAT_VERSION,
                "sha256": digest, "payload": payload}, wrapper)
    path = checkpoint_path(run_dir, step)
    atomic_write_bytes(path, wrapper.getvalue())
    steps = list_checkpoints(run_dir)
    for s, p in steps[:-keep] if keep > 0 else []:
        try:
            os.remove(p)
        except OSError:
            pass
    for tmp in glob.glob(os.path.join(run_dir, "*.tmp.*")):
        pid = tmp.rsplit(".", 1)[-1]
        if pid != str(os.getpid()):
            try:
                os.remove(tmp)
            except OSError:
                pass
    return path


def load_checkpoint(path, map_location="cpu"):
    """Load and verify one checkpoint; raises CheckpointError naming what is wrong."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise CheckpointError(f"{path}: cannot read: {e}") from e
    if len(raw) == 0:
        raise CheckpointError(f"{path}: file is empty")
    try:
        wrapper = torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except Exception as e:  # torch raises many types for garbage input
        raise CheckpointError(f"{path}: not a readable checkpoint container ({type(e).__name__}: {e})") from e
    if not isinstance(wrapper, dict) or wrapper.get("format") != "tengen-checkpoint":
        raise CheckpointError(f"{path}: not a tengen checkpoint (missing format tag)")
    if wrapper.get("format_version") != CKPT_FORMAT_VERSION:
        raise CheckpointError(f"{path}: checkpoint format_version {wrapper.get('format_version')} "
                              f"!= supported {CKPT_FORMAT_VERSION}")
    payload = wrapper.get("payload")
    if not isinstance(payload, bytes) or hashlib.sha256(payload).hexdigest() != wrapper.get("sha256"):
        raise CheckpointError(f"{path}: checksum mismatch (payload corrupt)")
    try:
        # our own files; optimizer states (e.g. GaLore projectors) hold plain Python objects
        return torch.load(io.BytesIO(payload), map_location=map_location, weights_only=False)
    except Exception as e:
        raise CheckpointError(f"{path}: payload does not unpickle ({type(e).__name__}: {e})") from e


def list_checkpoints(run_dir):
    out = []
    if not os.path.isdir(run_dir):
        return out
    for name in os.listdir(run_dir):
        m = _CKPT_RE.match(name)
        if m:
            out.append((int(m.group(1)), os.path.join(run_dir, name)))
    return sorted(out)


def latest_checkpoint(run_dir, log=print):
    """Newest checkpoint that loads and verifies, as (step, state); (None, None) if none."""
    for step, path in reversed(list_checkpoints(run_dir)):
        try:
            return step, load_checkpoint(path)
        except CheckpointError as e:
            log(f"warning: skipping unusable checkpoint: {e}")
    return None, None
