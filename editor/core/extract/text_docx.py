"""Paragraphs of a Word document: body paragraphs and table cells, in document order."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from editor.core.errors import InputError
from editor.core.extract import limits
from editor.core.extract.text_common import RawBlock, clean_inline, join_lines

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, encrypted .docx
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_blocks(path: Path) -> list[RawBlock]:
    document = _open(path)
    return [RawBlock(text) for text in _texts(document.element.body) if text]


def _open(path: Path) -> Any:
    import docx  # python-docx; imported here so plain-text imports stay light
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == OLE_MAGIC:
        raise InputError(path, "an old-format (.doc) or password-protected Word file; "
                               "save it from Word as .docx without a password")
    if not zipfile.is_zipfile(path):
        raise InputError(path, "not a Word document (.docx files are zip archives; "
                               "this one is not)")
    _refuse_bomb(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error,
            EOFError, SyntaxError, OSError) as exc:  # lxml's XMLSyntaxError is a SyntaxError;
        # OSError: member offsets that point before the file's start (seek fails)
        raise InputError(path, f"not a readable Word document ({exc})") from None


def _refuse_bomb(path: Path) -> None:
    """Refuse a document whose body unpacks to more than the limit (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = archive.getinfo("word/document.xml").file_size
    except (KeyError, zipfile.BadZipFile, OSError):
        return  # python-docx reports these with its own message
    limits.refuse_size(path, size, limits.MAX_DOCX_XML_BYTES, "the text of a Word document")


def _texts(body: Any) -> Iterator[str]:
    """Texts of paragraphs and table cells below ``body``, in order, each cell once."""
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield clean_inline(join_lines(_paragraph_text(child).split("\n")))
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    yield from _texts(cell)
        elif child.tag == f"{_W}sdt":  # content controls wrap ordinary paragraphs
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _texts(content)


def _paragraph_text(paragraph: Any) -> str:
    """Run texts; tabs become spaces, line breaks newlines (w:t, w:tab, w:br, w:cr)."""
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)
