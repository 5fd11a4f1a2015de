"""report.html in a real browser: headless Chromium renders the page, and the Chinese of its title
comes out as glyphs, not as boxes.

How boxes are told from glyphs: two different runs of Chinese characters from the page's title
are rendered with the page's own style sheet. Rendered as glyphs, the two pictures differ; a
browser without a font for them draws the same box for every character, and the two pictures
are identical. The same probe, run once more with fontconfig limited to a Latin-only font folder,
must see boxes: that shows the probe can tell.

Chromium is not needed to build or use countypanel. Without it this test is skipped with one
line, unless COUNTYPANEL_REQUIRE_BROWSER is set (`make report-check` installs Chromium and a CJK
font and sets it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "data" / "summary" / "report.html"


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("COUNTYPANEL_REQUIRE_BROWSER"):
        pytest.fail("COUNTYPANEL_REQUIRE_BROWSER is set and no Chromium is installed")
    pytest.skip("no Chromium installed; `make report-check` installs it")


def screenshot(chrome: str, page: Path, png: Path, size: str, env: dict | None = None) -> Image.Image:
    run = subprocess.run(
        [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={size}", f"--screenshot={png}", page.as_uri()],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert run.returncode == 0 and png.is_file(), run.stderr[-2000:]
    return Image.open(png).convert("L")


def ink(img: Image.Image) -> int:
    """Dark pixels: something was drawn."""
    return sum(img.histogram()[:128])


def probe(chrome: str, style: str, texts: list[str], tmp: Path, env: dict | None = None) -> list[Image.Image]:
    images = []
    for k, text in enumerate(texts):
        page = tmp / f"probe{k}.html"
        page.write_text(
            f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{style}</style>'
            f"</head><body><h1>{text}</h1></body></html>",
            encoding="utf-8",
        )
        images.append(screenshot(chrome, page, tmp / f"probe{k}.png", "600,120", env))
    return images


def test_the_report_renders_its_chinese_as_glyphs_in_chromium(tmp_path: Path):
    chrome = browser()
    html = REPORT.read_text(encoding="utf-8")
    # The whole page renders, with something on it.
    page = screenshot(chrome, REPORT, tmp_path / "report.png", "1200,900")
    assert ink(page) > 1000, "the report rendered blank"
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    title = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    chinese = [c for c in title if "\u4e00" <= c <= "\u9fff"]
    assert len(chinese) >= 8, title
    texts = ["".join(chinese[:4]), "".join(chinese[4:8])]

    first, second = probe(chrome, style, texts, tmp_path)
    assert ink(first) > 0 and ink(second) > 0, "nothing drawn"
    assert ImageChops.difference(first, second).getbbox() is not None, (
        f"{texts[0]} and {texts[1]} render identically: boxes, not glyphs"
    )

    # The probe itself: with fontconfig limited to fonts without Chinese, it must see boxes.
    latin = next((d for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu") if Path(d).is_dir()), None)
    if latin is None:
        return
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{latin}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    boxed = probe(chrome, style, texts, tmp_path, {**os.environ, "FONTCONFIG_FILE": str(conf)})
    assert ImageChops.difference(*boxed).getbbox() is None, "the probe cannot tell boxes from glyphs"
