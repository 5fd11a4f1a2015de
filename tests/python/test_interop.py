"""The Parquet outputs open cleanly in pyarrow, pandas, polars and DuckDB, with the types the
contracts promise; the README's loading snippet and the example notebook run.

Run by `make test` after the pipeline has run on the bundled sample."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow
import pyarrow.dataset
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SUMMARY = DATA / "summary"
OUTPUTS = sorted(
    p for layer in ("staged", "clean", "qa", "summary") for p in (DATA / layer).rglob("*.parquet")
)


def test_outputs_exist():
    names = {p.name for p in OUTPUTS}
    for expected in ("documents.parquet", "facts.parquet", "observations.parquet", "panel_wide.parquet"):
        assert expected in names, f"{expected} missing: run `make` first"


@pytest.mark.parametrize("path", OUTPUTS, ids=lambda p: str(p.relative_to(DATA)))
def test_every_output_has_contract_metadata_and_no_int96(path: Path):
    f = pq.ParquetFile(path)
    meta = {k.decode(): v.decode() for k, v in (f.metadata.metadata or {}).items()}
    assert meta.get("countypanel.contract"), f"{path}: no contract name"
    assert meta.get("countypanel.contract_version", "").isdigit()
    for i in range(f.metadata.num_columns):
        assert f.metadata.schema.column(i).physical_type != "INT96", f"{path}: INT96 column"
    schema = f.schema_arrow
    if "region_code" in schema.names:
        assert pa.types.is_string(schema.field("region_code").type) or pa.types.is_large_string(
            schema.field("region_code").type
        )
    if "year" in schema.names:
        assert pa.types.is_integer(schema.field("year").type)


def test_declared_labels_are_dictionary_encoded_and_dates_are_dates():
    facts = pq.read_schema(DATA / "staged" / "facts.parquet")
    for label in ("unit", "qualifier", "kind", "rule"):
        assert pa.types.is_dictionary(facts.field(label).type), label
    docs = pq.read_schema(DATA / "staged" / "documents.parquet")
    assert docs.field("published").type == pa.date32()
    assert facts.field("as_of").type == pa.date32()


def test_pandas_reads_the_wide_panel_with_string_codes_and_integer_years():
    wide = pd.read_parquet(SUMMARY / "panel_wide.parquet")
    assert pd.api.types.is_string_dtype(wide["region_code"])
    assert pd.api.types.is_integer_dtype(wide["year"])
    assert not wide.duplicated(["region_code", "year"]).any()
    meta = pq.read_metadata(SUMMARY / "panel_wide.parquet").metadata
    assert b'"family_doctor_signing_rate":"percent"' in meta[b"countypanel.units"]


def test_polars_types():
    obs = pl.read_parquet(DATA / "clean" / "observations.parquet")
    assert obs.schema["region_code"] == pl.String
    assert obs.schema["year"] == pl.Int32
    assert obs.schema["fact_ids"] == pl.List(pl.String)
    docs = pl.read_parquet(DATA / "staged" / "documents.parquet")
    assert docs.schema["published"] == pl.Date


def test_duckdb_types_and_the_year_partitioned_dataset():
    con = duckdb.connect()
    wide = str(SUMMARY / "panel_wide.parquet")
    types = con.execute(f"SELECT typeof(region_code), typeof(year) FROM read_parquet('{wide}') LIMIT 1").fetchone()
    assert types == ("VARCHAR", "INTEGER")
    long_rows = con.execute(f"SELECT count(*) FROM read_parquet('{SUMMARY / 'panel_long.parquet'}')").fetchone()[0]
    parts = str(SUMMARY / "panel_long_by_year" / "*" / "*.parquet")
    got = con.execute(
        f"SELECT count(*), count(DISTINCT year), min(year) FROM read_parquet('{parts}', hive_partitioning = true)"
    ).fetchone()
    assert got[0] == long_rows and got[1] >= 3 and got[2] >= 2019
    # A comparison query over the partitioned dataset: counties ranked by sign-up coverage in 2021.
    top = con.execute(
        f"""SELECT region_name, value FROM read_parquet('{parts}', hive_partitioning = true)
            WHERE year = 2021 AND indicator_id = 'family_doctor_signing_rate' AND kind = 'actual'
              AND region_level = 'county'
            ORDER BY value DESC LIMIT 1"""
    ).fetchone()
    assert top is not None


def test_pandas_reads_the_partitioned_year_as_an_integer_as_the_readme_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'partitioning=pyarrow.dataset.partitioning(pyarrow.schema([("year", pyarrow.int32())]), flavor="hive")' in readme
    parts = pd.read_parquet(
        SUMMARY / "panel_long_by_year",
        partitioning=pyarrow.dataset.partitioning(pyarrow.schema([("year", pyarrow.int32())]), flavor="hive"),
    )
    assert pd.api.types.is_integer_dtype(parts["year"].dtype), parts["year"].dtype
    assert len(parts) == len(pd.read_parquet(SUMMARY / "panel_long.parquet"))


def test_the_readme_snippets_run(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("Loading the summary", 1)[1]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)[:3]
    assert len(blocks) == 3
    monkeypatch.chdir(ROOT)
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})


def test_the_load_helper_reads_tables_by_name():
    sys.path.insert(0, str(ROOT / "notebooks"))
    helper = runpy.run_path(str(ROOT / "notebooks" / "countypanel_outputs.py"))
    wide = helper["load"]("panel_wide")
    assert len(wide) > 0
    parts = helper["load"]("panel_long_by_year", "polars")
    assert "year" in parts.columns
    with pytest.raises(KeyError):
        helper["load"]("no_such_table")


def test_the_load_helper_reaches_every_table_of_every_layer_with_integer_years():
    helper = runpy.run_path(str(ROOT / "notebooks" / "countypanel_outputs.py"))
    names = set(helper["catalog"]())
    assert {"facts", "documents", "observations", "quarantine", "conflicts", "ingest_rejects",
            "suspect", "panel_long", "panel_long_by_year"} <= names, names
    for name in sorted(names):
        for engine in ("pandas", "polars"):
            df = helper["load"](name, engine)
            if "year" not in df.columns:
                continue
            if engine == "pandas":
                assert pd.api.types.is_integer_dtype(df["year"].dtype), (name, df["year"].dtype)
            else:
                assert df["year"].dtype == pl.Int32, (name, df["year"].dtype)


def test_the_notebook_runs_end_to_end():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / "county_comparison.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not any(o.get("output_type") == "error" for o in outputs)


@pytest.mark.parametrize(
    "path",
    [p for p in OUTPUTS if "_by_year" not in str(p)],
    ids=lambda p: str(p.relative_to(DATA)),
)
def test_schema_metadata_is_visible_and_year_loads_as_an_integer(path: Path):
    table = pq.read_table(path)
    meta = table.schema.metadata or {}
    assert b"countypanel.contract" in meta, f"{path}: the Arrow schema carries no metadata"
    if meta[b"countypanel.contract"] != b"panel_wide":
        described = [f.name for f in table.schema if (f.metadata or {}).get(b"description")]
        assert described == table.column_names, f"{path}: columns without a description"
    # Chinese names: the shared columns everywhere, and each indicator column of the wide panel
    # with its unit.
    named = {f.name: f.metadata[b"name_zh"].decode() for f in table.schema if (f.metadata or {}).get(b"name_zh")}
    for shared in {"region_code", "region_name", "year", "indicator_id", "value"} & set(table.column_names):
        assert shared in named, f"{path}: {shared} has no Chinese name"
    if meta[b"countypanel.contract"] == b"panel_wide":
        for f in table.schema:
            if f.name not in ("region_code", "region_name", "region_level", "year"):
                assert f.metadata[b"unit"] and f.metadata[b"name_zh"], f"{path}: {f.name}"
        assert named["hospital_beds"].endswith("（张）"), named
    if "year" in table.column_names:
        dtype = table.to_pandas()["year"].dtype
        assert pd.api.types.is_integer_dtype(dtype), f"{path}: year loads as {dtype} in pandas"
        assert pl.read_parquet(path)["year"].dtype == pl.Int32
