"""`countypanel export` writes a workbook and CSV files that a reader other than countypanel's
opens with the right sheets, headers and values: openpyxl for the workbook, pandas for the CSV.

Run by `make test` after the pipeline has run on the bundled sample."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq

from project import BIN, ROOT

SUMMARY = ROOT / "data" / "summary"


def test_the_workbook_and_the_csv_files_hold_the_tables(tmp_path: Path):
    xlsx, csv_dir = tmp_path / "panel.xlsx", tmp_path / "csv"
    out = subprocess.run(
        [str(BIN), "export", "--xlsx", str(xlsx), "--csv", str(csv_dir)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr

    book = openpyxl.load_workbook(xlsx, read_only=True)
    assert book.sheetnames[:5] == [
        "宽面板 panel_wide", "长面板 panel_long", "比较 comparison", "目标 targets", "覆盖 coverage",
    ], book.sheetnames
    assert "来源 sources" in book.sheetnames
    rows = list(book["长面板 panel_long"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:3] == ("地区代码 region_code", "地区 region_name", "层级 region_level"), header
    long = pq.read_table(SUMMARY / "panel_long.parquet").to_pandas()
    assert len(body) == len(long)
    col = {h.split(" ")[-1]: i for i, h in enumerate(header)}
    first = long.iloc[0]
    assert body[0][col["region_code"]] == first.region_code
    assert body[0][col["year"]] == first.year
    assert abs(body[0][col["value"]] - first.value) < 1e-9

    wide_header = next(book["宽面板 panel_wide"].iter_rows(values_only=True))
    assert "家庭医生签约服务覆盖率（%） family_doctor_signing_rate" in wide_header, wide_header

    csv_long = pd.read_csv(csv_dir / "panel_long.csv", encoding="utf-8", dtype={0: str})
    assert (csv_dir / "panel_long.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert csv_long.columns[0] == "\ufeff地区代码 region_code" or csv_long.columns[0] == "地区代码 region_code"
    assert len(csv_long) == len(long)
    empty = pd.read_csv(csv_dir / "quarantine.csv", encoding="utf-8-sig")
    assert "规则 rule" in empty.columns
