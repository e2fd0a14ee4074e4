"""Regression tests for failures the fuzzer found (see tests/fuzzing.py)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from fuzzing import sample_bitext

from editor.cli.main import main
from editor.core.errors import InputError
from editor.core.export import export_bitext
from editor.core.extract.text import extract_text


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
