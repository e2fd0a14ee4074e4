"""How big a document the importer accepts, in one place.

Each limit keeps one import within a stated memory bound on an ordinary machine; a
document over a limit is refused with an :class:`~editor.core.errors.InputError` that
says the limit, before the expensive work starts. The figures behind the choices
(time and peak memory per size) come from ``bench/bench_big_inputs.py``:

* a bilingual text file costs about 2 s (3 s on a busy machine) and 15 MB of peak
  memory per MB of text (segmentation dominates): at ``MAX_TEXT_BYTES`` (24 MB, some
  330,000 sentences) that is about 370 MB and a minute — far more than any
  real document (a 1,000-page book is 2–3 MB) — while a 100 MB corpus dump is refused
  at once;
* a PDF costs about 12 ms (20 ms busy) and 55 kB per page of text: at
  ``MAX_PDF_PAGES`` (5,000) about 290 MB and two minutes, so even pages several times
  as full stay within the bound;
* a page's text costs about 2.5 kB of peak memory and 0.1 ms per character while it is
  read (MuPDF's character boxes as Python objects, then lines): a full page has 1,000–3,000
  characters and dense newsprint 20,000, but a 460 kB PDF can draw 400,000 on one page
  (1.1 GB, 36 s). A page over ``MAX_PAGE_CHARS`` (50,000) is left out with a warning,
  and a PDF whose pages hold more than ``MAX_PDF_CHARS`` (10 million, about 5,000 full
  pages) in all is refused;
* a DOCX can unpack to far more text than its size suggests (it is a zip archive), so
  its ``word/document.xml`` may not unpack beyond ``MAX_DOCX_XML_BYTES`` and its text
  is capped (``MAX_TEXT_CHARS``); other text files are bounded by their size. Memory follows
  the sentence count (about 1 kB a sentence), and Chinese has three times as many
  sentences per character as English, so 20 million characters of Chinese alone
  (some 750,000 sentences) is the worst case the character limit admits.

* a translation memory or table read as a project (TMX, XLIFF, TSV/CSV, XLSX) costs
  about 12 MB of peak memory per MB of TSV (the densest: all text, no markup), 11 per
  MB of XLIFF (parsed whole), 4 per MB of TMX (streamed) and 5 per MB of an XLSX
  sheet's unpacked XML: at ``MAX_MEMORY_FILE_BYTES`` (64 MB, some 400,000 rows of
  TSV) that is at most about 800 MB. The limit applies to the file, and for an XLSX
  (a zip archive) to what it unpacks to.

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
#: Most characters of text on one PDF page (more: the page is left out, with a warning).
MAX_PAGE_CHARS = 50_000
#: Most characters of text in all the pages of one PDF.
MAX_PDF_CHARS = 10_000_000
#: Largest text document (.txt, .md, .html, .docx) file.
MAX_TEXT_BYTES = 24 * MB
#: Most characters of text a DOCX may unpack to.
MAX_TEXT_CHARS = 20 * 1_000_000
#: Largest unpacked ``word/document.xml`` of a DOCX (markup is most of it).
MAX_DOCX_XML_BYTES = 256 * MB
#: Largest TMX, XLIFF or TSV/CSV file, or unpacked XLSX, read as a project.
MAX_MEMORY_FILE_BYTES = 64 * MB
#: Seconds a PDF may go without progress (a page read) before it is taken for hostile
#: or damaged and its reader process is killed ...
PDF_STALL_SECONDS = 30.0
#: ... and with OCR, which reports once per batch of pages: longer than Tesseract's own
#: limit for one image (``ocr.TIMEOUT``, 120 s) plus rendering, so a page Tesseract gives
#: up on costs that page, not the whole import.
PDF_OCR_STALL_SECONDS = 180.0


def pdf_stall_seconds(ocr: bool) -> float:
    """The watchdog for one PDF read in a guarded child process."""
    return PDF_OCR_STALL_SECONDS if ocr else PDF_STALL_SECONDS


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


def refuse_pdf_chars(path: Path, chars: int) -> None:
    """:class:`InputError` once a PDF's pages hold more than :data:`MAX_PDF_CHARS`."""
    if chars > MAX_PDF_CHARS:
        raise InputError(path, f"holds too much text: over {chars / 1e6:,.1f} million "
                               f"characters; the limit is {MAX_PDF_CHARS / 1e6:,.0f} million "
                               "(split the PDF)")


def refuse_chars(path: Path, chars: int) -> None:
    """:class:`InputError` when a document's text exceeds :data:`MAX_TEXT_CHARS`."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(path, f"is too large: {chars / 1e6:,.1f} million characters of text; the "
                               f"limit is {MAX_TEXT_CHARS / 1e6:,.0f} million (split the "
                               "document)")
