"""PDF import: layouts, clean text, diagnostics and bad input, on made-up and real PDFs."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pymupdf
import pytest

from editor.core.errors import InputError
from editor.core.extract import ocr
from editor.core.extract.api import import_documents, run_with_timeout
from editor.core.extract.diagnostics import score_text
from editor.core.extract.pdf import (
    ImportCancelled,
    PageText,
    build_extraction,
    extract_pdf,
)
from editor.core.extract.pdf_layout import join_lines
from editor.core.extract.pdf_lines import TextLine, clean_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
FIXTURES = SHARED / "fixtures"
SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "seed-sample.pdf"

ZH = ["第一段中文內容，說明這份文件的目的與範圍，並介紹主要的背景資料。",
      "第二段中文內容，討論具體的實施方法，以及各方面需要注意的事項。",
      "第三段中文內容，總結前文所述的要點，並提出未來的發展方向與建議。"]
EN = ["The first English paragraph explains the purpose and the scope of this document and "
      "introduces the main background.",
      "The second English paragraph discusses the concrete methods of implementation and "
      "what needs attention in each area.",
      "The third English paragraph sums up the points made above and proposes directions "
      "and recommendations for the future."]


# -- building test PDFs ----------------------------------------------------------------

def _wrap(text: str, width: float, font: pymupdf.Font, size: float) -> list[str]:
    lines, line = [], ""
    cjk = not text.isascii()
    for piece in (text if cjk else text.split()):
        candidate = line + piece if cjk else (f"{line} {piece}" if line else piece)
        if line and font.text_length(candidate, fontsize=size) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    return [*lines, line]


def make_pdf(path: Path, pages: Sequence[Sequence[tuple[float, float, float, str]]],
             *, size: float = 10, leading: float = 14, gap: float = 10) -> Path:
    """Each page: paragraphs as (x, y, width, text), wrapped; returns ``path``."""
    cjk, latin = pymupdf.Font("cjk"), pymupdf.Font("helv")
    doc = pymupdf.open()
    for paragraphs in pages:
        page = doc.new_page(width=595, height=842)
        writer = pymupdf.TextWriter(page.rect)
        for x, y, width, text in paragraphs:
            font = latin if text.isascii() else cjk
            for k, line in enumerate(_wrap(text, width, font, size)):
                writer.append((x, y + k * leading), line, font=font, fontsize=size)
        writer.write_text(page)
    doc.save(path)
    return path


def _stack(paragraphs: Sequence[str], x: float = 60, width: float = 470, top: float = 100,
           size: float = 10, leading: float = 14, gap: float = 10
           ) -> list[tuple[float, float, float, str]]:
    """Paragraphs one below the other, leaving ``gap`` points between them."""
    out, y = [], top
    cjk, latin = pymupdf.Font("cjk"), pymupdf.Font("helv")
    for text in paragraphs:
        out.append((x, y, width, text))
        font = latin if text.isascii() else cjk
        y += len(_wrap(text, width, font, size)) * leading + gap
    return out


def texts(extraction, lang):
    return [p.text for p in extraction.of(lang)]


# -- layouts -----------------------------------------------------------------------------

def test_alternating_paragraphs(tmp_path):
    order = [t for pair in zip(EN, ZH, strict=True) for t in pair]
    ex = extract_pdf(make_pdf(tmp_path / "alt.pdf", [_stack(order)]))
    assert ex.layout == "alternating"
    assert texts(ex, "zh") == ZH and texts(ex, "en") == EN
    assert [p.lang for p in ex.paragraphs] == ["en", "zh"] * 3


def test_two_alternating_pairs_are_not_halves(tmp_path):
    ex = extract_pdf(make_pdf(tmp_path / "two.pdf", [_stack([EN[0], ZH[0], EN[1], ZH[1]])]))
    assert ex.layout == "alternating"


def test_one_language_after_the_other(tmp_path):
    ex = extract_pdf(make_pdf(tmp_path / "seq.pdf", [_stack(ZH), _stack(EN)]))
    assert ex.layout == "sequential"
    assert texts(ex, "zh") == ZH and texts(ex, "en") == EN


def test_side_by_side_columns_english_left(tmp_path):
    page = [*_stack(EN, x=50, width=230), *_stack(ZH, x=310, width=230)]
    ex = extract_pdf(make_pdf(tmp_path / "cols.pdf", [page]))
    assert ex.layout == "columns"
    assert ex.sources[0].extra["left_column"] == "en"
    assert texts(ex, "zh") == ZH and texts(ex, "en") == EN


def test_borderline_language_mixture_is_flagged_uncertain(tmp_path):
    # about 29 % Chinese by weight: near the bilingual threshold, so the user is told
    ex = extract_pdf(make_pdf(tmp_path / "mixed.pdf", [_stack([*EN, *EN, ZH[0], ZH[1]])]))
    assert "layout-uncertain" in {w.code for w in ex.warnings}
    clear = extract_pdf(make_pdf(tmp_path / "clear.pdf", [_stack([*EN, *ZH])]))
    assert "layout-uncertain" not in {w.code for w in clear.warnings}


def test_bilingual_table_rows_are_cells(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    cjk, latin = pymupdf.Font("cjk"), pymupdf.Font("helv")
    writer = pymupdf.TextWriter(page.rect)
    terms = [("港元", "Hong Kong dollar"), ("立法會", "Legislative Council"),
             ("行政長官", "Chief Executive"), ("特別行政區", "Special Administrative Region")]
    for row, (zh, en) in enumerate(terms):
        top = 100 + row * 22
        page.draw_rect(pymupdf.Rect(60, top, 280, top + 22), width=0.5)
        page.draw_rect(pymupdf.Rect(280, top, 520, top + 22), width=0.5)
        writer.append((66, top + 15), zh, font=cjk, fontsize=10)
        writer.append((286, top + 15), en, font=latin, fontsize=10)
    writer.write_text(page)
    doc.save(tmp_path / "table.pdf")
    ex = extract_pdf(tmp_path / "table.pdf")
    assert ex.layout == "table"
    assert texts(ex, "zh") == [zh for zh, _ in terms]
    assert texts(ex, "en") == [en for _, en in terms]


def test_paragraph_continues_across_pages_without_running_heads(tmp_path):
    long_en = " ".join(EN * 6)
    wrapped = _wrap(long_en, 470, pymupdf.Font("helv"), 10)
    head, tail = " ".join(wrapped[:20]), " ".join(wrapped[20:])  # page 1 ends mid-sentence
    pages = []
    for k, body in enumerate([head, tail, EN[0], EN[1]]):
        pages.append([(60, 40, 470, "Annual Report 2024"), (60, 100, 470, body),
                      (280, 810, 100, f"Page {k + 1}")])
    ex = extract_pdf(make_pdf(tmp_path / "heads.pdf", pages))
    en = texts(ex, "en")
    assert en[0] == long_en
    assert not any("Annual Report" in t or t.startswith("Page") for t in en)
    first = ex.of("en")[0]
    assert {span.page for span in first.lines} == {0, 1}


def test_body_text_starting_every_page_is_kept_and_set_apart_heads_removed(tmp_path):
    """A page that simply starts with body text ("Article 3. ...", the same apart from
    the number on every page) keeps that line; a running head below the margin band,
    set apart from the body, is still left out."""
    def article(k: int) -> list[tuple[float, float, float, str]]:
        return [(60, 160, 470, f"Article {k + 1}. The Council shall meet."),
                (60, 178, 470, "Each member has one vote.")]

    plain = extract_pdf(make_pdf(tmp_path / "articles.pdf", [article(k) for k in range(4)]))
    en = " ".join(texts(plain, "en"))
    assert all(f"Article {k + 1}. The Council shall meet." in en for k in range(4))
    headed = extract_pdf(make_pdf(tmp_path / "headed.pdf", [
        [(60, 120, 470, f"Chapter {k + 1} of the Ordinance"), *article(k)] for k in range(4)]))
    en = " ".join(texts(headed, "en"))
    assert "Chapter" not in en and en.count("The Council shall meet.") == 4


def test_paragraph_continues_from_left_to_right_column(tmp_path):
    text = " ".join(EN * 4)
    lines = _wrap(text, 230, pymupdf.Font("helv"), 10)
    left, right = " ".join(lines[:15]), " ".join(lines[15:])
    ex = extract_pdf(make_pdf(tmp_path / "twocol.pdf", [[(50, 100, 230, left),
                                                          (310, 100, 230, right)]]))
    assert texts(ex, "en") == [text]
    assert ex.layout == "single"


def test_fake_bold_text_is_kept_once(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    for dx, dy in ((0, 0), (0.25, 0), (0, 0.25), (0.25, 0.25)):
        page.insert_text((72 + dx, 100 + dy), "Annual Report of the Company", fontsize=14)
    page.insert_text((72, 140), "Ordinary text drawn once.", fontsize=11)
    doc.save(tmp_path / "bold.pdf")
    ex = extract_pdf(tmp_path / "bold.pdf")
    assert texts(ex, "en") == ["Annual Report of the Company", "Ordinary text drawn once."]
    assert [w.code for w in ex.warnings] == ["repeated-text-removed"]


def test_rotated_text_is_reported_not_mixed_in(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Horizontal body text of the page.", fontsize=11)
    page.insert_text((500, 700), "CONFIDENTIAL DRAFT NOT FOR CIRCULATION", fontsize=11,
                     rotate=90)
    doc.save(tmp_path / "rotated.pdf")
    ex = extract_pdf(tmp_path / "rotated.pdf")
    assert texts(ex, "en") == ["Horizontal body text of the page."]
    assert [w.code for w in ex.warnings] == ["rotated-text-skipped"]


# -- clean text --------------------------------------------------------------------------

def _line(text: str, y: float, page: int = 0) -> TextLine:
    return TextLine(page, (50.0, y, 300.0, y + 10), text, 10.0, y + 8, 0)


def test_line_joining_rules():
    text, spans = join_lines([_line("這是中文的第一行，", 0), _line("接着是第二行。", 14)], set())
    assert text == "這是中文的第一行，接着是第二行。"
    assert [(s.start, s.stop) for s in spans] == [(0, 9), (9, 16)]
    assert join_lines([_line("a long docu-", 0), _line("ment here", 14)], set())[0] == \
        "a long document here"
    kept = join_lines([_line("the high-", 0), _line("tech sector", 14)], {"high-tech"})[0]
    assert kept == "the high-tech sector"
    assert join_lines([_line("Hong Kong-", 0), _line("Shenzhen park", 14)], set())[0] == \
        "Hong Kong-Shenzhen park"
    assert join_lines([_line("see the", 0), _line("next line", 14)], set())[0] == \
        "see the next line"


def test_line_spans_shrink_when_a_hyphen_is_dropped():
    text, spans = join_lines([_line("a docu-", 0), _line("ment", 14)], set())
    assert text == "a document"
    assert [(s.start, s.stop) for s in spans] == [(0, 6), (6, 10)]


def test_clean_text_expands_ligatures_and_drops_soft_hyphens():
    assert clean_text("e\ufb03cient  de\u00adsign") == "efficient design"
    assert clean_text("Asanovi\u00b4c") == "Asanović"
    assert clean_text("中 文 字") == "中文字"
    assert clean_text("2011 年") == "2011 年"


# -- diagnostics -------------------------------------------------------------------------

def test_garbage_detector_on_the_seed_header_and_real_text():
    assert score_text("ю͑ྗᙄࡰ ##4 ˄̻୛ɻ").garbled  # the seed's author block
    assert score_text("ᛇڎધ౜ 23 DPEF ቡᛘϤʫ࢙").garbled
    assert score_text("佛佛佛佛佛佛佛 4 4 0 6 9 6").garbled
    assert score_text("则-mtval \ufffd\ufffd\ufffd\ufffd\ufffd mepc \ufffd\ufffd").garbled
    assert not score_text("全國兩會於3月中旬圓滿結束，這次兩會的焦點之一").garbled
    assert not score_text("互联网贸易已经变得几乎完全依赖金融机构作为可信任第三方").garbled
    assert not score_text("λ = q/p and z − k ≥ 0 for all Asanović's proofs").garbled


def test_garbage_detector_catches_plausible_looking_han():
    rng = random.Random(7)
    fake = "".join(chr(rng.randint(0x4E00, 0x7530)) for _ in range(40))
    score = score_text(fake)
    assert score.foreign == 0 and score.common_han_share < 0.5 and score.garbled


def test_private_use_characters_are_kept_and_reported():
    page = PageText(0, 595, 842, [
        TextLine(0, (50, 100, 300, 112), "香港特別行政區\ue000字的用法。", 10, 110, 0, "zh")])
    ex = build_extraction([page], "s0", [])
    assert ex.paragraphs[0].text == "香港特別行政區\ue000字的用法。"
    (warning,) = ex.warnings
    assert warning.code == "private-use-characters" and "U+E000" in warning.message


def _scan(path: Path, paragraphs: Sequence[str] = ZH, dpi: int = 72,
          clip: pymupdf.Rect | None = None, size: float = 10, leading: float = 14) -> Path:
    """A scanned page: ``paragraphs`` typeset at ``size`` points with ``leading``,
    rendered to an image (of ``clip`` only, if given) and saved as a PDF page of the
    image's size with no text layer; returns ``path``."""
    stacked = _stack(paragraphs, size=size, leading=leading)
    source = make_pdf(path.with_name(f"{path.stem}-source.pdf"), [stacked], size=size,
                      leading=leading)
    with pymupdf.open(source) as doc:
        area = clip or doc[0].rect
        pix = doc[0].get_pixmap(dpi=dpi, clip=clip)
    scan = pymupdf.open()
    scan.new_page(width=area.width, height=area.height).insert_image(scan[0].rect, pixmap=pix)
    scan.save(path)
    return path


def test_page_without_text_layer_is_reported(tmp_path, monkeypatch):
    scan = _scan(tmp_path / "scan.pdf", dpi=100)
    ex = extract_pdf(scan, ocr=False)
    assert [w.code for w in ex.warnings] == ["no-text-layer"] and not ex.paragraphs
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    ocr.installed_languages.cache_clear()
    try:
        codes = [w.code for w in extract_pdf(scan).warnings]
    finally:
        ocr.installed_languages.cache_clear()
    assert codes == ["ocr-unavailable", "no-text-layer"]


def test_pair_with_a_scanned_half_says_why(tmp_path):
    scan = _scan(tmp_path / "scan.pdf")
    english = make_pdf(tmp_path / "en.pdf", [_stack(EN)])
    with pytest.raises(InputError, match="scanned images") as info:
        import_documents([english, scan], ocr=False)
    assert info.value.path == str(scan)


def test_scan_with_a_stamped_page_number_is_still_a_scan(tmp_path):
    scan = _scan(tmp_path / "scan.pdf")
    with pymupdf.open(scan) as doc:
        doc[0].insert_text((280, 820), "- 7 -", fontsize=9)
        doc.save(tmp_path / "stamped.pdf")
    ex = extract_pdf(tmp_path / "stamped.pdf", ocr=False)
    assert [w.code for w in ex.warnings] == ["no-text-layer"]


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Chinese data not installed")
def test_scanned_page_is_read_by_ocr(tmp_path):
    scan = _scan(tmp_path / "scan.pdf", ZH[:1], dpi=150, clip=pymupdf.Rect(0, 60, 595, 200),
                 size=16, leading=22)
    ex = extract_pdf(scan)
    assert {"no-text-layer", "ocr-used"} <= {w.code for w in ex.warnings}
    assert ex.paragraphs and all(p.ocr for p in ex.paragraphs)
    assert "中文內容" in "".join(texts(ex, "zh"))


# -- encrypted and bad input -------------------------------------------------------------

@pytest.fixture
def locked(tmp_path) -> Path:
    src = make_pdf(tmp_path / "plain.pdf", [_stack([EN[0], ZH[0]])])
    with pymupdf.open(src) as doc:
        doc.save(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                 user_pw="secret", owner_pw="owner")
    return tmp_path / "locked.pdf"


def test_encrypted_pdf_needs_the_right_password(locked):
    with pytest.raises(InputError, match=r"locked\.pdf.*password"):
        extract_pdf(locked)
    with pytest.raises(InputError, match="password given is wrong"):
        extract_pdf(locked, password="nope")
    ex = extract_pdf(locked, password="secret")
    assert texts(ex, "en") == [EN[0]]
    assert [w.code for w in ex.warnings] == ["encrypted"]


def test_owner_password_only_opens_without_asking(tmp_path):
    with pymupdf.open(SAMPLE) as doc:
        doc.save(tmp_path / "owner.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                 owner_pw="owner", user_pw="", permissions=0)
    ex = extract_pdf(tmp_path / "owner.pdf", ocr=False)
    (encrypted,) = [w for w in ex.warnings if w.code == "encrypted"]
    assert "without a password" in encrypted.message
    assert len(ex.of("zh")) == 6


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (tmp_path / "zero.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    (tmp_path / "cut.pdf").write_bytes(SAMPLE.read_bytes()[:2000])
    with (tmp_path / "huge.pdf").open("wb") as fh:  # sparse: costs no disk space
        fh.truncate(1024**3)
    (tmp_path / "notes.xyz").write_text("hello")
    return {
        "folder.pdf": tmp_path / "folder.pdf", "empty.pdf": tmp_path / "empty.pdf",
        "image.pdf": tmp_path / "image.pdf", "junk.pdf": tmp_path / "junk.pdf",
        "zero.pdf": tmp_path / "zero.pdf", "cut.pdf": tmp_path / "cut.pdf",
        "huge.pdf": tmp_path / "huge.pdf", "notes.xyz": tmp_path / "notes.xyz",
        "missing.pdf": tmp_path / "missing.pdf",
    }


@pytest.mark.parametrize("name, problem", [
    ("folder.pdf", "directory"), ("empty.pdf", "empty"), ("image.pdf", "PNG image"),
    ("junk.pdf", "cannot be read"), ("zero.pdf", "no pages"), ("cut.pdf", "damaged"),
    ("huge.pdf", "too large"), ("notes.xyz", "not a document type"),
    ("missing.pdf", "does not exist"),
])
def test_bad_input_is_a_clear_error_naming_the_file(tmp_path, name, problem):
    path = _bad_files(tmp_path)[name]
    with pytest.raises(InputError, match=problem) as info:
        import_documents([path])
    assert info.value.path == str(path)


def test_truncated_pdf_is_repaired_with_a_warning(tmp_path):
    data = SAMPLE.read_bytes()
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 2])
    ex = extract_pdf(tmp_path / "half.pdf")
    assert "damaged-file" in {w.code for w in ex.warnings}


def test_content_decides_the_kind_not_the_extension(tmp_path):
    misnamed = tmp_path / "actually-a-pdf.txt"
    misnamed.write_bytes(SAMPLE.read_bytes())
    result = import_documents([misnamed])
    assert result.layout == "columns" and result.zh and result.en


def test_progress_and_cancel(tmp_path):
    src = make_pdf(tmp_path / "three.pdf", [_stack(ZH), _stack(EN), _stack(ZH)])
    seen: list[tuple[int, int]] = []
    extract_pdf(src, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    calls = iter(range(100))
    with pytest.raises(ImportCancelled):
        extract_pdf(src, cancel=lambda: next(calls) >= 1)  # cancelled before page 2


def test_time_limited_child_gives_the_same_result_and_errors(locked):
    inside = extract_pdf(SAMPLE, ocr=False)
    seen: list[tuple[int, int]] = []
    child = run_with_timeout(SAMPLE, None, "s0", 60, ocr=False,
                             progress=lambda d, t: seen.append((d, t)))
    assert child.paragraphs == inside.paragraphs
    assert seen == [(0, 1), (1, 1)]
    with pytest.raises(InputError, match="password"):
        run_with_timeout(locked, None, "s0", 60)
    with pytest.raises(ImportCancelled):
        run_with_timeout(SAMPLE, None, "s0", 60, cancel=lambda: True)
    with pytest.raises(InputError, match="made no progress"):
        run_with_timeout(SAMPLE, None, "s0", 0.001)


# -- the shared fixtures -----------------------------------------------------------------

def fixture(rel: str) -> Path:
    path = FIXTURES / rel
    if not path.exists():
        pytest.skip(f"shared fixture {rel} absent ({FIXTURES})")
    return path


def _near(value: int, expected: int, tolerance: float = 0.15) -> bool:
    return abs(value - expected) <= tolerance * expected


@pytest.mark.shared
def test_paracol_side_by_side_english_left():
    result = import_documents([fixture("bilingual-single/paracol-manual_side-by-side_en-zh.pdf")])
    assert result.layout == "columns"
    assert result.extraction.sources[0].extra["left_column"] == "en"
    assert _near(len(result.zh), 915) and _near(len(result.en), 1604)
    zh, en = {s.text for s in result.zh}, {s.text for s in result.en}
    assert "该宏包的独特特点是可以将栏以并行的方式排版。" in zh
    assert "This document describes the usage of yet another multi-column package named " \
           "paracol." in en
    assert "It depends on the structure of your document which of the base-displacement " \
           "and self-relative is better." in en
    assert not {"1", "2", "63"} & (zh | en)  # page numbers left out


@pytest.mark.shared
def test_parskip_alternating():
    result = import_documents([fixture("bilingual-single/parskip-manual_alternating_en-zh.pdf")])
    assert result.layout == "alternating"
    assert _near(len(result.zh), 95) and _near(len(result.en), 155)
    zh, en = {s.text for s in result.zh}, {s.text for s in result.en}
    assert "但是，它只是一个快速修复，达到如此广泛的效果的“正确”方法是创建一个新类。" in zh
    assert ("This file was originally developed by Hubert Partl in 1989 (i.e., for LATEX "
            "2.09) to provide a somewhat crude solution to an existing problem in case no "
            "proper document class (back then called document style) support was "
            "available.") in en
    assert not result.warnings


@pytest.mark.shared
@pytest.mark.parametrize("zh_first", [True, False])
def test_bitcoin_pair_in_either_order(zh_first):
    zh_pdf, en_pdf = fixture("pairs/bitcoin/zh.pdf"), fixture("pairs/bitcoin/en.pdf")
    result = import_documents([zh_pdf, en_pdf] if zh_first else [en_pdf, zh_pdf])
    assert result.layout == "pair"
    assert _near(len(result.zh), 335) and _near(len(result.en), 300)
    zh, en = [s.text for s in result.zh], [s.text for s in result.en]
    assert "互联网贸易已经变得几乎完全依赖金融机构作为可信任第三方来处理电子支付。" in zh
    assert "我们定义一枚电子货币就是一条数字签名链。" in zh
    assert ("Commerce on the Internet has come to rely almost exclusively on financial "
            "institutions serving as trusted third parties to process electronic payments.") in en
    assert all(s.provenance and s.provenance.source == result.zh[0].provenance.source
               for s in result.zh)


@pytest.mark.shared
def test_encrypted_fixture():
    path = fixture("problem/encrypted_password-is-test.pdf")
    with pytest.raises(InputError, match="encrypted"):
        import_documents([path])
    result = import_documents([path], password="test")
    assert "encrypted" in {w.code for w in result.warnings}
    assert "Backup4all is designed to be reliable, easy-to-use and affordable." in \
        {s.text for s in result.en}


@pytest.mark.shared
def test_scanned_fixture_has_no_text_layer():
    ex = extract_pdf(fixture("problem/scanned_image-only_zh.pdf"), ocr=False)
    pages = [w.page for w in ex.warnings if w.code == "no-text-layer"]
    assert pages == list(range(8)) and not ex.paragraphs


@pytest.mark.shared
def test_fake_bold_fixture():
    result = import_documents([fixture("problem/fakebold-text-drawn-4-times_zh-en.pdf")])
    assert "repeated-text-removed" in {w.code for w in result.warnings}
    zh = [s.text for s in result.zh]
    assert zh.count("安徽安利合成革股份有限公司") == 1
    assert "2011年年度报告" in zh
    assert [s.text for s in result.en] == ["ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD."]


@pytest.mark.shared
def test_bad_fonts_fixture():
    ex = extract_pdf(fixture("problem/bad-fonts_zh.pdf"), ocr=False)
    garbled = [w for w in ex.warnings if w.code == "garbled-text"]
    assert [w.page for w in garbled] == [0]
    everything = "".join(p.text for p in ex.paragraphs)
    assert "佛佛佛" not in everything and "釉釉釉" not in everything
    assert "佛山市柏年建材有限公司" in everything


@pytest.mark.shared
@pytest.mark.slow
def test_riscv_pair():
    zh_pdf = fixture("pairs/riscv_privileged/zh.pdf")
    en_pdf = fixture("pairs/riscv_privileged/en.pdf")
    result = import_documents([zh_pdf, en_pdf], ocr=False)
    assert result.layout == "pair"
    assert len(result.zh) > 2000 and len(result.en) > 2000
    # Pages 60-79 of the Chinese edition use a font without any Unicode map (U+FFFD).
    garbled = {w.page for w in result.warnings if w.code == "garbled-text"}
    broken_font = set(range(59, 79))
    assert len(garbled & broken_font) >= 15 and len(garbled - broken_font) <= 8
    assert not any(s.text.count("\ufffd") >= 2 for s in result.zh)
    headers = [s for s in result.en if s.text.startswith("Volume II: RISC-V Privileged")]
    assert len(headers) < 5  # the running head of 150 pages is left out


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Chinese data not installed")
def test_scanned_fixture_with_ocr():
    ex = extract_pdf(fixture("problem/scanned_image-only_zh.pdf"))
    assert {"no-text-layer", "ocr-used"} <= {w.code for w in ex.warnings}
    assert "使用价值" in "".join(texts(ex, "zh"))


@pytest.mark.shared
@pytest.mark.parametrize("rel", ["bilingual-single/paracol-manual_side-by-side_en-zh.pdf",
                                 "pairs/bitcoin/zh.pdf", "pairs/bitcoin/en.pdf"])
def test_real_text_layers_are_not_called_garbage(rel):
    ex = extract_pdf(fixture(rel), ocr=False)
    assert "garbled-text" not in {w.code for w in ex.warnings}
    assert "garbled_regions" not in ex.sources[0].extra


def test_guarded_read_from_a_threaded_process_starts_a_fresh_interpreter():
    """The editor window has threads (Qt's, the page renderer): forking it could deadlock
    the child, so the guard starts a fresh interpreter there and still returns the same
    text."""
    import threading

    from editor.core.extract import api

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert api._start_method() == "spawn"
        child = run_with_timeout(SAMPLE, None, "s0", 60, ocr=False)
    finally:
        stop.set()
        worker.join()
    assert child.paragraphs == extract_pdf(SAMPLE, ocr=False).paragraphs


def test_a_reader_that_dies_is_an_error_naming_the_file():
    """A PDF that crashes MuPDF kills only the child: the caller gets an InputError."""
    import multiprocessing
    import os
    import signal

    from editor.core.extract import api
    from editor.core.extract.limits import PDF_OCR_STALL_SECONDS

    # the pipe of a child that reported once, then died (closed without an answer)
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sender.send(("progress", 0, 1))
    sender.close()
    with pytest.raises(InputError, match="crashed the PDF reader") as info:
        api._wait_for_child(SAMPLE, receiver, 60, None, None)
    assert str(SAMPLE) in str(info.value)
    # a real child killed mid-read: the same answer (or, if it was faster than the kill,
    # its result; the child's page is tiny)
    def crash(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGKILL)

    try:
        run_with_timeout(SAMPLE, None, "s0", 60, ocr=False, progress=crash)
    except InputError as exc:
        assert "crashed the PDF reader" in str(exc) and str(SAMPLE) in str(exc)
    # the OCR watchdog outlasts Tesseract's own limit for one image
    assert PDF_OCR_STALL_SECONDS > ocr.TIMEOUT
