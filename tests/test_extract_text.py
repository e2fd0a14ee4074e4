"""Text-document import: encodings, formats, paragraph correspondence, bad input."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.encoding import decode_bytes
from editor.core.errors import InputError
from editor.core.extract.text import extract_text
from editor.core.extract.text_html import html_blocks
from editor.core.extract.text_markdown import markdown_blocks
from editor.core.extract.types import Extraction
from editor.core.segment import segment_extraction

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TEXT_FIXTURES = SHARED / "fixtures" / "text"

HANT = "全國兩會於3月中旬圓滿結束，這次兩會的焦點之一是國務院總理李強在政府工作報告中。"
HANS = "那天晚上我没走掉。陈清扬把我拽住，以伟大友谊的名义叫我留下来。"
EN = "The Two Sessions concluded successfully in mid-March. Mr. Li spoke first."


def fixture(name: str) -> Path:
    path = TEXT_FIXTURES / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def codes(extraction: Extraction) -> list[str]:
    return [w.code for w in extraction.warnings]


# -- encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "encoding"), [
    (HANT, "big5hkscs"),
    (HANS, "gb18030"),
    ("香港特別行政區政府", "big5hkscs"),  # short texts are where detectors go wrong
    ("我们的国家很好。", "gb18030"),
    ("香港特別行政區政府", "gb18030"),  # Traditional text in GB18030 is legitimate too
    ("香港的嘢好食。", "big5hkscs"),  # an HKSCS character
])
def test_chinese_legacy_encodings_are_told_apart(text: str, encoding: str) -> None:
    decoded, name, guessed = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded == text
    assert name in ({"big5hkscs", "cp950"} if encoding.startswith("big5") else {"gb18030"})
    assert guessed


@pytest.mark.parametrize(("data", "name"), [
    ("中文 and English".encode("utf-8-sig"), "utf-8"),
    ("中文 and English".encode("utf-16"), "utf-16-le" if sys.byteorder == "little"
     else "utf-16-be"),
    (b"\xfe\xff" + "中文".encode("utf-16-be"), "utf-16-be"),
    ("中文 and English".encode(), "utf-8"),
])
def test_marked_and_utf8_text_is_not_guessed(data: bytes, name: str) -> None:
    text, encoding, guessed = decode_bytes(data, "x.txt")
    assert text == ("中文" if data.startswith(b"\xfe\xff") else "中文 and English")
    assert (encoding, guessed) == (name, False)


def test_utf16_without_mark_and_windows_english_are_detected() -> None:
    assert decode_bytes("hello 你好, world".encode("utf-16-le"), "x")[:2] == (
        "hello 你好, world", "utf-16-le")
    for text in ("The “Two Sessions” — naïve café résumé.", "Don’t stop", "It’s “ok”…"):
        assert decode_bytes(text.encode("cp1252"), "x")[:2] == (text, "cp1252")


def test_big5_end_user_characters_become_private_use() -> None:
    data = ("香港".encode("big5hkscs") + b"\x81\x40"
            + "路的名字是香港特別行政區政府。".encode("big5"))
    text, name, _ = decode_bytes(data, "x.txt")
    assert (text, name) == ("香港\ueeb8路的名字是香港特別行政區政府。", "big5hkscs")


def test_big5_file_with_eudc_is_reported_twice(tmp_path: Path) -> None:
    path = tmp_path / "gov.txt"
    path.write_bytes("香港".encode("big5") + b"\xfa\x40\x81\x41"
                     + "路的名字是香港特別行政區政府。".encode("big5"))
    ext = extract_text(path, lang_hint="zh")
    assert codes(ext) == ["encoding-guessed", "private-use-characters"]
    assert "\ueeb9" in ext.paragraphs[0].text


def test_a_few_broken_bytes_in_utf8_are_replaced_and_said() -> None:
    data = ("Hello wörld, this is fine. 中文也可以。" * 40).encode()
    text, name, guessed = decode_bytes(data[:500] + data[501:], "x.txt")
    assert text.count("\ufffd") == 2 and guessed
    assert name.startswith("utf-8") and "2 invalid" in name


@pytest.mark.shared
def test_every_mac_dev_sentence_is_decoded_in_legacy_encodings() -> None:
    if not (SHARED / "data" / "mac-dev").is_dir():
        pytest.skip("../shared/data/mac-dev is absent")
    bench = _bench_segment()
    counts = bench.encoding_accuracy(bench.encoding_samples())
    for (encoding, bucket), (good, total) in counts.items():
        assert good >= 0.99 * total, (encoding, bucket, good, total)
    assert sum(total for _, total in counts.values()) > 2500


def _bench_segment() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "bench_segment.py"
    spec = importlib.util.spec_from_file_location("bench_segment", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_undecodable_bytes_are_an_input_error_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"junk\.txt.*(binary|unknown encoding)"):
        decode_bytes(bytes(range(256)) * 8, "junk.txt")


def test_guessed_encoding_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes((HANT + "\n\n" + EN).encode("big5hkscs"))
    ext = extract_text(path)
    assert "encoding-guessed" in codes(ext)
    assert "BIG5" in ext.warnings[0].message.upper()
    assert ext.paragraphs[0].text == HANT


# -- plain text ----------------------------------------------------------------------------

def test_bilingual_text_file_alternates(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(f"{HANT}\n{EN}\n\n{HANS}\nSecond English paragraph.\n", encoding="utf-8")
    ext = extract_text(path)
    assert ext.layout == "alternating"
    assert [p.lang for p in ext.paragraphs] == ["zh", "en", "zh", "en"]
    assert [p.index for p in ext.paragraphs] == [0, 1, 2, 3]
    assert all(p.page is None and p.lines == () and p.source == "s0" for p in ext.paragraphs)
    source = ext.sources[0]
    assert (source.id, source.kind, source.languages) == ("s0", "txt", ("zh", "en"))
    assert len(source.sha256) == 64 and ext.warnings == []


def test_wrapped_lines_are_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "The National People's Congress and the Chinese People's Political\n"
        "Consultative Conference (also known as the Two Sessions;\n"
        "NPC & CPPCC) concluded successfully in mid-March.\n"
        "全國兩會於3月中旬圓滿結束，這次兩會的焦點之一是國務院總理李強在\n"
        "政府工作報告中，首次將「新質生產力」列入今年政府十大工作任務之\n"
        "首。\n", encoding="utf-8")
    texts = [p.text for p in extract_text(path).paragraphs]
    assert texts == [
        "The National People's Congress and the Chinese People's Political Consultative "
        "Conference (also known as the Two Sessions; NPC & CPPCC) concluded successfully "
        "in mid-March.",
        "全國兩會於3月中旬圓滿結束，這次兩會的焦點之一是國務院總理李強在政府工作報告中，"
        "首次將「新質生產力」列入今年政府十大工作任務之首。",
    ]


def test_spaces_beside_chinese_punctuation_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "zh.md"
    path.write_text("但其与众不同的特性， 使得 Go 编程不同。 另一方面 ，若从 [Go](x) 的角度"
                    "（ 见上 ）分析。\n\nWords , spaced .\n", encoding="utf-8")
    texts = [p.text for p in extract_text(path).paragraphs]
    assert texts == ["但其与众不同的特性，使得 Go 编程不同。另一方面，若从 Go 的角度（见上）分析。",
                     "Words , spaced ."]  # English text is left as written


def test_indented_lines_start_chinese_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "novel.txt"
    path.write_text("　　那天晚上我没走掉，陈清扬把我拽住，以伟大友谊的名义叫我留下\n"
                    "来，她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊\n"
                    "　　是假的，我说，既然我是假的，你信我干吗。\n", encoding="utf-8")
    texts = [p.text for p in extract_text(path).paragraphs]
    assert texts == ["那天晚上我没走掉，陈清扬把我拽住，以伟大友谊的名义叫我留下"
                     "来，她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊",
                     "是假的，我说，既然我是假的，你信我干吗。"]


def test_single_language_files_of_a_pair(tmp_path: Path) -> None:
    zh_path, en_path = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh_path.write_text(f"{HANT}\n\n第23條\n", encoding="utf-8")
    en_path.write_text(f"{EN}\n\n2024\n", encoding="utf-8")
    zh, en = extract_text(zh_path, lang_hint="zh"), extract_text(en_path, lang_hint="en")
    assert [p.lang for p in zh.paragraphs] == ["zh", "zh"]
    assert [p.lang for p in en.paragraphs] == ["en", "en"]  # "2024" kept with its file
    assert zh.layout == en.layout == "text"
    assert zh.warnings == en.warnings == []
    # Without a hint a one-language file imports the same way (half of a pair).
    alone = extract_text(en_path)
    assert [p.lang for p in alone.paragraphs] == ["en", "en"]
    assert alone.layout == "text" and alone.warnings == []


def test_hint_that_does_not_match_the_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(EN, encoding="utf-8")
    ext = extract_text(path, lang_hint="zh")
    assert codes(ext) == ["language-missing"]
    assert "expected Chinese" in ext.warnings[0].message


def test_private_use_characters_are_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "eudc.txt"
    path.write_text("香港\ue000\ue001路。\n\nHong Kong Road.", encoding="utf-8")
    ext = extract_text(path)
    assert ext.paragraphs[0].text == "香港\ue000\ue001路。"
    assert codes(ext) == ["private-use-characters"]
    assert "U+E000" in ext.warnings[0].message


def test_sentences_from_a_text_file_have_provenance(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(f"{HANS}\n\n{EN}\n", encoding="utf-8")
    zh, en = segment_extraction(extract_text(path))
    assert [s.text for s in zh] == ["那天晚上我没走掉。",
                                    "陈清扬把我拽住，以伟大友谊的名义叫我留下来。"]
    assert [s.text for s in en] == ["The Two Sessions concluded successfully in mid-March.",
                                    "Mr. Li spoke first."]
    assert en[1].provenance is not None and en[1].provenance.paragraph == 1
    assert en[1].provenance.page is None and en[1].provenance.source == "s0"


# -- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "problem"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n \n", "empty file"),
    ("binary.txt", bytes(range(256)) * 16, "binary"),
    ("fake.docx", b"This is not a zip archive", "not a Word document"),
    ("zip.txt", b"PK\x03\x04" + b"\x00" * 40, "zip archive"),
    ("paper.md", b"%PDF-1.7\n" + b"\x00\xff" * 40, "PDF"),
    ("notes.rtf", b"{\\rtf1 hello}", "unsupported file type"),
    ("tags.html", b"<html><script>var x = 1;</script></html>", "no text found"),
])
def test_bad_input_is_a_clear_error(tmp_path: Path, name: str, content: bytes,
                                    problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        extract_text(path)
    assert info.value.path == str(path)


def test_directory_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="directory"):
        extract_text(folder)
    with pytest.raises(InputError, match="no such file"):
        extract_text(tmp_path / "missing.txt")


def test_unreadable_file_is_a_clear_error(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(EN, encoding="utf-8")

    def denied(self: Path) -> bytes:  # what a file without read permission does
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match=r"cannot be read.*Permission denied"):
        extract_text(path)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(1024**3)
    with pytest.raises(InputError, match="too large"):
        extract_text(path)


# -- Word, HTML, Markdown ----------------------------------------------------------------------

def test_docx_paragraphs_and_table_cells_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(HANT)
    document.add_paragraph(EN)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "新質生產力"
    table.cell(0, 1).text = "New quality productivity"
    document.add_paragraph("")
    path = tmp_path / "doc.docx"
    document.save(str(path))
    ext = extract_text(path)
    assert [(p.lang, p.text) for p in ext.paragraphs] == [
        ("zh", HANT), ("en", EN), ("zh", "新質生產力"), ("en", "New quality productivity")]
    assert ext.sources[0].kind == "docx" and ext.layout == "alternating"


def test_html_blocks_tags_and_skipped_elements(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html lang='en'><head><title>T</title><style>p{}</style></head><body>"
        "<nav><p>Home<p>About</nav><script>alert('x')</script><div hidden>Menu</div>"
        "<h1><span lang='en'>Introduction</span><span lang='zh-Hant'>緒論</span></h1>"
        "<p>The character <span lang='zh-Hans'>发</span> has two forms.</p>"
        "<p>一個簡體字可能對應多個繁體字。</p>"
        "<pre>code();</pre><p>Line one<br>line two &amp; more.</p><p>第一行<br>\n第二行。</p>"
        "<ul><li>First item</li><li>第二項</li></ul></body></html>", encoding="utf-8")
    got = [(p.lang, p.text) for p in extract_text(path).paragraphs]
    assert got == [
        ("en", "Introduction"), ("zh", "緒論"),
        ("en", "The character 发 has two forms."),
        ("zh", "一個簡體字可能對應多個繁體字。"),  # untagged: script decides, not <html lang>
        ("en", "Line one line two & more."), ("zh", "第一行第二行。"),
        ("en", "First item"), ("zh", "第二項"),
    ]


def test_html_with_omitted_end_tags_keeps_document_order(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.htm"
    path.write_text("<p>Hello <b>world<p>第二段<ul><li>one<li>二</ul>"
                    "<table><tr><td>a1<td>格<tr><td>b1</table><a href=x><div>card</div></a>"
                    "<aside><p hidden>never closed",
                    encoding="utf-8")
    got = [(p.lang, p.text) for p in extract_text(path).paragraphs]
    assert got == [("en", "Hello world"), ("zh", "第二段"), ("en", "one"), ("zh", "二"),
                   ("en", "a1"), ("zh", "格"), ("en", "b1"), ("en", "card")]


def test_untranslated_heading_pairs_with_itself(tmp_path: Path) -> None:
    path = tmp_path / "go.md"
    path.write_text("Goroutines are cheap.\n\n协程很廉价。\n\n### Goroutines\n\n### Goroutines\n\n"
                    "They are called goroutines.\n\n我们称之为协程。\n", encoding="utf-8")
    langs = [p.lang for p in extract_text(path).paragraphs]
    assert langs == ["en", "zh", "en", "zh", "en", "zh"]


def test_html_without_end_of_head_and_declared_big5(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=big5'>"
            "<title>標題</title><body><p>香港特別行政區政府。</p><p>Hong Kong.</p>")
    path.write_bytes(page.encode("big5hkscs"))
    ext = extract_text(path)
    assert [p.text for p in ext.paragraphs] == ["香港特別行政區政府。", "Hong Kong."]
    assert ext.warnings == []  # the page said which encoding it uses


_TAG_SOUP = st.lists(st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "</ul>", "<td>", "<tr>", "<table>",
    "</table>", "<head>", "</head>", "<body>", "<nav>", "</nav>", "<rp>", "</ruby>",
    "<ruby>", "<span lang='zh-hant'>", "<span lang='en'>", "</span>", "<p hidden>",
    "<script>", "</script>", "<br>", "中文。", "English.", " ", "&amp;", "<!-- c -->",
]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TAG_SOUP)
def test_any_tag_soup_yields_its_visible_words_once(page: str) -> None:
    blocks = html_blocks(page)
    text = " ".join(b.text for b in blocks)
    assert text.count("中文。") <= page.count("中文。")
    assert text.count("English.") <= page.count("English.")
    if "<" not in page:
        assert "".join(text.split()) == "".join(page.replace("&amp;", "&").split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#>-*`|~ \n1.a中文[]()_!<")), max_size=80))
def test_any_markdown_is_read_without_error(text: str) -> None:
    for block in markdown_blocks(text):
        assert block.text == block.text.strip() and block.text


def test_hostile_markup_is_read_whole(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 5000 + "深層文字。" + "<b>" * 5000 + "bold", encoding="utf-8")
    assert [p.text for p in extract_text(deep).paragraphs] == ["深層文字。bold"]
    stars = tmp_path / "stars.md"
    stars.write_text("**a " * 5000 + "`*T`", encoding="utf-8")
    (paragraph,) = extract_text(stars).paragraphs
    assert paragraph.text == "a " * 5000 + "*T"


def test_old_word_files_are_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(InputError, match=r"\.doc\) or password-protected"):
        extract_text(path)


def test_markdown_drops_code_and_markup(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "---\ntitle: Effective Go\n---\n<!-- a comment\nover lines -->\n"
        "## Formatting\n\n## 格式化\n\n"
        "Run **gofmt** on the [source](https://go.dev/) and `go vet`\nas well.\n\n"
        "在 Go 中请运行 *gofmt*。\n\n"
        "```go\n// 注释\nfunc main() {}\n```\n\n"
        "    indented code\n\n"
        "- a list item\n- 列表项\n\n"
        "| Name | 名称 |\n|---|---|\n\n"
        "> Do not communicate by sharing memory.\n", encoding="utf-8")
    got = [(p.lang, p.text) for p in extract_text(path).paragraphs]
    assert got == [
        ("en", "Formatting"), ("zh", "格式化"),
        ("en", "Run gofmt on the source and go vet as well."),
        ("zh", "在 Go 中请运行 gofmt。"),
        ("en", "a list item"), ("zh", "列表项"),
        ("en", "Name"), ("zh", "名称"),
        ("en", "Do not communicate by sharing memory."),
    ]


def test_markdown_keeps_the_further_paragraphs_of_a_list_item() -> None:
    """A paragraph indented under a list item continues the item (it was dropped as an
    indented code block, losing translated text); code needs four more columns, and a
    line back at the margin ends the list."""
    text = ("1.  Install the package.\n\n    安装后请重新启动。\n\n"
            "        pip install bitext\n\n"
            "- Open the sample.\n\n    The sample opens by itself.\n\n"
            "Back to the text.\n\n    real_code()\n")
    assert [b.text for b in markdown_blocks(text)] == [
        "1. Install the package.", "安装后请重新启动。", "Open the sample.",
        "The sample opens by itself.", "Back to the text."]


# -- real bilingual documents ----------------------------------------------------------------

@pytest.mark.shared
@pytest.mark.parametrize(("variant", "zh_text"), [
    ("hant", "中文排版主要使用的文字為漢字。"),
    ("hans", "中文排版主要使用的文字为汉字。"),
])
def test_clreq_paragraphs_correspond(variant: str, zh_text: str) -> None:
    ext = extract_text(fixture("w3c-clreq_en-zhHans-zhHant.html"),
                       zh_variant=variant)  # type: ignore[arg-type]
    zh, en = ext.of("zh"), ext.of("en")
    assert ext.layout == "alternating" and not ext.warnings
    assert 700 <= len(en) <= 800
    assert abs(len(zh) - len(en)) <= 0.05 * len(en)
    texts = [p.text for p in ext.paragraphs]
    k = texts.index("The majority of the text used in Chinese composition consists of "
                    "Han characters (Hanzi).")
    assert texts[k + 1] == zh_text
    assert texts[texts.index("Introduction") + 1] == ("緒論" if variant == "hant" else "绪论")
    other = "為" if variant == "hans" else "为"
    assert not any(other in p.text and "文字" in p.text for p in zh[:200])


@pytest.mark.shared
def test_effective_go_paragraphs_alternate() -> None:
    folder = TEXT_FIXTURES / "effective-go_zh-en"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    pairs = total = 0
    for path in sorted(folder.glob("[0-9]*.md")):
        paragraphs = extract_text(path).paragraphs
        total += len(paragraphs)
        pairs += sum(1 for a, b in itertools.pairwise(paragraphs)
                     if (a.lang, b.lang) == ("en", "zh"))
        assert not any("func " in p.text and "{" in p.text for p in paragraphs)  # no code
    assert pairs >= 0.45 * total  # nearly every paragraph is half of an en→zh pair
    first = extract_text(folder / "01_Overview.md").paragraphs
    assert [p.text for p in first[:2]] == ["Introduction", "引言"]
    assert first[2].text.startswith("Go is a new language.")
    assert first[3].text.startswith("Go 是一门全新的语言。")
