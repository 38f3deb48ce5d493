"""Self-play on a Ray cluster: each `tengen selfplay` worker of a generation runs as a Ray
task on whichever node has the CPUs, writing into the run folder, which every node must see
at the same path (a shared file system). Training stays on `torchrun`; without `--ray` the
loop runs the same commands as local processes and does not need Ray.

A task is a plain process started by the worker, so a task that fails or whose node dies is
simply run again: `tengen selfplay` resumes its own output folder.
"""

import os
import subprocess


def _run(cmd, log_path, env):
    with open(log_path, "ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        return subprocess.run(cmd, stdout=out, stderr=out, env=env).returncode


def run_commands(address, cmds, logs, cpus_per_task=1, retries=2):
    """Runs `cmds` as Ray tasks on the cluster at `address` ("auto": the one `ray start`
    made on this machine) and waits for all; raises when one still fails after `retries`."""
    import sys

    import ray
    from ray import cloudpickle

    # Ship this module's code with the task: workers need not have the trainer installed,
    # only the engine binary and the run folder at the same paths.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False)
    env = dict(os.environ)
    task = ray.remote(num_cpus=cpus_per_task, max_retries=retries)(_run)
    pending = {task.remote(c, l, env): (c, l, 0) for c, l in zip(cmds, logs)}
    while pending:
        done, _ = ray.wait(list(pending), num_returns=1)
        ref = done[0]
        cmd, log, tries = pending.pop(ref)
        rc = ray.get(ref)
        if rc != 0:
            if tries >= retries:
                raise RuntimeError(f"Ray task failed (exit {rc}): {' '.join(cmd)}; see {log}")
            pending[task.remote(cmd, log, env)] = (cmd, log, tries + 1)
