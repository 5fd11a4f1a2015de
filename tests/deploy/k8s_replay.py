"""Runs the containers of deploy/k8s's Jobs as Kubernetes would, on this machine.

The ingest Job is an Indexed Job: Kubernetes starts one pod per completion index, each with
JOB_COMPLETION_INDEX set, at most `parallelism` at a time; the finishing Job runs one pod. This
script reads the manifests, checks that they agree (SHARDS equal to the completions), and runs
each pod's command with its environment as a process, the volume's mount path standing for a
local folder and the image's binary on PATH. What it cannot show is a cluster scheduling them.

    python k8s_replay.py MANIFEST_DIR DATA_DIR BIN_DIR
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml


def container(job):
    spec = job["spec"]["template"]["spec"]
    (c,) = spec["containers"]
    env = {e["name"]: e["value"] for e in c.get("env", [])}
    (mount,) = c["volumeMounts"]
    return c["command"], c["args"], env, mount["mountPath"]


def pod(command, args, env, mount, data, bin_dir, cwd, extra_env):
    # The volume is mounted at `mount` in the pod; here the folder `data` is the volume.
    args = [a.replace(mount, str(data)) for a in args]
    environ = {**os.environ, **env, **extra_env, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    return subprocess.Popen(command + args, env=environ, cwd=cwd)


def main():
    manifests, data, bin_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    ingest = yaml.safe_load((manifests / "ingest-job.yaml").read_text())
    finish = yaml.safe_load((manifests / "finish-job.yaml").read_text())
    spec = ingest["spec"]
    assert spec["completionMode"] == "Indexed", "the ingest Job must be an Indexed Job"
    completions, parallelism = spec["completions"], spec["parallelism"]
    command, args, env, mount = container(ingest)
    f_command, f_args, f_env, f_mount = container(finish)
    for name, e in (("ingest", env), ("finish", f_env)):
        if int(e["SHARDS"]) != completions:
            sys.exit(f"k8s-check: the {name} Job's SHARDS is {e['SHARDS']}, "
                     f"not the ingest Job's {completions} completions")
    with tempfile.TemporaryDirectory() as cwd:
        started = time.monotonic()
        pending = list(range(completions))
        running = []
        while pending or running:
            while pending and len(running) < parallelism:
                i = pending.pop(0)
                running.append((i, pod(command, args, env, mount, data, bin_dir, cwd,
                                       {"JOB_COMPLETION_INDEX": str(i)})))
            i, p = running.pop(0)
            if p.wait() != 0:
                sys.exit(f"k8s-check: the ingest pod of completion index {i} failed")
        p = pod(f_command, f_args, f_env, f_mount, data, bin_dir, cwd, {})
        if p.wait() != 0:
            sys.exit("k8s-check: the finishing pod failed")
    print(f"{completions} {parallelism} {time.monotonic() - started:.1f}")


if __name__ == "__main__":
    main()
