"""Regression tests for failures the fuzzer found (see tests/fuzzing.py)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from fuzzing import EN, ZH, open_like_the_window, sample_bitext

from editor.cli.main import main
from editor.core.errors import InputError
from editor.core.export import ExportOptions, export_bitext, read_bitext
from editor.core.extract.text import extract_text
from editor.core.model import Source
from editor.core.project import load_project, save_project
from editor.gui.bundle import BUNDLE_SUFFIX, PROJECT_MEMBER, save_bundle, unpack_bundle


def _corrupt_member(path: Path, member: str) -> None:
    """Flip the first byte of one member's deflate stream (the zip headers stay valid)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:
                                                   info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start] ^= 0xFF  # a broken block header: zlib.error while decompressing
    path.write_bytes(bytes(data))


def test_docx_with_broken_compressed_text_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fuzz case "table.docx flip #3": zlib.error escaped as an unexpected error."""
    path = tmp_path / "table.docx"
    export_bitext(sample_bitext(), path, "docx")
    _corrupt_member(path, "word/document.xml")
    with pytest.raises(InputError, match="not a readable Word document"):
        extract_text(path)
    assert main(["extract", "--no-ocr", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]


def test_docx_whose_directory_points_before_the_file_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fuzz case "table.docx splice #263": a seek to a negative offset raised a bare OSError
    (EINVAL) without a file name."""
    path = tmp_path / "table.docx"
    export_bitext(sample_bitext(), path, "docx")
    data = bytearray(path.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    (start,) = struct.unpack("<I", data[end + 16:end + 20])
    data[end + 16:end + 20] = struct.pack("<I", start + 4096)  # claims more bytes before it
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="not a readable Word document"):
        extract_text(path)
    assert main(["extract", "--no-ocr", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]


@pytest.mark.parametrize("name", ["memory.tmx", "memory.xlf"])
def test_memory_declaring_an_unknown_encoding_is_a_clear_error(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Fuzz case "memory.tmx huge #245": ``encoding="UTF-999999999999"`` in the XML
    declaration escaped from the parser as a bare LookupError."""
    path = tmp_path / name
    export_bitext(sample_bitext(), path, path.suffix.lstrip("."))
    path.write_bytes(path.read_bytes().replace(b'encoding="UTF-8"', b'encoding="UTF-999"', 1))
    with pytest.raises(InputError, match="unknown encoding"):
        read_bitext(path)
    assert main(["export", str(path), "-o", str(tmp_path / "out.tsv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and "unexpected" not in err[0]


@pytest.mark.parametrize(("name", "version"), [("memory.tmx", None), ("memory.xlf", "1.2"),
                                               ("memory.xlf", "2.1")])
def test_inline_markup_nested_thousands_deep_is_read(
        tmp_path: Path, name: str, version: str | None) -> None:
    """The fuzzer's nesting mutation: inline elements 100,000 deep inside one segment
    overflowed the recursive text walk (RecursionError); the text around them is kept."""
    path = tmp_path / name
    options = ExportOptions(xliff_version=version) if version else None  # type: ignore[arg-type]
    export_bitext(sample_bitext(), path, path.suffix.lstrip("."), options)
    data = path.read_bytes()
    first = sample_bitext().sentences["e0"].text.encode()
    deep = b"<g>" * 100_000 + b"deep" + b"</g>" * 100_000
    path.write_bytes(data.replace(first, first + deep, 1))
    bitext = read_bitext(path)
    texts = [s.text for s in bitext.sentences.values() if s.lang == "en"]
    assert texts[0] == first.decode() + "deep"


def test_project_recording_a_source_name_too_long_to_look_up_opens(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged project whose source path is 5,000 characters long: looking the file up
    raised OSError (file name too long) naming that path instead of the project."""
    path = tmp_path / "long.bitext"
    save_project(sample_bitext([Source("s0", "a" * 5000 + ".txt", kind="txt")]), path)
    assert load_project(path).source_paths == {"s0": None}
    assert main(["info", str(path)]) == 0
    assert "-> MISSING" in capsys.readouterr().out


def _bundle(folder: Path) -> Path:
    source = folder / "zh-en.txt"
    source.write_text("\n\n".join(ZH + EN), encoding="utf-8")
    path = folder / f"work{BUNDLE_SUFFIX}"
    save_bundle(sample_bitext([Source("s0", source.name, kind="txt")]), path, {},
                {"s0": source})
    return path


def test_bundle_with_broken_compressed_project_is_a_clear_error(tmp_path: Path) -> None:
    """Fuzz case "project.bitext-bundle flip #322": a flipped bit in the project's deflate
    stream raised zlib.error from unpacking (a traceback in the window)."""
    path = _bundle(tmp_path)
    _corrupt_member(path, PROJECT_MEMBER)
    with pytest.raises(InputError, match=path.name):
        unpack_bundle(path)


def test_bundle_with_damaged_project_names_the_bundle(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fuzz case "project.bitext-bundle member #88": the project inside a bundle was not
    valid JSON, and the message named ``work.bundle-files/project.bitext``, a file the
    user never chose."""
    path = _bundle(tmp_path)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[PROJECT_MEMBER] = members[PROJECT_MEMBER][:-20]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert open_like_the_window(path) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith(f"bitext-editor: {path}:")
