"""PDF: the bilingual text side by side (columns) or alternating paragraphs, with PyMuPDF.

Layout is MuPDF's HTML engine (``pymupdf.Story``); Chinese falls back to the CJK font
built into PyMuPDF (Droid Sans Fallback), which is embedded and subset at the end, so
the file opens everywhere and stays small. A Story's layout time grows with its length
squared, so the text is laid out in chunks of :data:`CHUNK` links, each chunk continuing
where the previous one stopped on the page. The column labels are repeated at the top
of every page; page numbers ("3 / 120") are stamped once the page count is known.

PyMuPDF is not thread-safe: call this from one thread (or a worker process).
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import pymupdf

from editor.core.atomic import atomic_writer

from .common import Job, Row

CHUNK = 60
PAGE = pymupdf.paper_rect("a4")
MARGIN = 48.0
FOOTER = 24.0
LABELS = {"zh": "中文", "en": "English"}
CSS = """
* { font-family: sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 8pt 0; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 3pt 4pt; border-bottom: 0.4pt solid #bbbbbb; }
td.num { width: 7%; color: #777777; font-size: 8pt; text-align: right; }
td.text { width: 50%; }
.numbered td.text { width: 46.5%; }
td.head { font-weight: bold; color: #444444; border-bottom: 0.8pt solid #444444; }
p { margin: 0 0 2pt 0; }
p.note { font-style: italic; color: #666666; font-size: 8.5pt; }
div.pair { margin: 0 0 7pt 0; }
p.num { color: #777777; font-size: 8pt; margin: 0; }
p.zh { margin: 0 0 2pt 0; }
"""


def write(job: Job, path: Path) -> None:
    data = render(job)
    with atomic_writer(path, "wb") as out:
        out.write(data)


def render(job: Job) -> bytes:
    """The finished PDF: laid out, page-numbered, fonts subset."""
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    try:
        _lay_out(job, writer)
    finally:
        writer.close()
    doc = pymupdf.open("pdf", buffer.getvalue())
    try:
        _number_pages(doc)
        doc.set_metadata({"title": job.options.title or "Bilingual text",
                          "creator": "Bitext Editor"})
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True)
    finally:
        doc.close()


def _lay_out(job: Job, writer: pymupdf.DocumentWriter) -> None:
    body = PAGE + (MARGIN, MARGIN, -MARGIN, -MARGIN - FOOTER)
    header = _header_story(job)
    device = writer.begin_page(PAGE)
    top = body.y0
    for chunk_html in _chunks(job):
        story = pymupdf.Story(chunk_html, user_css=CSS)
        while True:
            more, filled = story.place(pymupdf.Rect(body.x0, top, body.x1, body.y1))
            story.draw(device)
            top = pymupdf.Rect(filled).y1
            if not more:
                break
            writer.end_page()
            device = writer.begin_page(PAGE)
            top = _draw_header(header, device, body)
    writer.end_page()


def _header_story(job: Job) -> pymupdf.Story | None:
    """Column labels repeated on each continuation page (none for alternating layout)."""
    if job.options.pdf_layout != "columns":
        return None
    return pymupdf.Story(f"<table{_numbered(job)}>{_head_row(job)}</table>", user_css=CSS)


def _draw_header(story: pymupdf.Story | None, device, body: pymupdf.Rect) -> float:
    if story is None:
        return body.y0
    story.reset()
    _more, filled = story.place(body)
    story.draw(device)
    return pymupdf.Rect(filled).y1


def _numbered(job: Job) -> str:
    return ' class="numbered"' if job.options.link_numbers else ""


def _head_row(job: Job) -> str:
    num = '<td class="num head">#</td>' if job.options.link_numbers else ""
    cells = "".join(f'<td class="text head">{LABELS[lang]} ({html.escape(job.code(lang))})'
                    "</td>" for lang in job.options.langs)
    return f"<tr>{num}{cells}</tr>"


def _chunks(job: Job) -> Iterator[str]:
    """HTML for the title, then for every :data:`CHUNK` rows."""
    title = f"<h1>{_esc(job.options.title or 'Bilingual text')}</h1>"
    columns = job.options.pdf_layout == "columns"
    pending: list[str] = []
    first = True
    for row in job.iter_rows():
        pending.append(_row_html(row, job) if columns else _pair_html(row, job))
        if len(pending) == CHUNK:
            yield _wrap(job, pending, title if first else "", head=first)
            pending, first = [], False
    if pending or first:
        yield _wrap(job, pending, title if first else "", head=first)


def _wrap(job: Job, rows: list[str], title: str, *, head: bool) -> str:
    if job.options.pdf_layout != "columns":
        return title + "".join(rows)
    head_row = _head_row(job) if head else ""
    return f"{title}<table{_numbered(job)}>{head_row}{''.join(rows)}</table>"


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
    total = doc.page_count
    for page in doc:
        label = f"{page.number + 1} / {total}"
        width = pymupdf.get_text_length(label, fontname="helv", fontsize=8)
        point = pymupdf.Point((PAGE.width - width) / 2, PAGE.height - MARGIN / 2)
        page.insert_text(point, label, fontname="helv", fontsize=8, color=(0.4, 0.4, 0.4))
