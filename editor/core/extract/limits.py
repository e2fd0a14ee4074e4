"""How big a document the importer accepts, in one place.

Each limit keeps one import within a stated memory bound on an ordinary machine; a
document over a limit is refused with an :class:`~editor.core.errors.InputError` that
says the limit, before the expensive work starts. The figures behind the choices
(time and peak memory per size) come from ``bench/bench_big_inputs.py``:

* a bilingual text file costs about 2.7 s and 25 MB of peak memory per MB of text
  (segmentation dominates), so ``MAX_TEXT_BYTES`` (32 MB) stays under about 1 GB and
  about a minute and a half — far more than any real document (a 1,000-page book is
  2–3 MB) — while a 100 MB corpus dump is refused at once;
* a PDF costs about 12 ms and 50 kB per page of dense text, so ``MAX_PDF_PAGES``
  (5,000) stays under about 1 GB and two minutes even for pages twice as full;
* a DOCX or HTML file can unpack to far more text than its size suggests (a DOCX is a
  zip archive), so the decoded text is capped too (``MAX_TEXT_CHARS``) and a DOCX's
  ``word/document.xml`` may not unpack beyond ``MAX_DOCX_XML_BYTES``.

The memory bound stated for every accepted document: ``MEMORY_BOUND_BYTES``.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.errors import InputError

MB = 1024 * 1024

#: Peak memory one import of a document within the limits stays under.
MEMORY_BOUND_BYTES = 1024 * MB
#: Largest PDF file read at all (a scanned book can be large for few pages).
MAX_PDF_BYTES = 512 * MB
#: Most pages of one PDF.
MAX_PDF_PAGES = 5_000
#: Largest text document (.txt, .md, .html, .docx) file.
MAX_TEXT_BYTES = 32 * MB
#: Most characters of text one text document may yield after decoding or unpacking.
MAX_TEXT_CHARS = 32 * 1_000_000
#: Largest unpacked ``word/document.xml`` of a DOCX (markup is most of it).
MAX_DOCX_XML_BYTES = 256 * MB


def _amount(value: int, unit: str) -> str:
    return f"{value:,} {unit}"


def refuse_pages(path: Path, pages: int) -> None:
    """:class:`InputError` when a PDF has more than :data:`MAX_PDF_PAGES` pages."""
    if pages > MAX_PDF_PAGES:
        raise InputError(path, f"is too long: {_amount(pages, 'pages')}; the limit is "
                               f"{_amount(MAX_PDF_PAGES, 'pages')} (split the PDF)")


def refuse_size(path: Path, size: int, limit: int, what: str) -> None:
    """:class:`InputError` when a file of ``size`` bytes exceeds ``limit``."""
    if size > limit:
        raise InputError(path, f"is too large: {size / MB:,.0f} MB; the limit for {what} is "
                               f"{limit / MB:,.0f} MB (split the document)")


def refuse_chars(path: Path, chars: int) -> None:
    """:class:`InputError` when a document's text exceeds :data:`MAX_TEXT_CHARS`."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(path, f"is too large: {chars / 1e6:,.1f} million characters of text; the "
                               f"limit is {MAX_TEXT_CHARS / 1e6:,.0f} million (split the "
                               "document)")
