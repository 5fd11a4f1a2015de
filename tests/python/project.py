"""What the Python tests share: where the project and its debug binary are, and a fresh project
(reference and pipelines copied, an empty raw folder) to run the binary in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/countypanel-target"))
BIN = TARGET / "debug" / "countypanel"


def new_project(tmp: Path, raw: str = "data/raw/sample") -> Path:
    """Copies the reference and the pipelines into `tmp` and creates its raw folder `raw`,
    which it returns."""
    for part in ("data/reference", "pipelines"):
        shutil.copytree(ROOT / part, tmp / part)
    folder = tmp / raw
    folder.mkdir(parents=True)
    return folder
