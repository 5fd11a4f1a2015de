"""Load countypanel's summary tables by name, without hard-coding paths.

    from countypanel_outputs import load
    wide = load("panel_wide")              # a pandas DataFrame
    wide = load("panel_wide", "polars")    # a polars DataFrame

The tables and their files are listed in ``catalog.json``, which ``countypanel aggregate``
writes into the summary folder: the summary tables and those of the staged, clean and QA layers
(``facts``, ``observations``, ``quarantine``, ``conflicts``, ``suspect``, …). The folder is ``data/summary`` of the project root unless the
environment variable ``COUNTYPANEL_SUMMARY`` names another.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def summary_dir() -> Path:
    """The summary folder holding ``catalog.json``."""
    return Path(os.environ.get("COUNTYPANEL_SUMMARY", ROOT / "data" / "summary"))


def catalog() -> dict:
    """The catalog of outputs: table name -> {path, contract_version}."""
    path = summary_dir() / "catalog.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make` (or `countypanel aggregate`) first")
    return json.loads(path.read_text(encoding="utf-8"))["tables"]


def path_of(name: str) -> Path:
    """The file (or partitioned folder) of a named table."""
    tables = catalog()
    if name not in tables:
        raise KeyError(f"no table {name!r}; the catalog lists {sorted(tables)}")
    return summary_dir() / tables[name]["path"]


def load(name: str, engine: str = "pandas"):
    """A named table of any layer (summary, staged, clean, QA) as a pandas (default) or polars
    DataFrame. The year-partitioned panel's ``year`` loads as int32, as in every other table."""
    path = path_of(name)
    if engine == "pandas":
        import pandas as pd

        if path.is_dir():
            import pyarrow as pa
            import pyarrow.dataset as ds

            part = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
            return ds.dataset(path, format="parquet", partitioning=part).to_table().to_pandas()
        return pd.read_parquet(path)
    if engine == "polars":
        import polars as pl

        if path.is_dir():
            return pl.read_parquet(
                path / "**" / "*.parquet", hive_partitioning=True, hive_schema={"year": pl.Int32}
            )
        return pl.read_parquet(path)
    raise ValueError(f"engine must be 'pandas' or 'polars', not {engine!r}")
