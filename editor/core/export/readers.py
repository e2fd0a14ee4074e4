"""Reading exported files back as a bitext: the shared half of the TMX/TSV/XLSX readers.

Each format module parses its file into :class:`RowData` (texts and the link's status,
confidence and note as strings); :func:`bitext_from_rows` makes the project, one link
per row with one sentence per non-empty side, so reading what we wrote gives back the
same link texts and statuses.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import InputError
from editor.core.extract import limits
from editor.core.model import Bitext, Link, Sentence, Source
from editor.core.sources import sha256_file

from .common import parse_confidence, parse_status


def refuse_oversized(path: Path) -> None:
    """:class:`InputError` stating the limit when the file (for a zip archive such as an
    XLSX, what it unpacks to) is over :data:`~editor.core.extract.limits.MAX_MEMORY_FILE_BYTES`,
    before any of it is parsed: beyond that a memory would not fit the stated bound."""
    size = path.stat().st_size
    if zipfile.is_zipfile(path):
        with contextlib.suppress(zipfile.BadZipFile, OSError), zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    limits.refuse_size(path, size, limits.MAX_MEMORY_FILE_BYTES, "a translation memory or table")


@dataclass(frozen=True, slots=True)
class RowData:
    zh: str
    en: str
    status: str = "auto"
    confidence: str = ""
    note: str = ""


def bitext_from_rows(rows: list[RowData], path: str | Path, *, kind: str,
                     languages: tuple[str, ...] = ()) -> Bitext:
    """One link per row; empty sides become 1-0 / 0-1 links; rows empty on both dropped."""
    source = Source(id="s0", path=str(path), sha256=sha256_file(path), kind=kind,
                    languages=languages)
    sentences: dict[str, Sentence] = {}
    links: list[Link] = []
    for row in rows:
        if not row.zh and not row.en:
            continue
        zh = _add(sentences, "zh", row.zh, len(links))
        en = _add(sentences, "en", row.en, len(links))
        links.append(Link(zh=zh, en=en, status=parse_status(row.status),
                          confidence=parse_confidence(row.confidence), note=row.note))
    bitext = Bitext(sources=[source], sentences=sentences, links=links)
    bitext.check()
    return bitext


def _add(sentences: dict[str, Sentence], lang: str, text: str, index: int) -> tuple[str, ...]:
    if not text:
        return ()
    sid = f"{lang[0]}{index}"
    sentences[sid] = Sentence(id=sid, lang="zh" if lang == "zh" else "en", text=text,
                              original=text, order=(index,))
    return (sid,)



# -- XML (TMX, XLIFF) -----------------------------------------------------------------

@contextlib.contextmanager
def xml_problems(path: Path, what: str) -> Iterator[None]:
    """Parsing failures as :class:`InputError` naming the file.

    Besides malformed XML, a declaration may name an encoding Python does not know
    (``encoding="UTF-999"``): expat asks for it and gets a bare ``LookupError``.
    """
    try:
        yield
    except ET.ParseError as exc:
        raise InputError(path, f"not a valid {what} file ({exc})") from exc
    except LookupError as exc:
        if isinstance(exc, KeyError | IndexError):  # a bug of ours, not the file's
            raise
        raise InputError(path, f"not a readable {what} file ({exc})") from exc


def inline_text(element: ET.Element, keep: Callable[[ET.Element], bool]) -> str:
    """The text of ``element`` and of the descendants ``keep`` accepts, with every tail.

    Walks with its own stack: a hostile file nests inline elements thousands deep, and
    recursion would end in ``RecursionError``.
    """
    parts = [element.text or ""]
    stack: list[tuple[Iterator[ET.Element], str]] = [(iter(element), "")]
    while stack:
        children, tail = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(tail)
        elif keep(child):
            parts.append(child.text or "")
            stack.append((iter(child), child.tail or ""))
        else:
            parts.append(child.tail or "")
    return "".join(parts)
