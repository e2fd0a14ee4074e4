"""Exports read back by independent readers (translate-toolkit, csv) and by ours."""

from __future__ import annotations

import csv
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_helpers import HOSTILE_EN, HOSTILE_ZH, hostile_bitext, sample_bitext
from translate.storage import tmx as tt_tmx

from editor.core.errors import ExportError, InputError
from editor.core.export import FORMATS, ExportOptions, export_bitext, read_bitext
from editor.core.export.common import clean
from editor.core.export.delimited import neutralise, restore
from editor.core.export.options import is_traditional, resolve_codes
from editor.core.export.text import paired_paths
from editor.core.model import Source

OPTS = ExportOptions(zh_code="zh-Hant-HK", en_code="en-GB")


def _link_texts(bt):
    return [("".join(bt.texts(link, "zh")), " ".join(bt.texts(link, "en")), link.status)
            for link in bt.links]


# -- TMX ----------------------------------------------------------------------------

def test_tmx_read_by_translate_toolkit(tmp_path: Path) -> None:
    out = tmp_path / "memory.tmx"
    export_bitext(sample_bitext(), out, "tmx", OPTS)
    with out.open("rb") as handle:
        store = tt_tmx.tmxfile(handle, sourcelanguage="zh-Hant-HK", targetlanguage="en-GB")
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs == [
        ("香港特別行政區政府今日公布新措施。", "The HKSAR Government announced measures today."),
        ("措施包括三個部分：第一，支援創新科技。", "The measures have three parts: first, "
                                         "support for innovation and technology."),
        ("「新質生產力」是重點。", '"New quality productive forces" are the focus.'),
    ]
    assert "checked by 陳" in store.units[0].getnotes()


def test_tmx_header_and_props(tmp_path: Path) -> None:
    out = tmp_path / "m.tmx"
    export_bitext(sample_bitext(), out, "tmx", ExportOptions(source_lang="en"))
    root = ET.parse(out).getroot()
    header = root.find("header")
    assert root.get("version") == "1.4"
    assert header is not None and header.get("creationtool") == "Bitext Editor"
    assert header.get("srclang") == "en-US" and header.get("segtype") == "sentence"
    tu = root.find("body/tu")
    assert tu is not None
    assert {p.get("type"): p.text for p in tu.findall("prop")}["x-status"] == "confirmed"
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.findall("tuv")]
    assert langs == ["en-US", "zh-TW"]  # source first; Traditional detected


def test_tmx_round_trip_keeps_text_status_note(tmp_path: Path) -> None:
    out = tmp_path / "m.tmx"
    bt = sample_bitext()
    export_bitext(bt, out, "tmx")
    back = read_bitext(out)
    assert _link_texts(back) == [t for t in _link_texts(bt) if t[0] and t[1]]
    assert back.links[0].note == "checked by 陳"
    assert back.links[0].confidence == 0.9
    assert back.sources[0].languages == ("zh-TW", "en-US")


def test_tmx_reader_accepts_other_tools(tmp_path: Path) -> None:
    """OmegaT/Trados style: lang attributes in any case, inline codes, no props."""
    out = tmp_path / "other.tmx"
    out.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="EN-US"/><body>'
        '<tu><tuv xml:lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">'
        '&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang="ZH-HK"><seg>按<ph>x</ph>確定。</seg>'
        "</tuv></tu></body></tmx>", encoding="utf-8")
    back = read_bitext(out)
    assert _link_texts(back) == [("按確定。", "Press OK.", "auto")]


def test_tmx_reader_rejects_broken_file(tmp_path: Path) -> None:
    out = tmp_path / "bad.tmx"
    out.write_text("<tmx><body><tu>", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tmx"):
        read_bitext(out)


# -- TSV / CSV ----------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "delimiter"), [("tsv", "\t"), ("csv", ",")])
def test_delimited_read_by_csv_module(tmp_path: Path, fmt: str, delimiter: str) -> None:
    out = tmp_path / f"table.{fmt}"
    export_bitext(sample_bitext(), out, fmt, ExportOptions(bom=True, column_order="en-zh"))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=delimiter))
    assert table[0] == ["en", "zh", "status", "confidence", "note"]
    assert table[3] == ["", "這是沒有英文對應的一句。", "auto", "", ""]
    assert table[1][2:] == ["confirmed", "0.9", "checked by 陳"]


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    out = tmp_path / "h.csv"
    export_bitext(hostile_bitext(), out, "csv")
    with out.open(encoding="utf-8", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert "'=1+1 開頭的公式" in cells and "'-2+3 @cmd|' /C calc'" in cells


@pytest.mark.parametrize("text", ["=x", "'=x", "''+y", "'plain", "plain", "-", "", "@"])
def test_neutralise_is_inverted_by_restore(text: str) -> None:
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize("fmt", ["tsv", "csv", "tmx"])
def test_hostile_text_round_trips(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"h.{fmt}"
    export_bitext(hostile_bitext(), out, fmt)
    back = read_bitext(out)
    assert _link_texts(back) == [(clean(z), clean(e), "auto")
                                 for z, e in zip(HOSTILE_ZH, HOSTILE_EN, strict=True)]
    assert back.links[1].note == clean("<note> & ]]> \x01")
    assert "\ue000\uf8ff" in back.texts(back.links[3], "zh")[0]


def test_reader_maps_headerless_columns_by_script(tmp_path: Path) -> None:
    out = tmp_path / "glossary.csv"
    out.write_text("Government,政府\nInnovation,創新\n", encoding="utf-8")
    assert _link_texts(read_bitext(out)) == [("政府", "Government", "auto"),
                                             ("創新", "Innovation", "auto")]


# -- plain text -----------------------------------------------------------------------

def test_text_both_sides_align_line_by_line(tmp_path: Path) -> None:
    out = tmp_path / "doc.txt"
    export_bitext(sample_bitext(), out, "txt")
    paths = paired_paths(out)
    assert paths == {"zh": tmp_path / "doc.zh.txt", "en": tmp_path / "doc.en.txt"}
    zh = paths["zh"].read_text(encoding="utf-8").splitlines()
    en = paths["en"].read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en) == 5
    assert zh[1] == "措施包括三個部分：第一，支援創新科技。" and en[2] == "" and zh[3] == ""


def test_text_one_side_sentence_and_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "zh.txt"
    export_bitext(sample_bitext(), out, "txt", ExportOptions(text_side="zh"))
    assert out.read_text(encoding="utf-8").splitlines()[1] == "措施包括三個部分："
    export_bitext(sample_bitext(), out, "txt",
                  ExportOptions(text_side="zh", text_unit="paragraph"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == ["香港特別行政區政府今日公布新措施。措施包括三個部分：第一，支援創新科技。",
                     "這是沒有英文對應的一句。", "「新質生產力」是重點。"]


def test_text_hostile_lines_stay_one_per_link(tmp_path: Path) -> None:
    out = tmp_path / "h.txt"
    export_bitext(hostile_bitext(), out, "txt", ExportOptions(text_side="en"))
    lines = out.read_text(encoding="utf-8").split("\n")
    assert len(lines) == len(HOSTILE_EN) + 1 and lines[-1] == ""


# -- options and registry ---------------------------------------------------------------

def test_options_filter_links(tmp_path: Path) -> None:
    out = tmp_path / "t.tsv"
    export_bitext(sample_bitext(), out, "tsv",
                  ExportOptions(confirmed_only=True, use_original_text=True))
    body = out.read_text(encoding="utf-8").splitlines()[1:]
    assert [line.split("\t")[1] for line in body] == [
        "The HKSAR Government announced new measures today.",
        '"""New quality productive forces"" are the focus."']
    export_bitext(sample_bitext(), out, "tsv", ExportOptions(include_unpaired=False))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 3


def test_language_codes_detected_from_script() -> None:
    assert is_traditional("這個國家的發展") and not is_traditional("这个国家的发展")
    codes = resolve_codes(sample_bitext(), ExportOptions())
    assert (codes.zh, codes.en) == ("zh-TW", "en-US")
    assert resolve_codes(sample_bitext(), OPTS).zh == "zh-Hant-HK"
    recorded = sample_bitext()
    recorded.sources = [Source(id="s0", path="a.pdf", languages=("zh", "en"))]
    assert resolve_codes(recorded, ExportOptions()).zh == "zh-TW"  # bare "zh" says too little
    recorded.sources = [Source(id="s0", path="a.tmx", languages=("zh-HK", "en-GB"))]
    codes = resolve_codes(recorded, ExportOptions())
    assert (codes.zh, codes.en) == ("zh-HK", "en-GB")


def test_unknown_format_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_bitext(sample_bitext(), tmp_path / "x.odt", "odt")
    assert {"tmx", "xliff", "docx", "pdf", "html", "tsv", "csv", "xlsx", "txt"} <= set(FORMATS)


class Cancelled(Exception):
    pass


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_failed_export_leaves_old_file(tmp_path: Path, fmt: str) -> None:
    """A writer stopped midway (here: cancelled from the progress hook after the last
    row, when most of the file is written) leaves the old file and no temporary."""
    out = tmp_path / f"keep.{fmt}"
    out.write_text("old file", encoding="utf-8")
    targets = [out, *paired_paths(out).values()] if fmt == "txt" else [out]
    for target in targets:
        target.write_text("old file", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        if done == total:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_bitext(sample_bitext(), out, fmt, progress=cancel)
    assert all(t.read_text(encoding="utf-8") == "old file" for t in targets)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets)


def test_unwritable_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="missing"):
        export_bitext(sample_bitext(), tmp_path / "missing" / "x.tmx", "tmx")


@pytest.mark.parametrize(("name", "content"), [("broken.xlsx", b"not a zip"),
                                               ("notes.docx", b"whatever")])
def test_unreadable_inputs_are_input_errors(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=name.split(".")[0]):
        read_bitext(path)


def test_tsv_reader_accepts_language_code_headers(tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("EN-GB\tzh-HK\tStatus\nHello.\t你好。\tconfirmed\n", encoding="utf-8")
    assert _link_texts(read_bitext(path)) == [("你好。", "Hello.", "confirmed")]


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions only")
def test_export_gets_usual_permissions_not_private_ones(tmp_path: Path) -> None:
    """A colleague on a shared drive can open the export (mkstemp alone gives 0600)."""
    out = tmp_path / "shared.tsv"
    umask = os.umask(0o022)
    try:
        export_bitext(sample_bitext(), out, "tsv")
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        export_bitext(sample_bitext(), out, "tsv")
        assert out.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
    finally:
        os.umask(umask)
