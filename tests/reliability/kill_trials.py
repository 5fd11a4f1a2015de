"""Crash trials: start a pipeline stage, kill it with SIGKILL at a random moment, and check that
no output path holds a partial or unreadable file; then rerun the stages and check that the
outputs are byte-identical to those of a clean run.

    python tests/reliability/kill_trials.py BINARY [--trials 60] [--seed 7]

Runs in a temporary copy of the project's sample, catalog, reference files and pipeline file.
Needs pyarrow (the notebook venv has it). Prints one line per trial and a summary; exits 1 on any
failed check.
"""

import argparse
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
STAGES = {
    "ingest": ["staged/documents.parquet", "staged/facts.parquet", "qa/ingest_rejects.parquet"],
    "clean": [
        "clean/observations.parquet",
        "qa/quarantine.parquet",
        "qa/conflicts.parquet",
        "qa/uncatalogued_facts.parquet",
        "qa/catalog_todo.parquet",
        "qa/suspect.parquet",
        "qa/region_suggestions.parquet",
    ],
    "aggregate": [
        "summary/panel_long.parquet",
        "summary/panel_wide.parquet",
        "summary/comparison.parquet",
        "summary/targets.parquet",
        "summary/coverage.parquet",
        "summary/report.md",
        "summary/headline.txt",
        "summary/catalog.json",
    ],
}
ORDER = ["ingest", "clean", "aggregate"]


def stage_args(stage, data):
    d = lambda p: str(data / p)  # noqa: E731
    if stage == "ingest":
        return ["ingest", "--documents", d("staged/documents.parquet"), "--facts", d("staged/facts.parquet"),
                "--rejects", d("qa/ingest_rejects.parquet")]
    if stage == "clean":
        return ["clean", "--facts", d("staged/facts.parquet"), "--documents", d("staged/documents.parquet"),
                "--observations", d("clean/observations.parquet"), "--quarantine", d("qa/quarantine.parquet"),
                "--conflicts", d("qa/conflicts.parquet"), "--uncatalogued", d("qa/uncatalogued_facts.parquet"),
                "--todo", d("qa/catalog_todo.parquet"), "--suspect", d("qa/suspect.parquet"),
                "--suggestions", d("qa/region_suggestions.parquet")]
    return ["aggregate", "--observations", d("clean/observations.parquet"), "--summary", d("summary")]


def run_stage(binary, project, stage):
    cmd = [binary, "--quiet", "--pipeline", "pipelines/county-health.toml"] + stage_args(stage, project / "data")
    subprocess.run(cmd, cwd=project, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def outputs(project):
    """Every file of the generated layers, hidden temporaries excluded, with its sha256."""
    out = {}
    for layer in ("staged", "clean", "qa", "summary"):
        base = project / "data" / layer
        if not base.exists():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(project / "data")
            if p.is_file() and not any(part.startswith(".") for part in rel.parts):
                out[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def check_readable(project):
    """Problems with the files now on the output paths (absent is fine, partial is not)."""
    problems = []
    for files in STAGES.values():
        for rel in files:
            p = project / "data" / rel
            if not p.exists():
                continue
            try:
                if p.suffix == ".parquet":
                    pq.read_table(p)
                elif p.suffix == ".json":
                    json.loads(p.read_text())
                elif p.stat().st_size == 0:
                    problems.append(f"{rel}: empty")
            except Exception as e:  # noqa: BLE001 - any failure to read is the finding
                problems.append(f"{rel}: {type(e).__name__}: {e}")
    part = project / "data/summary/panel_long_by_year"
    if part.exists():
        for p in part.rglob("*.parquet"):
            if not any(s.startswith(".") for s in p.relative_to(part).parts):
                try:
                    pq.read_table(p)
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{p}: {e}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--trials", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    binary = str(Path(a.binary).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for part in ("data/raw/sample", "data/reference", "pipelines"):
            shutil.copytree(ROOT / part, project / part)
        # A clean run: the reference bytes and each stage's duration.
        durations = {}
        for stage in ORDER:
            t = time.monotonic()
            run_stage(binary, project, stage)
            durations[stage] = time.monotonic() - t
        reference = outputs(project)
        print("clean run: " + ", ".join(f"{s} {durations[s]:.2f}s" for s in ORDER) + f", {len(reference)} files")

        failures = 0
        killed = 0
        for trial in range(1, a.trials + 1):
            stage = ORDER[(trial - 1) % 3]
            # Half the trials start from an empty layer (a first write), half overwrite.
            fresh = rng.random() < 0.5
            if fresh:
                for later in ORDER[ORDER.index(stage):]:
                    for rel in STAGES[later]:
                        (project / "data" / rel).unlink(missing_ok=True)
            delay = rng.uniform(0, durations[stage] * 1.1)
            cmd = [binary, "--quiet", "--pipeline", "pipelines/county-health.toml"] + stage_args(stage, project / "data")
            proc = subprocess.Popen(cmd, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            code = proc.wait()
            was_killed = code == -signal.SIGKILL
            killed += was_killed
            problems = check_readable(project)
            # Rerun every stage from the killed one on, then compare with the clean run.
            for later in ORDER[ORDER.index(stage):]:
                run_stage(binary, project, later)
            after = outputs(project)
            leftovers = [str(p.relative_to(project)) for p in (project / "data").rglob(".*")]
            if leftovers:
                problems.append(f"temporaries left after the rerun: {leftovers}")
            if after != reference:
                differ = sorted(k for k in set(after) | set(reference) if after.get(k) != reference.get(k))
                problems.append(f"rerun differs from the clean run: {differ}")
            state = "killed" if was_killed else "finished first"
            verdict = "ok" if not problems else "FAIL: " + "; ".join(problems)
            print(f"trial {trial:3}: {stage:9} {'fresh' if fresh else 'overwrite':9} at {delay:.3f}s, {state}: {verdict}")
            failures += bool(problems)
        print(f"{a.trials} trials, {killed} killed mid-run, {failures} failed")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
