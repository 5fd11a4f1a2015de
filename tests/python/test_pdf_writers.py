"""Chinese PDFs as an office suite or a PDF library writes them are read: the PDF is written here
by reportlab (a writer that is not countypanel's) with its built-in Adobe-GB1 font STSong-Light,
which is not embedded and encodes text by the predefined CMap UniGB-UCS2-H."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyarrow.parquet as pq
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from project import BIN, new_project


# A bulletin of my own wording with two pages; the figures are the kind a county bulletin holds.
PAGES = [
    [
        "嘉鱼县2021年国民经济和社会发展统计公报",
        "嘉鱼县统计局",
        "2022年3月20日",
        "一、综合",
        "全年地区生产总值增长8.1%。",
    ],
    [
        "十、卫生健康",
        "年末全县共有医疗卫生机构215个，其中医院9个。",
        "卫生技术人员2150人，医疗卫生机构床位1830张。",
    ],
]


def write_pdf(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for page in PAGES:
        c.setFont("STSong-Light", 12)
        y = 780
        for line in page:
            c.drawString(60, y, line)
            y -= 22
        c.showPage()
    c.save()


def test_a_pdf_in_a_predefined_chinese_cmap_gives_its_facts_and_pages(tmp_path: Path):
    raw = new_project(tmp_path)
    write_pdf(raw / "jiayu_2021.pdf")
    out = subprocess.run([str(BIN), "ingest"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rejects = pq.read_table(tmp_path / "data/qa/ingest_rejects.parquet").to_pandas()
    assert rejects.empty, rejects
    facts = pq.read_table(tmp_path / "data/staged/facts.parquet").to_pandas()
    got = {
        (r.indicator_id, r.value, int(r.year), r.region_code, int(r.page))
        for r in facts.itertuples()
        if r.indicator_id in ("medical_institutions", "hospitals", "health_technicians", "hospital_beds")
    }
    assert got == {
        ("medical_institutions", 215.0, 2021, "421221", 2),
        ("hospitals", 9.0, 2021, "421221", 2),
        ("health_technicians", 2150.0, 2021, "421221", 2),
        ("hospital_beds", 1830.0, 2021, "421221", 2),
    }, facts[["indicator_id", "value", "year", "region_code", "page", "evidence"]]
