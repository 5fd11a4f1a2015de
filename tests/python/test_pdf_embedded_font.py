"""A Chinese PDF as word processors export it: the text in a TrueType font embedded in the file
(a Type0 font, Identity-H encoding, a ToUnicode map), written here by fpdf2, a PDF library that
is not countypanel's. The font is made by the test with fontTools: a glyph (a plain box) for
each character the document uses, so no CJK font need be installed. One page holds prose, the
next a table whose columns are only spaced apart, as a bulletin's 表 are; the table's cells must
become facts with their page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyarrow.parquet as pq
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf import FPDF

from project import BIN, new_project


# A bulletin of my own wording; the figures are the kind a county health bulletin holds.
PROSE = [
    "嘉鱼县2021年卫生健康事业发展统计公报",
    "嘉鱼县卫生健康局",
    "2021年，全县孕产妇系统管理率达到92.5%。",
]
CAPTION = "表1 2021年全县卫生资源"
TABLE = [
    ["指标名称", "单位", "数量", "比上年增长(%)"],
    ["医疗卫生机构", "个", "215", "1.4"],
    ["医疗卫生机构床位数", "张", "1830", "4.2"],
    ["卫生技术人员", "人", "2150", "3.4"],
]


def make_font(path: Path, text: str) -> None:
    """A TrueType font with a box glyph for every character of `text`: full width for Chinese,
    half width for the rest."""
    chars = sorted(set(text) - {" "})
    names = [".notdef", "space"] + [f"u{ord(c):04X}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({32: "space", **{ord(c): f"u{ord(c):04X}" for c in chars}})
    glyphs, metrics = {}, {}
    for name, c in zip(names, [None, " "] + chars):
        width = 1000 if c and ord(c) > 0x2E80 else 500
        pen = TTGlyphPen(None)
        if c not in (None, " "):
            pen.moveTo((50, 0))
            pen.lineTo((50, 700))
            pen.lineTo((width - 50, 700))
            pen.lineTo((width - 50, 0))
            pen.closePath()
        glyphs[name] = pen.glyph()
        metrics[name] = (width, 50)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "BoxSong", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(str(path))


def write_pdf(path: Path, font: Path) -> None:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("BoxSong", fname=str(font))
    pdf.set_font("BoxSong", size=12)
    pdf.add_page()
    for k, line in enumerate(PROSE):
        pdf.text(60, 80 + 22 * k, line)
    pdf.add_page()
    pdf.text(60, 80, CAPTION)
    columns = [60, 250, 330, 420]
    for k, row in enumerate(TABLE):
        for x, cell in zip(columns, row):
            pdf.text(x, 110 + 22 * k, cell)
    pdf.output(str(path))


def test_an_embedded_font_pdf_gives_its_prose_and_table_facts_with_pages(tmp_path: Path):
    raw = new_project(tmp_path)
    font = tmp_path / "boxsong.ttf"
    make_font(font, "".join(PROSE) + CAPTION + "".join("".join(r) for r in TABLE))
    pdf = raw / "jiayu_health_2021.pdf"
    write_pdf(pdf, font)
    assert b"/FontFile2" in pdf.read_bytes(), "the font is embedded"
    out = subprocess.run([str(BIN), "ingest"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rejects = pq.read_table(tmp_path / "data/qa/ingest_rejects.parquet").to_pandas()
    assert rejects.empty, rejects
    facts = pq.read_table(tmp_path / "data/staged/facts.parquet").to_pandas()
    shown = facts[["indicator_id", "value", "unit", "year", "region_code", "page", "rule", "evidence"]]
    got = {
        (r.indicator_id, r.value, r.unit, int(r.year), r.region_code, int(r.page), r.rule)
        for r in facts.itertuples()
        if r.indicator_id is not None
    }
    assert {
        ("medical_institutions", 215.0, "institution", 2021, "421221", 2, "table_cell"),
        ("hospital_beds", 1830.0, "bed", 2021, "421221", 2, "table_cell"),
        ("health_technicians", 2150.0, "person", 2021, "421221", 2, "table_cell"),
    } <= got, shown
    assert any(r.value == 92.5 and int(r.page) == 1 for r in facts.itertuples()), shown
    # The growth column is read as changes, not as levels of the indicators.
    growth = facts[facts.value.isin([1.4, 4.2, 3.4])]
    assert len(growth) == 3 and growth.change.all(), shown
