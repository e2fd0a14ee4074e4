"""PDF: the bilingual text side by side (columns) or alternating paragraphs, with PyMuPDF.

Layout is MuPDF's HTML engine (``pymupdf.Story``). Chinese is set in the CJK font built
into PyMuPDF (Droid Sans Fallback); characters it lacks (HKSCS, Ext. A/B) get a subset
of an installed font (:mod:`editor.core.export.fonts`). Fonts are embedded and subset.

Three things keep a 50,000-link export linear: a Story's layout time grows with its
length squared, so text goes in chunks of :data:`CHUNK` links, each continuing where the
previous one stopped; MuPDF's writer slows down with every page it holds, so pages go to
part files of :data:`PART_PAGES`; long documents are laid out by one worker process per
CPU (each slice starts on a new page). The column labels repeat at the top of every
page; page numbers ("3 / 120") are stamped once the parts are joined.

Measured alternatives (50,000 links, 2 CPUs): ``TextWriter.append`` per line costs some
15 ms a page against the Story's ~3.5 ms (most of it Python overhead and
``fz_bound_text`` per call), so it is not used; chunk size (10/30/60 links) and part
size (250–3,000 pages) change little. Of ~31 CPU seconds, the Story's place and draw
take half, ``subset_fonts`` about 5 s, saving about 4 s.

PyMuPDF is not thread-safe: call this from one thread (or a worker process). A frozen
application must call ``multiprocessing.freeze_support()`` for the workers to start.
"""

from __future__ import annotations

import functools
import html
import multiprocessing
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import pymupdf

from editor.core.atomic import atomic_writer
from editor.core.cpus import usable_cpus
from editor.core.errors import ExportError
from editor.core.model import Bitext

from . import fonts
from .common import Job, Progress, Row
from .common import rows as collect_rows
from .options import ExportOptions, LangCodes

CHUNK = 30
PART_PAGES = 250
ROWS_PER_WORKER = 4000
PAGE = pymupdf.paper_rect("a4")
MARGIN = 48.0
FOOTER = 24.0
LABELS = {"zh": "中文", "en": "English"}
NUMBER_COLUMN = 26.0
PADDING = 4.0
CSS = """
* { font-family: sans-serif; font-size: 10pt; line-height: 1.35; }
html, body { margin: 0; padding: 0; }
h1 { font-size: 16pt; margin: 0 0 8pt 0; }
table { border-collapse: collapse; margin: 0; }
td { vertical-align: top; padding: 3pt 4pt; border-bottom: 0.4pt solid #bbbbbb; }
td.num { color: #777777; font-size: 8pt; text-align: right; }
td.head { font-weight: bold; color: #444444; border-bottom: 0.8pt solid #444444; }
p { margin: 0 0 2pt 0; }
p.note { font-style: italic; color: #666666; font-size: 8.5pt; }
div.pair { margin: 0 0 7pt 0; }
p.num { color: #777777; font-size: 8pt; margin: 0; }
p.zh { margin: 0 0 2pt 0; }
"""


def write(job: Job, path: Path) -> None:
    try:
        data = render(job)
    except pymupdf.mupdf.FzErrorBase as exc:  # not a RuntimeError: name it here
        raise ExportError(path, f"PDF layout failed ({exc})") from exc
    with atomic_writer(path, "wb") as out:
        out.write(data)


def render(job: Job) -> bytes:
    """The finished PDF: laid out in parts (in parallel when long), numbered, joined."""
    rows = collect_rows(job.bitext, job.options)  # fast; progress follows the layout
    slices = _slices(rows, _worker_count(len(rows)))
    with tempfile.TemporaryDirectory(prefix="bitext-pdf-") as folder:
        fallback = _fallback(job, rows, Path(folder))
        tasks = [(job.options, job.codes, part, folder, f"{k:02d}", k == 0, fallback)
                 for k, part in enumerate(slices)]
        if len(tasks) == 1:
            results = [lay_out_slice(*tasks[0], progress=job.progress)]
        else:
            results = _in_workers(tasks, job.progress, len(rows))
        return _finish(job, results, Path(folder) / "joined.pdf")


def _in_workers(tasks: list[tuple], progress: Progress | None,
                total: int) -> list[tuple[str, int]]:
    """Each slice in its own process; progress advances as slices finish."""
    context = multiprocessing.get_context("spawn")  # PyMuPDF: processes, not threads
    with ProcessPoolExecutor(len(tasks), mp_context=context) as pool:
        futures = [pool.submit(lay_out_slice, *task) for task in tasks]
        done = 0
        for future in as_completed(futures):
            done += len(tasks[futures.index(future)][2])
            if progress is not None:
                progress(done, total)
        return [future.result() for future in futures]


def _fallback(job: Job, rows: list[Row], folder: Path) -> fonts.Fallback | None:
    """A font for the characters the built-in CJK font lacks, if the document has any."""
    text = "".join(f"{row.zh}{row.en}{row.note}" for row in rows) + job.options.title
    missing = fonts.uncovered(text)
    return fonts.build_fallback(missing, folder, job.code("zh")) if missing else None


def _worker_count(n_rows: int) -> int:
    """One process per :data:`ROWS_PER_WORKER` rows, at most one per CPU (and 8)."""
    return max(1, min(usable_cpus(), 8, n_rows // ROWS_PER_WORKER))


def _slices(rows: list[Row], count: int) -> list[list[Row]]:
    size = -(-len(rows) // count) if rows else 1
    return [rows[k:k + size] for k in range(0, max(len(rows), 1), size)] or [[]]


def lay_out_slice(options: ExportOptions, codes: LangCodes, rows: list[Row], folder: str,
                  tag: str, opening: bool,
                  fallback: fonts.Fallback | None = None,
                  progress: Progress | None = None) -> tuple[str, int]:
    """Lay out one run of rows as one PDF with subset fonts: (its path, its page count).

    Runs in a worker process when parallel, so the costly font subsetting is shared out
    too. A slice after the first starts on a fresh page (the page before may end short).
    """
    job = Job(bitext=Bitext(), options=options, codes=codes, progress=progress)
    parts = _Parts(Path(folder), tag)
    try:
        _lay_out(job, rows, parts, opening=opening, fallback=fallback)
    finally:
        parts.close()
    doc = pymupdf.open(parts.paths[0])
    try:
        for path in parts.paths[1:]:
            with pymupdf.open(path) as part:
                doc.insert_pdf(part)
        doc.subset_fonts()
        if fallback is not None and any(ord(c) > 0xFFFF for c in fallback.chars):
            fix_to_unicode(doc)
        target = str(Path(folder) / f"slice-{tag}.pdf")
        doc.save(target, garbage=1, deflate=True)
        return target, doc.page_count
    finally:
        doc.close()


class _Parts:
    """Pages written to a series of files of at most :data:`PART_PAGES` pages each.

    MuPDF's writer spends time proportional to the page count on every new page, so one
    5,000-page writer is quadratic; parts keep each writer small. A part always ends at
    a page break, so joining the parts leaves no gap.
    """

    def __init__(self, folder: Path, tag: str) -> None:
        self.folder = folder
        self.tag = tag
        self.paths: list[str] = []
        self.counts: list[int] = []
        self._writer: pymupdf.DocumentWriter | None = None
        self._open_page = False

    def new_page(self):  # -> pymupdf.Device
        self.end_page()
        if self._writer is None or self.counts[-1] >= PART_PAGES:
            self.close()
            self.paths.append(str(self.folder / f"part-{self.tag}-{len(self.paths):04d}.pdf"))
            self.counts.append(0)
            self._writer = pymupdf.DocumentWriter(self.paths[-1])
        self.counts[-1] += 1
        self._open_page = True
        return self._writer.begin_page(PAGE)

    def end_page(self) -> None:
        if self._open_page and self._writer is not None:
            self._writer.end_page()
        self._open_page = False

    def close(self) -> None:
        self.end_page()
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def _finish(job: Job, slices: list[tuple[str, int]], target: Path) -> bytes:
    """Join the slices, stamp page numbers, set the metadata.

    Saved through ``target`` (a scratch file) rather than ``doc.tobytes()``: MuPDF hands
    ``tobytes`` its output in hundreds of thousands of small Python calls.
    """
    doc = pymupdf.open(slices[0][0])
    try:
        for path, _count in slices[1:]:
            with pymupdf.open(path) as part:
                doc.insert_pdf(part)
        _number_pages(doc)
        doc.set_metadata({"title": job.options.title or "Bilingual text",
                          "creator": "Bitext Editor"})
        doc.save(target, garbage=0, deflate=True)
    finally:
        doc.close()
    return target.read_bytes()


_LONG_HEX = re.compile(rb"<([0-9A-Fa-f]{5,6})>")


def fix_to_unicode(doc: pymupdf.Document) -> None:
    """Write characters beyond U+FFFF in ToUnicode maps as UTF-16 surrogate pairs.

    MuPDF writes ``<20d71>`` for 𠵱, which no reader understands, so copying or
    searching the PDF would lose the character; ``<D843DD71>`` is what PDF specifies.
    Source codes are four hex digits (two-byte CIDs), so only destinations are longer.
    """
    for xref in range(1, doc.xref_length()):
        kind, value = doc.xref_get_key(xref, "ToUnicode")
        if kind != "xref":
            continue
        stream_xref = int(value.split()[0])
        data = doc.xref_stream(stream_xref)
        fixed = _LONG_HEX.sub(_utf16_hex, data)
        if fixed != data:
            doc.update_stream(stream_xref, fixed)


def _utf16_hex(match: re.Match[bytes]) -> bytes:
    text = chr(int(match.group(1), 16)).encode("utf-16-be").hex().upper()
    return f"<{text}>".encode("ascii")


def page_xrefs(doc: pymupdf.Document) -> list[int]:
    """Page object numbers in order, by one walk of the page tree.

    ``doc.page_xref(n)`` searches the tree from the root for every page, which is
    quadratic over a 5,000-page document.
    """
    root = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
    found: list[int] = []
    stack = [root]
    while stack:
        xref = stack.pop()
        if doc.xref_get_key(xref, "Type")[1] == "/Page":
            found.append(xref)
            continue
        kids = doc.xref_get_key(xref, "Kids")[1].strip("[]").split()
        stack.extend(reversed([int(k) for k in kids[0::3]]))
    return found


BODY = pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN - FOOTER)


def _css(job: Job) -> str:
    """Fixed column widths in points, so every chunk's table lines up with the others."""
    numbers = NUMBER_COLUMN if job.options.link_numbers else 0.0
    text = (BODY.width - numbers) / 2
    return (f"{CSS}\ntd.num {{ width: {numbers - 2 * PADDING:.1f}pt; }}\n"
            f"td.text {{ width: {text - 2 * PADDING:.1f}pt; }}\n")


def _lay_out(job: Job, rows: list[Row], parts: _Parts, *, opening: bool,
             fallback: fonts.Fallback | None = None) -> None:
    body = BODY
    css = _css(job)
    header = _header_story(job, css)
    device = parts.new_page()
    top = body.y0 if opening else _draw_header(header, device, body)
    for index, chunk_html in enumerate(_chunks(job, rows, opening=opening)):
        if job.progress is not None:
            job.progress(min(index * CHUNK, len(rows)), len(rows))
        story = _story(chunk_html, css, fallback)
        while True:
            more, filled = story.place(pymupdf.Rect(body.x0, top, body.x1, body.y1))
            story.draw(device)
            top = pymupdf.Rect(filled).y1
            if not more:
                break
            device = parts.new_page()
            top = _draw_header(header, device, body)
    if job.progress is not None:
        job.progress(len(rows), len(rows))


def _story(chunk_html: str, css: str, fallback: fonts.Fallback | None) -> pymupdf.Story:
    """A chunk's story; runs of characters the built-in font lacks get the fallback font.

    Only chunks that use it load it, so a document with one rare character pays once.
    Wrapping is safe on the finished HTML: the characters are CJK, the markup ASCII.
    """
    if fallback is not None:
        pattern = re.compile(f"[{re.escape(fallback.chars)}]+")
        wrapped = pattern.sub(lambda m: f'<span class="fb">{m.group(0)}</span>', chunk_html)
        if wrapped != chunk_html:
            return pymupdf.Story(wrapped, user_css=css + fallback.css,
                                 archive=pymupdf.Archive(fallback.folder))
    return pymupdf.Story(chunk_html, user_css=css)


def _header_story(job: Job, css: str) -> pymupdf.Story | None:
    """Column labels repeated on each continuation page (none for alternating layout)."""
    if job.options.pdf_layout != "columns":
        return None
    return pymupdf.Story(f"<table>{_head_row(job)}</table>", user_css=css)


def _draw_header(story: pymupdf.Story | None, device, body: pymupdf.Rect) -> float:
    if story is None:
        return body.y0
    story.reset()
    _more, filled = story.place(body)
    story.draw(device)
    return pymupdf.Rect(filled).y1


def _head_row(job: Job) -> str:
    num = '<td class="num head">#</td>' if job.options.link_numbers else ""
    cells = "".join(f'<td class="text head">{LABELS[lang]} ({html.escape(job.code(lang))})'
                    "</td>" for lang in job.options.langs)
    return f"<tr>{num}{cells}</tr>"


def _chunks(job: Job, rows: list[Row], *, opening: bool) -> Iterator[str]:
    """HTML for every :data:`CHUNK` rows, the first with the title when ``opening``."""
    title = f"<h1>{_esc(job.options.title or 'Bilingual text')}</h1>" if opening else ""
    columns = job.options.pdf_layout == "columns"
    pending: list[str] = []
    first = opening
    for row in rows:
        pending.append(_row_html(row, job) if columns else _pair_html(row, job))
        if len(pending) == CHUNK:
            yield _wrap(job, pending, title if first else "", head=first)
            pending, first = [], False
    if pending or (first and opening):
        yield _wrap(job, pending, title if first else "", head=first)


def _wrap(job: Job, rows: list[str], title: str, *, head: bool) -> str:
    if job.options.pdf_layout != "columns":
        return title + "".join(rows)
    head_row = _head_row(job) if head else ""
    return f"{title}<table>{head_row}{''.join(rows)}</table>"


def _row_html(row: Row, job: Job) -> str:
    num = f'<td class="num">{row.number}</td>' if job.options.link_numbers else ""
    cells = []
    for k, lang in enumerate(job.options.langs):
        note = ""
        if k == 1 and row.note and job.options.notes:
            note = f'<p class="note">{_esc(row.note)}</p>'
        cells.append(f'<td class="text" lang="{html.escape(job.code(lang))}">'
                     f"<p>{_esc(row.text(lang))}</p>{note}</td>")
    return f"<tr>{num}{''.join(cells)}</tr>"


def _pair_html(row: Row, job: Job) -> str:
    parts = ['<div class="pair">']
    if job.options.link_numbers:
        parts.append(f'<p class="num">{row.number}</p>')
    for lang in job.options.langs:
        if row.text(lang):
            parts.append(f'<p class="{lang}" lang="{html.escape(job.code(lang))}">'
                         f"{_esc(row.text(lang))}</p>")
    if row.note and job.options.notes:
        parts.append(f'<p class="note">{_esc(row.note)}</p>')
    parts.append("</div>")
    return "".join(parts)


def _esc(text: str) -> str:
    """Escaped, with line breaks kept as ``<br>``."""
    return html.escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _number_pages(doc: pymupdf.Document) -> None:
    """Stamp "n / N" under each page, by adding one small content stream per page.

    ``page.insert_text`` costs several milliseconds a page (it re-checks the page's
    graphics state); writing the objects directly is ~50 times faster, which matters
    for a 5,000-page export. The page's own content is wrapped in ``q … Q`` first
    because MuPDF's writer leaves its coordinate flip unbalanced.
    """
    font = doc.get_new_xref()
    doc.update_object(font, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica"
                            "/Encoding/WinAnsiEncoding>>")
    save = _new_stream(doc, b"q\n")
    pages = page_xrefs(doc)
    total = len(pages)
    for number, page_xref in enumerate(pages):
        label = f"{number + 1} / {total}"
        x = (PAGE.width - _label_width(len(label))) / 2
        stamp = _new_stream(doc, (f"Q q BT /FPageNo 8 Tf 0.4 g {x:.2f} {MARGIN / 2:.2f} Td "
                                  f"({label}) Tj ET Q\n").encode("ascii"))
        kind, value = doc.xref_get_key(page_xref, "Contents")
        inner = value.strip("[]") if kind == "array" else value
        doc.xref_set_key(page_xref, "Contents", f"[{save} 0 R {inner} {stamp} 0 R]")
        _add_font(doc, page_xref, font)


@functools.lru_cache(maxsize=16)
def _label_width(length: int) -> float:
    """Width of a page label of ``length`` characters: Helvetica's digits are all one
    width, so measuring once per length is exact (and measuring is slow)."""
    return float(pymupdf.get_text_length("0" * (length - 3) + " / ", fontname="helv",
                                         fontsize=8))


def _new_stream(doc: pymupdf.Document, data: bytes) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, data)
    return xref


def _add_font(doc: pymupdf.Document, page_xref: int, font: int) -> None:
    kind, value = doc.xref_get_key(page_xref, "Resources")
    if kind == "xref":
        doc.xref_set_key(int(value.split()[0]), "Font/FPageNo", f"{font} 0 R")
    else:
        doc.xref_set_key(page_xref, "Resources/Font/FPageNo", f"{font} 0 R")
