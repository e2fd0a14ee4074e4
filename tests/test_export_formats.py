"""XLIFF, XLSX, HTML, DOCX and PDF exports read back by standard, independent readers."""

from __future__ import annotations

import csv
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pymupdf
import pytest
from export_helpers import HOSTILE_EN, HOSTILE_ZH, hostile_bitext, sample_bitext
from translate.storage import xliff as tt_xliff

from editor.core.export import ExportOptions, export_bitext, read_bitext
from editor.core.export.common import clean
from editor.core.export.docx import cjk_font

NS2 = "{urn:oasis:names:tc:xliff:document:2.0}"
HOSTILE_PAIRS = [(clean(z), clean(e)) for z, e in zip(HOSTILE_ZH, HOSTILE_EN, strict=True)]


def _libreoffice_convert(source: Path, to: str) -> Path:
    """``source`` converted by headless LibreOffice into its own folder (``to``: a
    ``--convert-to`` filter); skips the test where LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = source.parent  # also holds a private LibreOffice profile
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'lo'}", "--headless",
                    "--convert-to", to, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return source.with_suffix("." + to.split(":")[0])


# -- XLIFF --------------------------------------------------------------------------

def test_xliff12_read_by_translate_toolkit(tmp_path: Path) -> None:
    out = tmp_path / "doc.xlf"
    export_bitext(sample_bitext(), out, "xliff", ExportOptions(source_lang="en"))
    with out.open("rb") as handle:
        store = tt_xliff.xlifffile(handle)
    assert store.getsourcelanguage() == "en-US" and store.gettargetlanguage() == "zh-TW"
    units = store.units
    assert len(units) == 5  # one unit per link, unpaired included
    assert units[0].source == "The HKSAR Government announced measures today."
    assert units[0].target == "香港特別行政區政府今日公布新措施。"
    assert units[0].isapproved() and not units[1].isapproved()
    assert "checked by 陳" in units[0].getnotes()
    assert units[2].source == "" and units[3].target in ("", None)


def test_xliff12_hostile_text(tmp_path: Path) -> None:
    out = tmp_path / "h.xlf"
    export_bitext(hostile_bitext(), out, "xliff")
    with out.open("rb") as handle:
        store = tt_xliff.xlifffile(handle)
    assert [(u.source, u.target) for u in store.units] == HOSTILE_PAIRS


def test_xliff21_structure(tmp_path: Path) -> None:
    out = tmp_path / "doc.xlf"
    export_bitext(sample_bitext(), out, "xliff", ExportOptions(xliff_version="2.1"))
    root = ET.parse(out).getroot()
    assert root.tag == NS2 + "xliff" and root.get("version") == "2.1"
    assert (root.get("srcLang"), root.get("trgLang")) == ("zh-TW", "en-US")
    units = root.findall(f"{NS2}file/{NS2}unit")
    assert len(units) == 5
    states = [u.find(f"{NS2}segment").get("state") for u in units]  # type: ignore[union-attr]
    assert states == ["final", "translated", "initial", "translated", "final"]
    first = units[0]
    assert [c.tag for c in first] == [NS2 + "notes", NS2 + "segment"]  # notes first
    assert first.findtext(f"{NS2}notes/{NS2}note") == "checked by 陳"
    assert first.findtext(f"{NS2}segment/{NS2}target") == (
        "The HKSAR Government announced measures today.")


def test_xliff21_hostile_text(tmp_path: Path) -> None:
    out = tmp_path / "h.xlf"
    export_bitext(hostile_bitext(), out, "xliff", ExportOptions(xliff_version="2.1"))
    segments = ET.parse(out).getroot().iter(NS2 + "segment")
    assert [(s.findtext(NS2 + "source"), s.findtext(NS2 + "target"))
            for s in segments] == HOSTILE_PAIRS


@pytest.mark.parametrize("version", ["1.2", "2.1"])
@pytest.mark.parametrize("source", ["zh", "en"])
def test_xliff_round_trip_through_our_reader(tmp_path: Path, version: str, source: str) -> None:
    out = tmp_path / "doc.xliff"
    bt = sample_bitext()
    export_bitext(bt, out, "xliff", ExportOptions(xliff_version=version,  # type: ignore[arg-type]
                                                  source_lang=source))  # type: ignore[arg-type]
    back = read_bitext(out)
    assert [("".join(back.texts(k, "zh")), " ".join(back.texts(k, "en")), k.status, k.note)
            for k in back.links] == [
        ("".join(bt.texts(k, "zh")), " ".join(bt.texts(k, "en")), k.status, k.note)
        for k in bt.links]
    assert back.sources[0].languages == ("zh-TW", "en-US")


def test_xliff_reader_accepts_cat_tool_markup(tmp_path: Path) -> None:
    out = tmp_path / "trados.xlf"
    out.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
        'source-language="en-GB" target-language="zh-HK" datatype="x"><body>'
        '<group><trans-unit id="a"><source>Press <g id="1">OK</g><x id="2"/>.</source>'
        '<target state="signed-off">按<g id="1">確定</g><x id="2"/>。</target>'
        "</trans-unit></group></body></file></xliff>", encoding="utf-8")
    back = read_bitext(out)
    link = back.links[0]
    assert (back.texts(link, "zh"), back.texts(link, "en"), link.status) == (
        ["按確定。"], ["Press OK."], "confirmed")


# -- XLSX ---------------------------------------------------------------------------

def test_xlsx_read_by_openpyxl(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export_bitext(sample_bitext(), out, "xlsx", ExportOptions(link_numbers=True))
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["#", "zh", "en", "status", "confidence", "note"]
    assert rows[1] == [1, "香港特別行政區政府今日公布新措施。",
                       "The HKSAR Government announced measures today.", "confirmed", 0.9,
                       "checked by 陳"]
    assert rows[4][1:3] == [None, "An English sentence with no Chinese counterpart."]


def test_xlsx_never_writes_formulas(tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    export_bitext(hostile_bitext(), out, "xlsx")
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row[:2]]
    assert all(c.data_type == "s" for c in cells)
    assert [(a.value, b.value) for a, b in zip(cells[::2], cells[1::2], strict=True)] == (
        HOSTILE_PAIRS)


def test_xlsx_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    bt = sample_bitext()
    export_bitext(bt, out, "xlsx")
    back = read_bitext(out)
    assert [(link.status, link.note, link.confidence) for link in back.links] == [
        (link.status, link.note, link.confidence) for link in bt.links]
    assert back.texts(back.links[1], "zh") == ["措施包括三個部分：第一，支援創新科技。"]


@pytest.mark.slow
def test_xlsx_opens_in_libreoffice_calc(tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    export_bitext(hostile_bitext(), out, "xlsx")
    converted = _libreoffice_convert(out, "csv:Text - txt - csv (StarCalc):44,34,76")
    if not converted.exists():
        pytest.skip("LibreOffice Calc is not installed (package libreoffice-calc)")
    with converted.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert [(row[0], row[1]) for row in table[1:]] == HOSTILE_PAIRS  # formulas stay text


# -- HTML ---------------------------------------------------------------------------

class _Cells(HTMLParser):
    """Collects the text of each ``div.cell`` / ``div.note`` and notes any <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[tuple[str, str]] = []
        self.scripts = 0
        self._open: list[str] | None = None
        self._lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.scripts += tag == "script"
        if tag == "div" and (found.get("class") or "x").split()[0] in ("cell", "note"):
            self._open, self._lang = [], found.get("lang") or "note"

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._open is not None:
            self.cells.append((self._lang, "".join(self._open)))
            self._open = None


def test_html_escapes_everything(tmp_path: Path) -> None:
    out = tmp_path / "h.html"
    export_bitext(hostile_bitext(), out, "html", ExportOptions(title="<script>t</script>"))
    parser = _Cells()
    parser.feed(out.read_text(encoding="utf-8"))
    assert parser.scripts == 0
    texts = [text for lang, text in parser.cells if lang != "note"]
    assert list(zip(texts[::2], texts[1::2], strict=True)) == HOSTILE_PAIRS
    assert ("note", clean("<note> & ]]> \x01")) in parser.cells


def test_html_is_responsive_and_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "s.html"
    export_bitext(sample_bitext(), out, "html", ExportOptions(column_order="en-zh"))
    page = out.read_text(encoding="utf-8")
    assert 'name="viewport"' in page and "@media (max-width" in page
    assert "<link" not in page and "src=" not in page
    parser = _Cells()
    parser.feed(page)
    assert parser.cells[0] == ("en-US", "The HKSAR Government announced measures today.")
    assert parser.cells[1] == ("zh-TW", "香港特別行政區政府今日公布新措施。")


# -- DOCX ---------------------------------------------------------------------------

def test_docx_read_by_python_docx(tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    export_bitext(sample_bitext(), out, "docx",
                  ExportOptions(title="季度報告", link_numbers=True))
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "季度報告"
    assert document.core_properties.title == "季度報告"
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["#", "中文 (zh-TW)", "English (en-US)", "Note"]
    assert rows[2] == ["2", "措施包括三個部分：第一，支援創新科技。",
                       "The measures have three parts: first, support for innovation "
                       "and technology.", ""]
    assert rows[1][3] == "checked by 陳" and len(rows) == 6


def test_docx_sets_east_asian_font(tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    export_bitext(sample_bitext(), out, "docx", ExportOptions(zh_code="zh-CN"))
    document = docx.Document(str(out))
    run = document.tables[0].rows[1].cells[0].paragraphs[0].runs[0]
    fonts = run._r.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") \
        == "Microsoft YaHei"
    assert cjk_font("zh-Hant-HK") == "Microsoft JhengHei"


def test_docx_hostile_text(tmp_path: Path) -> None:
    out = tmp_path / "h.docx"
    export_bitext(hostile_bitext(), out, "docx")
    table = docx.Document(str(out)).tables[0]
    assert [(r.cells[0].text, r.cells[1].text) for r in table.rows[1:]] == HOSTILE_PAIRS


@pytest.mark.slow
def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    export_bitext(sample_bitext(), out, "docx")
    with pymupdf.open(_libreoffice_convert(out, "pdf")) as pdf:
        text = "".join(page.get_text() for page in pdf).replace("\n", "")
    assert "香港特別行政區政府今日公布新措施。" in text
    assert "「新質生產力」是重點。" in text


# -- PDF ----------------------------------------------------------------------------

def _pdf_text(path: Path) -> tuple[int, str, list[str]]:
    with pymupdf.open(path) as pdf:
        pages = [page.get_text(flags=0) for page in pdf]  # flags=0: ligatures expanded
        fonts = [f[3] for f in pdf.get_page_fonts(0)]
        return len(pages), "".join(pages), fonts


@pytest.mark.parametrize("layout", ["columns", "alternating"])
def test_pdf_text_extracts_back(tmp_path: Path, layout: str) -> None:
    out = tmp_path / "s.pdf"
    export_bitext(sample_bitext(), out, "pdf",
                  ExportOptions(pdf_layout=layout, title="雙語文件"))  # type: ignore[arg-type]
    _pages, text, fonts = _pdf_text(out)
    flat = text.replace("\n", "").replace(" ", "")
    assert "雙語文件" in flat and "1/1" in flat
    for zh in ("香港特別行政區政府今日公布新措施。", "「新質生產力」是重點。"):
        assert zh in flat
    assert "announcedmeasurestoday" in flat and "checkedby陳" in flat
    assert any("+" in name for name in fonts)  # subset fonts embedded


def test_pdf_long_project_paginates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core.export import pdf
    from editor.core.model import Bitext, make_sentences

    monkeypatch.setattr(pdf, "PART_PAGES", 4)  # several part files, joined in order

    n = 400
    zh = make_sentences("zh", [f"第{i}句中文內容。" for i in range(n)])
    en = make_sentences("en", [f"English sentence number {i}." for i in range(n)])
    bt = Bitext.from_beads(zh, en, [([i], [i]) for i in range(n)])
    out = tmp_path / "long.pdf"
    export_bitext(bt, out, "pdf", ExportOptions(link_numbers=True))
    pages, text, _fonts = _pdf_text(out)
    assert pages > 5 and f"{pages} / {pages}" in text
    for i in (0, 137, 399):
        assert f"第{i}句中文內容。" in text and f"English sentence number {i}." in text
    assert text.count("English (en-US)") == pages  # column labels on every page
    with pymupdf.open(out) as doc:
        assert [doc[k].get_text().strip().endswith(f"{k + 1} / {pages}")
                for k in range(pages)] == [True] * pages


def test_pdf_parallel_layout_joins_parts_in_order(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Long exports are laid out by worker processes; the joined file reads in order."""
    from editor.core.export import pdf
    from editor.core.model import Bitext, make_sentences

    monkeypatch.setattr(pdf, "_worker_count", lambda n_rows: 3)
    n = 90
    zh = make_sentences("zh", [f"第{i}句。" for i in range(n)])
    en = make_sentences("en", [f"Sentence {i}." for i in range(n)])
    bt = Bitext.from_beads(zh, en, [([i], [i]) for i in range(n)])
    out = tmp_path / "parallel.pdf"
    export_bitext(bt, out, "pdf", ExportOptions(title="平行"))
    pages, text, _fonts = _pdf_text(out)
    assert pages == 3 and text.count("平行") == 1 and "3 / 3" in text
    positions = [text.index(f"Sentence {i}.\n") for i in range(n)]
    assert positions == sorted(positions)


def test_pdf_draws_hong_kong_characters_missing_from_builtin_font(tmp_path: Path) -> None:
    """㗎 (Ext. A) and 𨋢 (Ext. B, HKSCS) are not in PyMuPDF's CJK font: a system font
    cut down to them is embedded, so they are drawn instead of left blank, and the
    text layer maps them back to the right characters."""
    from editor.core.export import fonts
    from editor.core.model import Bitext, make_sentences

    pytest.importorskip("fontTools", reason="fontTools is needed for fallback fonts")
    assert fonts.uncovered("搭𨋢到九龍塘㗎。\ue000") == "㗎𨋢"
    if not any((font := pymupdf.Font(fontfile=str(p))).has_glyph(0x35CE)
               and font.has_glyph(0x282E2) for p in fonts.candidate_files()):
        pytest.skip("no installed font has HKSCS characters (e.g. fonts-noto-cjk)")
    zh = make_sentences("zh", ["搭𨋢到九龍塘㗎。"])
    en = make_sentences("en", ["Take the lift to Kowloon Tong."])
    out = tmp_path / "hk.pdf"
    export_bitext(Bitext.from_beads(zh, en, [([0], [0])]), out, "pdf",
                  ExportOptions(zh_code="zh-HK"))
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        assert "搭𨋢到九龍塘㗎。" in page.get_text()  # copyable: U+282E2 survives
        embedded = [f[3] for f in pdf.get_page_fonts(0)]
    assert any("+" in name and "Droid" not in name and "Nimbus" not in name
               for name in embedded)  # the subset fallback font


def test_pdf_hostile_text(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    export_bitext(hostile_bitext(), out, "pdf")
    _pages, text, _fonts = _pdf_text(out)
    flat = text.replace("\n", "")
    assert "<script>alert('x')</script>" in flat and "甲&乙]]>丙" in flat


def test_pdf_page_numbers_are_centred(tmp_path: Path) -> None:
    """Labels of every length ("9 / 12", "10 / 12") sit in the middle of the page."""
    from editor.core.model import Bitext, make_sentences

    n = 200
    zh = make_sentences("zh", [f"第{i}句中文內容，這是一個較長的句子。" for i in range(n)])
    en = make_sentences("en", [f"English sentence number {i}, long enough to wrap once or "
                               "twice in its column." for i in range(n)])
    out = tmp_path / "numbered.pdf"
    export_bitext(Bitext.from_beads(zh, en, [([i], [i]) for i in range(n)]), out, "pdf",
                  ExportOptions())
    with pymupdf.open(out) as doc:
        assert doc.page_count >= 10
        for page in doc:
            label = f"{page.number + 1} / {doc.page_count}"
            box = page.search_for(label)[-1]
            assert abs((box.x0 + box.x1) / 2 - page.rect.width / 2) < 1.0, label
