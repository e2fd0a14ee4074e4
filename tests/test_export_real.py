"""Exports of a real, gold-aligned novel chapter (MAC-Dev, ../shared/data; skipped when
absent): Simplified Chinese detected, the memory reads back as the gold alignment, and
every Chinese sentence comes back out of the PDF and the DOCX."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pymupdf
import pytest

from editor.core.export import ExportOptions, export_bitext, read_bitext
from editor.core.export.common import join_sentences
from editor.core.model import Bitext, make_sentences

pytestmark = pytest.mark.shared
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "mac-dev"


def gold_bitext(name: str) -> Bitext:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (real data lives in ../shared beside the clone)")
    zh = (SHARED / f"{name}.zh").read_text(encoding="utf-8").splitlines()
    en = (SHARED / f"{name}.en").read_text(encoding="utf-8").splitlines()
    beads = []
    for line in (SHARED / f"{name}.align").read_text(encoding="utf-8").splitlines():
        left, right = line.split(":")
        beads.append((json.loads(left), json.loads(right)))
    return Bitext.from_beads(make_sentences("zh", zh), make_sentences("en", en), beads)


def joined(bt: Bitext) -> list[tuple[str, str]]:
    return [(join_sentences(bt.texts(k, "zh"), "zh"), join_sentences(bt.texts(k, "en"), "en"))
            for k in bt.links]


def test_memory_round_trip_matches_gold(tmp_path: Path) -> None:
    bt = gold_bitext("001")
    out = tmp_path / "001.tmx"
    export_bitext(bt, out, "tmx")
    back = read_bitext(out)
    assert back.sources[0].languages == ("zh-CN", "en-US")  # Simplified detected
    assert joined(back) == [pair for pair in joined(bt) if pair[0] and pair[1]]


def test_every_chinese_sentence_survives_pdf_and_docx(tmp_path: Path) -> None:
    bt = gold_bitext("002")
    pdf_out, docx_out = tmp_path / "002.pdf", tmp_path / "002.docx"
    export_bitext(bt, pdf_out, "pdf", ExportOptions(title="MAC-Dev 002"))
    export_bitext(bt, docx_out, "docx")
    with pymupdf.open(pdf_out) as pdf:
        text = "".join(page.get_text(flags=0) for page in pdf)
        size_per_page = pdf_out.stat().st_size / pdf.page_count
    flat = "".join(text.split())
    sentences = [s.text for s in bt.ordered_sentences("zh")]
    assert [s for s in sentences if "".join(s.split()) not in flat] == []
    assert size_per_page < 60_000  # fonts subset, not embedded whole
    cells = {row.cells[0].text for row in docx.Document(str(docx_out)).tables[0].rows}
    assert all(join_sentences(bt.texts(k, "zh"), "zh") in cells for k in bt.links if k.zh)
