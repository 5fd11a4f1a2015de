"""A legacy Excel workbook (.xls, as old bureau files and WPS spreadsheets are saved) is read as a
yearbook table: the workbook is written here by xlwt, a writer that is not countypanel's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import xlwt

from project import BIN, new_project


def project(tmp: Path) -> Path:
    new_project(tmp, "data/raw/sample/yearbook")
    return tmp


def workbook(rows, path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("床位")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    book.save(str(path))


def test_an_xls_and_a_wps_et_workbook_are_read_as_tables(tmp_path: Path):
    p = project(tmp_path)
    head = ("year", "province", "county", "hospital_beds")
    yearbook = p / "data/raw/sample/yearbook"
    workbook([head, (2019, "湖北省", "嘉鱼县", 1520), (2020, "湖北省", "嘉鱼县", 1580)], yearbook / "beds.xls")
    # WPS saves spreadsheets as .et, in the same container as .xls.
    workbook([head, (2021, "湖北省", "嘉鱼县", 1610)], yearbook / "beds_wps.et")
    (yearbook / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    out = subprocess.run([str(BIN), "ingest"], cwd=p, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    facts = pq.read_table(p / "data/staged/facts.parquet").to_pandas()
    beds = facts[facts.indicator_id == "hospital_beds"]
    got = sorted(zip(beds.year.astype(int), beds.value, beds.region_code))
    assert got == [(2019, 1520.0, "421221"), (2020, 1580.0, "421221"), (2021, 1610.0, "421221")], got
    rejects = pq.read_table(p / "data/qa/ingest_rejects.parquet").to_pandas()
    doc = rejects[rejects.source_path.str.endswith("notes.doc")]
    # Compound-file magic with nothing behind it: a broken Word 97-2003 file, said so.
    assert list(doc.reason) == ["malformed_doc"] and "DOCX" in doc.detail.iloc[0], rejects
