"""The bundled sample PDF: generated reproducibly, and every paragraph imports cleanly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pymupdf
import pytest

from editor.core.extract import ocr
from editor.core.extract.api import import_documents
from editor.core.extract.pdf import extract_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "seed-sample.pdf"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample", ROOT / "resources" / "samples" / "make_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample"] = module
    spec.loader.exec_module(module)
    return module


make_sample = _load_generator()


@pytest.fixture(scope="module")
def sample_text_only():
    """The sample imported from its text layer alone (no OCR), as without Tesseract."""
    return extract_pdf(SAMPLE, ocr=False)


def test_sample_is_small_and_embeds_a_cjk_font():
    assert SAMPLE.stat().st_size < 1_000_000
    with pymupdf.open(SAMPLE) as doc:
        fonts = doc[0].get_fonts()
    assert any("Droid Sans Fallback" in f[3] and f[1] == "ttf" for f in fonts)


def test_every_chinese_paragraph_imports_exactly(sample_text_only):
    zh = [p.text for p in sample_text_only.of("zh")]
    assert zh == list(make_sample.ZH_PARAGRAPHS)


def test_every_english_paragraph_imports_exactly(sample_text_only):
    en = [p.text for p in sample_text_only.of("en")]
    assert en == [make_sample.TITLE, *make_sample.AUTHOR_EN, *make_sample.EN_PARAGRAPHS]


def test_sample_layout_is_chinese_left_columns(sample_text_only):
    assert sample_text_only.layout == "columns"
    assert sample_text_only.sources[0].extra["left_column"] == "zh"


def test_author_block_is_reported_as_garbage_not_imported(sample_text_only):
    codes = [w.code for w in sample_text_only.warnings]
    assert codes == ["garbled-text"]
    assert sample_text_only.warnings[0].page == 0
    everything = "".join(p.text for p in sample_text_only.paragraphs)
    assert "##4" not in everything


def test_paragraph_lines_map_to_rectangles_on_the_page(sample_text_only):
    first = sample_text_only.of("zh")[0]
    assert len(first.lines) == 4  # the paragraph is set over four lines
    assert first.lines[0].start == 0 and first.lines[-1].stop == len(first.text)
    for span in first.lines:
        x0, y0, x1, y1 = span.rect
        assert 0 <= x0 < x1 <= make_sample.PAGE_W / 2 and 0 <= y0 < y1 <= make_sample.PAGE_H
    tops = [span.rect[1] for span in first.lines]
    assert tops == sorted(tops)


def test_sentences_keep_one_rectangle_per_line():
    result = import_documents([SAMPLE])
    zh = [s.text for s in result.zh]
    en = [s.text for s in result.en]
    assert "簡單而言，「新質生產力」是以科技創新推動生產力，既戰略性地培育壯大新興產業，" \
           "亦同時升級改造傳統產業。" in zh
    assert ('In simple terms, "new quality productivity" refers to promoting productivity '
            "through technological innovation.") in en
    assert "National security is the cornerstone of Hong Kong's prosperity and stability." in en
    first = next(s for s in result.zh if s.text.startswith("全國兩會"))
    assert first.provenance is not None
    assert first.provenance.page == 0 and len(first.provenance.rects) == 4
    assert [s.id for s in result.en[:2]] == ["e0", "e1"]


def test_without_tesseract_the_warning_names_the_packages(monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    ocr.installed_languages.cache_clear()
    try:
        extraction = extract_pdf(SAMPLE)
    finally:
        ocr.installed_languages.cache_clear()
    unavailable = [w for w in extraction.warnings if w.code == "ocr-unavailable"]
    assert unavailable and "tesseract-ocr-chi-tra" in unavailable[0].message


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Chinese data not installed")
def test_with_tesseract_the_author_block_is_read_by_ocr():
    extraction = extract_pdf(SAMPLE)
    codes = {w.code for w in extraction.warnings}
    assert {"garbled-text", "ocr-used"} <= codes
    ocr_paragraphs = [p for p in extraction.paragraphs if p.ocr]
    assert len(ocr_paragraphs) == 1 and ocr_paragraphs[0].lang == "zh"
    assert "永嘉議員" in ocr_paragraphs[0].text


def test_generator_reproduces_the_same_text(tmp_path):
    out = make_sample.build(tmp_path / "again.pdf")
    with pymupdf.open(out) as again, pymupdf.open(SAMPLE) as bundled:
        assert again[0].get_text() == bundled[0].get_text()
