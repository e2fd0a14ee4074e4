"""``bitext extract``: plain and JSON output, passwords, and one-line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from editor.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "seed-sample.pdf"
FIXTURES = ROOT / ".." / "shared" / "fixtures"


def test_plain_output_lists_sentences_with_language_and_page(capsys):
    assert main(["extract", str(SAMPLE)]) == 0
    out, err = capsys.readouterr()
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(row) == 3 and row[0] in ("zh", "en") and row[1] == "1" for row in rows)
    assert ["en", "1", "CMA Legislative Council Representative"] in rows
    assert ["zh", "1", "其實深圳、廣州近年在科研產業化的發展也相當成功，香港與其他大灣區城市在"
            "科研領域、人才、資金方面亦各有優勢，各地可以發揮協同作用，互助互補，助力融入國家"
            "發展大局。"] in rows
    assert "layout: columns" in err and "warning garbled-text" in err


def test_json_output_has_provenance_layout_and_warnings(capsys):
    assert main(["extract", str(SAMPLE), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["layout"] == "columns"
    assert doc["sources"][0]["kind"] == "pdf" and len(doc["sources"][0]["sha256"]) == 64
    assert "garbled-text" in {w["code"] for w in doc["warnings"]}
    assert all(w["page"] == 0 for w in doc["warnings"])
    first_en = next(s for s in doc["sentences"] if s["id"] == "e0")
    assert first_en["text"] == ("Accelerating the Development of New Quality Productivity to "
                                "Stimulate Dynamic Energy")
    assert first_en["page"] == 0 and first_en["source"] == "s0"
    assert len(first_en["rects"]) == 2  # the title is set on two lines
    assert all(len(r) == 4 for s in doc["sentences"] for r in s["rects"])


def _locked(tmp_path: Path) -> Path:
    with pymupdf.open(SAMPLE) as doc:
        doc.save(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                 user_pw="pw")
    return tmp_path / "locked.pdf"


def test_password_option(tmp_path, capsys):
    locked = _locked(tmp_path)
    assert main(["extract", str(locked)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(locked) in err and "password" in err
    assert main(["extract", str(locked), "--password", "pw", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "encrypted" in {w["code"] for w in doc["warnings"]}


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n0000", b"%PDF-1.4\ngarbage"])
def test_bad_file_is_one_line_on_stderr(tmp_path, capsys, content):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert main(["extract", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert not out and err.startswith("bitext: ") and err.count("\n") == 1
    assert str(bad) in err and "Traceback" not in err


def test_no_ocr_option_reports_without_reading(capsys):
    assert main(["extract", str(SAMPLE), "--json", "--no-ocr"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [w["code"] for w in doc["warnings"]] == ["garbled-text"]
    assert not any("ocr" in s["flags"] for s in doc["sentences"])


def test_three_files_are_refused(capsys):
    assert main(["extract", str(SAMPLE), str(SAMPLE), str(SAMPLE)]) == 2
    assert "pair" in capsys.readouterr().err


@pytest.mark.shared
def test_pair_from_the_command_line(capsys):
    zh, en = FIXTURES / "pairs" / "bitcoin" / "zh.pdf", FIXTURES / "pairs" / "bitcoin" / "en.pdf"
    if not zh.exists():
        pytest.skip(f"shared fixtures absent ({FIXTURES})")
    assert main(["extract", str(en), str(zh), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["layout"] == "pair"
    assert [s["languages"] for s in doc["sources"]] == [["en"], ["zh"]]
    sources = {s["lang"]: s["source"] for s in doc["sentences"]}
    assert sources == {"zh": "s1", "en": "s0"}


def _text_import_available() -> bool:
    try:
        import editor.core.extract.text  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _text_import_available(), reason="text import not built yet")
def test_text_documents_are_dispatched_by_content(tmp_path, capsys):
    (tmp_path / "zh.txt").write_text("这是中文文件。只有中文。\n", encoding="utf-8")
    (tmp_path / "en.md").write_text("This is the English file. Only English.\n")
    assert main(["extract", str(tmp_path / "en.md"), str(tmp_path / "zh.txt"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["layout"] == "pair"
    assert [s["text"] for s in doc["sentences"]] == [
        "这是中文文件。", "只有中文。", "This is the English file.", "Only English."]


def test_misnamed_and_foreign_files_are_refused(tmp_path, capsys):
    import zipfile

    with zipfile.ZipFile(tmp_path / "report.txt", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with zipfile.ZipFile(tmp_path / "bundle.docx", "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert main(["extract", str(tmp_path / "report.txt")]) == 2
    assert "rename it to .docx" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "bundle.docx")]) == 2
    assert "ZIP archive, not a Word document" in capsys.readouterr().err


def test_version_and_help_do_not_load_the_document_libraries() -> None:
    """``bitext --version`` builds every sub-command's parser; loading PyMuPDF, python-docx
    or openpyxl for that would make every start-up slow."""
    import subprocess
    import sys

    code = ("import sys\nfrom editor.cli.main import build_parser\nbuild_parser()\n"
            "print(sorted(m for m in ('pymupdf', 'docx', 'openpyxl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
