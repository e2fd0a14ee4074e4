"""The one import entry point: documents in, located Chinese and English sentences out.

``import_documents([path])`` reads one bilingual document; ``import_documents([a, b])``
reads a pair, each document being in one language (told by its script, not its name or
position). The kind of each file is decided by its content, not its extension, so a PDF
named ``.txt`` is still read as a PDF and a renamed image is refused with a clear
message. The GUI, ``bitext extract`` and ``bitext align`` all come through here.

With ``timeout`` the PDF work runs in a child process that is killed when it goes that
long without progress (hostile or damaged files must not hang the caller).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import time
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.errors import BitextError, InputError
from editor.core.extract.pdf import (
    HAN_WEIGHT,
    MAX_PDF_BYTES,
    Cancel,
    ImportCancelled,
    Progress,
    check_file,
    extract_pdf,
)
from editor.core.extract.types import Extraction, ImportWarning, Paragraph
from editor.core.model import LANGS, Lang, Sentence

__all__ = ["ImportCancelled", "ImportResult", "import_documents", "sniff_kind"]

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx"}
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"), (b"\x7fELF", "a program"), (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (save it as .docx)"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
)

Exceptions = Mapping[Lang, Sequence[str]]
POLL_SECONDS = 0.2  # how often a time-limited import checks the cancel button


@dataclass(slots=True)
class ImportResult:
    """What an import produced: paragraphs and warnings, and the sentences of each language."""

    extraction: Extraction
    zh: list[Sentence] = field(default_factory=list)
    en: list[Sentence] = field(default_factory=list)

    @property
    def warnings(self) -> list[ImportWarning]:
        return self.extraction.warnings

    @property
    def layout(self) -> str:
        return self.extraction.layout


def import_documents(paths: Sequence[str | Path], *, password: str | None = None,
                     progress: Progress | None = None, cancel: Cancel | None = None,
                     exceptions: Exceptions | None = None,
                     timeout: float | None = None, ocr: bool = True) -> ImportResult:
    """Import one bilingual document or a pair and segment it into sentences.

    ``ocr=False`` skips Tesseract (unreadable text is still reported); ``timeout`` runs
    each PDF in a child process killed when it makes no progress for that many seconds.
    ``exceptions`` are the user's segmentation exceptions per language, as changes to
    the built-in lists (:mod:`editor.core.segment_exceptions`).

    Raises :class:`InputError` naming the file for anything that cannot be imported and
    :class:`ImportCancelled` when ``cancel()`` says so.
    """
    if len(paths) not in (1, 2):
        raise BitextError(f"give one bilingual document or a pair, not {len(paths)} files")
    parts = []
    for k, raw in enumerate(paths):
        step = _scaled(progress, k, len(paths))
        parts.append(extract_any(Path(raw), password=password, progress=step, cancel=cancel,
                                 source_id=f"s{k}", timeout=timeout, ocr=ocr))
    extraction = parts[0] if len(parts) == 1 else combine_pair(parts[0], parts[1])
    if len(parts) == 1:
        _warn_missing_language(extraction)
    zh, en = segment(extraction, exceptions)
    return ImportResult(extraction, zh, en)


def segment(extraction: Extraction, exceptions: Exceptions | None = None
            ) -> tuple[list[Sentence], list[Sentence]]:
    from editor.core.segment import segment_extraction

    return segment_extraction(extraction, exceptions)


def _scaled(progress: Progress | None, k: int, n: int) -> Progress | None:
    """Progress of one document of ``n`` mapped onto a 0‥1000 scale for the whole import."""
    if progress is None:
        return None
    report = progress

    def step(done: int, total: int) -> None:
        share = done / total if total else 1.0
        report(int(1000 * (k + share) / n), 1000)

    return step


def sniff_kind(path: Path) -> str:
    """``pdf``, ``docx``, ``txt``, ``md`` or ``html`` from the content (and the name for text).

    Raises :class:`InputError` for directories, missing files, and files that are
    something else (images, archives, programs) whatever their extension says.
    """
    check_file(path, MAX_PDF_BYTES)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, suffix)
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            raise InputError(path, f"is {what}, not a document")
    if suffix == ".pdf":
        raise InputError(path, "is not a PDF (no %PDF header): damaged or misnamed")
    kind = TEXT_SUFFIXES.get(suffix)
    if kind is None or kind == "docx":
        known = "PDF, " + ", ".join(sorted(s for s in TEXT_SUFFIXES if s != ".docx")) + \
            ", .docx"
        raise InputError(path, f"is not a document type that can be imported ({known})")
    return kind


def _zip_kind(path: Path, suffix: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"is a damaged ZIP/DOCX file ({exc})") from None
    if "word/document.xml" not in names:
        raise InputError(path, "is a ZIP archive, not a Word document")
    if suffix != ".docx":
        raise InputError(path, "is a Word document with the wrong extension; "
                               "rename it to .docx")
    return "docx"


def extract_any(path: Path, *, password: str | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None, source_id: str = "s0",
                timeout: float | None = None, lang_hint: Lang | None = None,
                ocr: bool = True) -> Extraction:
    """One document of any supported kind, its source labelled ``source_id``."""
    kind = sniff_kind(path)
    if kind == "pdf":
        if timeout is not None:
            return run_with_timeout(path, password, source_id, timeout, ocr=ocr,
                                    progress=progress, cancel=cancel)
        return extract_pdf(path, password=password, progress=progress, cancel=cancel,
                           source_id=source_id, ocr=ocr)
    try:
        from editor.core.extract.text import extract_text
    except ImportError:
        raise InputError(path, "text documents cannot be imported in this build") from None
    if cancel is not None and cancel():
        raise ImportCancelled(f"{path}: import cancelled")
    extraction = extract_text(path, lang_hint=lang_hint)
    if progress is not None:
        progress(1, 1)
    return relabel(extraction, source_id, 0)


def relabel(extraction: Extraction, source_id: str, first_index: int,
            lang: Lang | None = None) -> Extraction:
    """The same extraction with its source called ``source_id``, paragraphs renumbered
    from ``first_index`` and (for one document of a pair) all set to ``lang``."""
    old = {s.id for s in extraction.sources}
    paragraphs = [dataclasses.replace(p, source=source_id, index=first_index + k,
                                      lang=lang or p.lang)
                  for k, p in enumerate(extraction.paragraphs)]
    sources = [dataclasses.replace(s, id=source_id,
                                   languages=(lang,) if lang else s.languages)
               for s in extraction.sources]
    warnings = [dataclasses.replace(w, source=source_id if w.source in old or w.source is None
                                    else w.source) for w in extraction.warnings]
    return Extraction(sources, paragraphs, extraction.layout, warnings)


def dominant_language(paragraphs: Sequence[Paragraph]) -> Lang | None:
    """The language most of the text is in (Chinese characters weighted as four letters)."""
    weight = {lang: 0.0 for lang in LANGS}
    for para in paragraphs:
        weight[para.lang] += len(para.text) * (HAN_WEIGHT if para.lang == "zh" else 1.0)
    if not any(weight.values()):
        return None
    return max(LANGS, key=lambda lang: weight[lang])


def combine_pair(first: Extraction, second: Extraction) -> Extraction:
    """Two single-language documents as one extraction, each set to its own language."""
    langs = [dominant_language(first.paragraphs), dominant_language(second.paragraphs)]
    for part, lang in zip((first, second), langs, strict=True):
        if lang is None:
            codes = {w.code for w in part.warnings}
            why = ""
            if "no-text-layer" in codes:
                why = " (its pages are scanned images" + (
                    "; install Tesseract to read them)" if "ocr-unavailable" in codes else ")")
            raise InputError(part.sources[0].path,
                             f"has no Chinese or English text to import{why}")
    if langs[0] == langs[1]:
        name = "Chinese" if langs[0] == "zh" else "English"
        raise InputError(second.sources[0].path,
                         f"is in {name}, like {first.sources[0].path}: a pair needs one "
                         "Chinese and one English document")
    for part in (first, second):  # one language each: single-document doubts do not apply
        part.warnings = [w for w in part.warnings if w.code != "layout-uncertain"]
    a = relabel(first, first.sources[0].id, 0, langs[0])
    b = relabel(second, second.sources[0].id, len(a.paragraphs), langs[1])
    return Extraction(sources=[*a.sources, *b.sources], paragraphs=[*a.paragraphs,
                      *b.paragraphs], layout="pair", warnings=[*a.warnings, *b.warnings])


def _warn_missing_language(extraction: Extraction) -> None:
    for lang in LANGS:
        if not extraction.of(lang):
            name = "Chinese" if lang == "zh" else "English"
            extraction.warnings.append(ImportWarning(
                "language-missing", f"no {name} text found: to align, give the {name} "
                "translation as a second document",
                extraction.sources[0].id if extraction.sources else None))


# -- isolation ---------------------------------------------------------------------------

def run_with_timeout(path: Path, password: str | None, source_id: str, timeout: float, *,
                     ocr: bool = True, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> Extraction:
    """:func:`extract_pdf` in a child process, killed when it makes no progress for
    ``timeout`` seconds (a hang on a hostile file; long OCR runs keep reporting).

    The child reports progress over a pipe; ``cancel`` is polled a few times a second
    and kills the child when it says so.
    """
    ctx: Any = multiprocessing.get_context(_start_method())
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, str(path), password, source_id, ocr),
                        daemon=True)
    child.start()
    sender.close()
    try:
        status, payload = _wait_for_child(path, receiver, timeout, progress, cancel)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "ok":
        return payload
    raise InputError(path, str(payload) if status == "input" else f"cannot be read ({payload})")


def _start_method() -> str:
    """``fork`` (instant) only where it is safe: POSIX and no other thread running.

    Forking a process with threads (the editor window: Qt's threads, the page renderer)
    copies locks that may be held and can deadlock the child, so there a fresh
    interpreter is started instead (``spawn``, which frozen builds support through
    ``multiprocessing.freeze_support``).
    """
    if "fork" in multiprocessing.get_all_start_methods() and not _other_threads():
        return "fork"
    return "spawn"


def _other_threads() -> bool:
    """Whether this process runs other threads, native ones (Qt's, BLAS's) included."""
    try:
        return len(os.listdir("/proc/self/task")) > 1  # Linux: every thread of the process
    except OSError:
        return threading.active_count() > 1


def _wait_for_child(path: Path, receiver: Any, timeout: float, progress: Progress | None,
                    cancel: Cancel | None) -> tuple[str, Any]:
    """The child's final message, relaying its progress; errors for timeout and crashes."""
    deadline = time.monotonic() + timeout
    while True:
        if cancel is not None and cancel():
            raise ImportCancelled(f"{path}: import cancelled")
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError(path, f"made no progress for {timeout:.0f} s; the file may be "
                                   "damaged")
        try:
            if not receiver.poll(min(left, POLL_SECONDS)):
                continue
            message = receiver.recv()
        except EOFError:
            raise InputError(path, "crashed the PDF reader (damaged file)") from None
        if message[0] == "progress":
            deadline = time.monotonic() + timeout  # a watchdog: time without progress
            if progress is not None:
                progress(message[1], message[2])
            continue
        return message[0], message[1]


def _child(sender: Any, path: str, password: str | None, source_id: str, ocr: bool) -> None:
    def report(done: int, total: int) -> None:
        sender.send(("progress", done, total))

    try:
        result: tuple[str, Any] = ("ok", extract_pdf(path, password=password, progress=report,
                                                     source_id=source_id, ocr=ocr))
    except InputError as exc:
        result = ("input", exc.problem)
    except Exception as exc:
        result = ("other", f"{type(exc).__name__}: {exc}")
    sender.send(result)
    sender.close()
