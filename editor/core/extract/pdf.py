"""Import one PDF (bilingual or single-language) into located paragraphs with diagnostics.

Pipeline: open (size limit, sniffing, password) → per page: text lines from PyMuPDF's
``dict`` output, fake-bold duplicates dropped, garbage text and missing text layers
detected → OCR of those pages/regions when Tesseract is installed → running headers,
footers and page numbers removed → layout detected → per language, reading order and
paragraphs (:mod:`editor.core.extract.pdf_layout`).

All PyMuPDF work for one document happens in the calling thread (PyMuPDF is not
thread-safe: call it from one thread or a worker process). For hostile files,
:func:`editor.core.extract.api.import_documents` with ``timeout`` runs it in a child
process that is killed when it takes too long.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pymupdf
import regex

from editor.core.cpus import usable_cpus
from editor.core.errors import BitextError, InputError
from editor.core.extract import limits
from editor.core.extract import ocr as ocr_mod
from editor.core.extract.diagnostics import TextScore, combined, score_text
from editor.core.extract.limits import MAX_PDF_BYTES, refuse_pages, refuse_size
from editor.core.extract.pdf_layout import (
    Blockers,
    Rule,
    join_lines,
    ordered_merge,
    paragraphs_of,
    vocabulary_of,
)
from editor.core.extract.pdf_lines import (
    TextLine,
    dedupe_chars,
    has_overdrawn_text,
    lines_from_dict,
)
from editor.core.extract.types import Extraction, ImportWarning, Paragraph
from editor.core.model import LANGS, Lang, Source
from editor.core.script import private_use_chars
from editor.core.sources import sha256_file

_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
_PAGE_NUMBER = regex.compile(
    r"^[\s\-–—|]*(?:page\s*|p\.\s*|第\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:/|of|頁|页)\s*\d{1,4})?\s*(?:页|頁)?[\s\-–—|]*$", regex.IGNORECASE)
_DIGITS_SPACES = regex.compile(r"[\d\s]+")
MARGIN_SHARE = 0.1  # top/bottom share of the page where running heads live
HEAD_GAP = 2.0  # a running head below that band is set apart by more than two lines
HAN_WEIGHT = 4.0  # Latin letters a translation spends per Chinese character
MIN_MINOR_SHARE = 0.3  # bilingual when the minor language weighs at least this much
ROTATED_WARN_CHARS = 20
SCAN_STAMP_CHARS = 40  # a mostly-image page with less text than this is a scan

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ImportCancelled(BitextError):
    """The user cancelled an import; nothing was produced."""


@dataclass(frozen=True, slots=True)
class Watch:
    """The caller's progress report and cancel button for one document."""

    path: Path
    progress: Progress | None = None
    cancel: Cancel | None = None

    def step(self, done: int, total: int) -> None:
        """Report progress, first raising :class:`ImportCancelled` if asked to stop."""
        if self.cancel is not None and self.cancel():
            raise ImportCancelled(f"{self.path}: import cancelled")
        if self.progress is not None:
            self.progress(done, total)


@dataclass(slots=True)
class PageText:
    """What one page gave: its lines, and what needs OCR or a warning."""

    index: int
    width: float
    height: float
    lines: list[TextLine]
    garbled: list[tuple[pymupdf.Rect, str]] = field(default_factory=list)
    no_text_layer: bool = False
    repeated: int = 0
    rotated: int = 0  # characters of rotated/vertical text left out
    chars: int = 0  # characters of text MuPDF found on the page
    over_limit: bool = False  # more than limits.MAX_PAGE_CHARS: left out
    rules: list[Rule] = field(default_factory=list)  # row borders, on bilingual pages


def extract_pdf(path: str | Path, *, password: str | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None,
                source_id: str = "s0", ocr: bool = True) -> Extraction:
    """Paragraphs of both languages in ``path`` with layout and warnings.

    Raises :class:`InputError` naming the file when it cannot be imported, and
    :class:`ImportCancelled` when ``cancel()`` returns true.
    """
    path = Path(path)
    doc = open_pdf(path, password)
    warnings: list[ImportWarning] = []
    with doc:
        if doc.metadata and doc.metadata.get("encryption"):
            how = "opened with the password given" if password else \
                "it opens without a password (restrictions only)"
            warnings.append(ImportWarning("encrypted", f"the PDF is encrypted; {how}",
                                          source_id))
        watch = Watch(path, progress, cancel)
        pages = _read_pages(path, doc, watch)
        _ocr_pass(doc, pages, ocr, source_id, warnings, watch)
        repaired = bool(doc.is_repaired)
    if repaired:
        warnings.append(ImportWarning("damaged-file", "the PDF is damaged (e.g. truncated) and "
                                      "was repaired; some pages or text may be missing",
                                      source_id))
    warnings.extend(_page_warnings(pages, source_id))
    removed = remove_running_heads(pages)
    extraction = build_extraction(pages, source_id, warnings)
    if not extraction.paragraphs and not any(p.no_text_layer or p.garbled for p in pages):
        raise InputError(path, _why_no_text(pages, repaired))
    extraction.sources.append(_source(path, source_id, pages, extraction, removed))
    return extraction


def _source(path: Path, source_id: str, pages: Sequence[PageText], extraction: Extraction,
            removed: int) -> Source:
    """The document's :class:`Source`, with what a viewer needs in ``extra``."""
    extra: dict[str, object] = {"pages": len(pages), "running_heads_removed": removed}
    regions = [[p.index, *(round(v, 2) for v in (r.x0, r.y0, r.x1, r.y1))]
               for p in pages for r, _text in p.garbled]
    if regions:
        extra["garbled_regions"] = regions  # [page, x0, y0, x1, y1]
    if extraction.layout in ("columns", "table"):
        extra["left_column"] = columns_side(pages)
    languages = tuple(lang for lang in LANGS if extraction.of(lang))
    return Source(id=source_id, path=str(path), sha256=sha256_file(path), kind="pdf",
                  languages=languages, extra=extra)


def open_pdf(path: Path, password: str | None) -> pymupdf.Document:
    """Open ``path`` as a PDF or raise :class:`InputError` saying why it cannot be."""
    check_file(path, MAX_PDF_BYTES)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise InputError(path, "is not a PDF (no %PDF header)")
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:
        raise InputError(path, f"cannot be read as a PDF ({exc})") from None
    if doc.needs_pass:
        if not password:
            doc.close()
            raise InputError(path, "is encrypted: give its password (--password)")
        if not doc.authenticate(password):
            doc.close()
            raise InputError(path, "is encrypted and the password given is wrong")
    if doc.page_count == 0:
        doc.close()
        raise InputError(path, "has no pages (damaged or empty PDF)")
    try:
        refuse_pages(path, doc.page_count)
    except InputError:
        doc.close()
        raise
    return doc


def check_file(path: Path, limit: int) -> None:
    """A readable regular file no larger than ``limit`` bytes, or :class:`InputError`."""
    if not path.exists():
        raise InputError(path, "does not exist")
    if path.is_dir():
        raise InputError(path, "is a directory, not a document")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "is empty")
    refuse_size(path, size, limit, "a document")
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _why_no_text(pages: Sequence[PageText], repaired: bool) -> str:
    dense = [p for p in pages if p.over_limit]
    if dense:
        return (f"has text only on pages over the limit of {limits.MAX_PAGE_CHARS:,} "
                f"characters a page (page {dense[0].index + 1}: {dense[0].chars:,})")
    return "is damaged: no text could be recovered" if repaired else \
        "contains no text (blank pages)"


def _read_pages(path: Path, doc: pymupdf.Document, watch: Watch) -> list[PageText]:
    pages = []
    total, chars = doc.page_count, 0
    for index in range(total):
        watch.step(index, total)
        try:
            pages.append(read_page(doc.load_page(index), index))
        except RuntimeError as exc:  # MuPDF could not interpret this page
            if total == 1:
                raise InputError(path, f"page 1 cannot be read ({exc})") from None
            pages.append(PageText(index, 0.0, 0.0, []))
        chars += pages[-1].chars
        limits.refuse_pdf_chars(path, chars)
    watch.step(total, total)
    if all(p.width == 0 for p in pages):
        raise InputError(path, "no page can be read (damaged PDF)")
    return pages


def read_page(page: pymupdf.Page, index: int) -> PageText:
    """Lines of one page; garbage-text regions and a missing text layer noted."""
    rect = page.rect
    textpage = page.get_textpage(flags=_TEXT_FLAGS)
    count = len(textpage.extractText())  # cheap, unlike the boxes of every character
    if count > limits.MAX_PAGE_CHARS:
        return PageText(index, rect.width, rect.height, [], chars=count, over_limit=True)
    raw = page.get_text("dict", sort=False, textpage=textpage)
    lines = lines_from_dict(raw, index)
    result = PageText(index, rect.width, rect.height, lines, rotated=rotated_chars(raw),
                      chars=count)
    if has_overdrawn_text(lines):
        chars = page.get_text("rawdict", sort=False, textpage=textpage)
        clean, result.repeated = dedupe_chars(chars)
        result.lines = lines_from_dict(clean, index)
    _split_garbled(result)
    if side_by_side_share([result]) > 0:
        result.rules = horizontal_rules(page)
    if sum(len(ln.text) for ln in lines) < SCAN_STAMP_CHARS and _image_share(page) > 0.5:
        result.no_text_layer = True  # a scan, perhaps with a stamped page number or title
        result.lines = []
    return result


def horizontal_rules(page: pymupdf.Page) -> list[Rule]:
    """Horizontal lines and the top/bottom edges of rectangles (table borders)."""
    rules: list[Rule] = []
    for path in page.get_drawings():
        for item in path["items"]:
            if item[0] == "l" and abs(item[1].y - item[2].y) < 1:
                a, b = item[1], item[2]
                rules.append((a.y, min(a.x, b.x), max(a.x, b.x)))
            elif item[0] == "re":
                r = item[1]
                rules.extend([(r.y0, r.x0, r.x1), (r.y1, r.x0, r.x1)] if r.height > 2
                             else [((r.y0 + r.y1) / 2, r.x0, r.x1)])
    return [r for r in _merge_collinear(rules) if r[2] - r[1] > 20]


def _merge_collinear(rules: Sequence[Rule]) -> list[Rule]:
    """Join segments on one height that touch (a row border drawn cell by cell)."""
    out: list[Rule] = []
    for y, x0, x1 in sorted(rules, key=lambda r: (round(r[0]), r[1])):
        if out and round(out[-1][0]) == round(y) and x0 <= out[-1][2] + 2:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], x1))
        else:
            out.append((y, x0, x1))
    return out


def rotated_chars(page_dict: dict) -> int:
    """Characters on lines that are not horizontal (the line builder leaves them out)."""
    return sum(len(span["text"].strip())
               for block in page_dict.get("blocks", ()) for line in block.get("lines", ())
               if tuple(line.get("dir", (1, 0))) != (1, 0) for span in line["spans"])


def _image_share(page: pymupdf.Page) -> float:
    """How much of the page images cover (overlaps counted twice; capped at 1)."""
    area = abs(page.rect)
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info())
    return min(1.0, covered / area) if area > 0 else 0.0


def _split_garbled(page: PageText) -> None:
    """Move lines whose text is garbage (alone or as a block) out of ``page.lines``."""
    scores = [score_text(line.text) for line in page.lines]
    blocks: dict[int, list[TextScore]] = {}
    for line, score in zip(page.lines, scores, strict=True):
        blocks.setdefault(line.block, []).append(score)
    bad_blocks = {b for b, ss in blocks.items() if combined(ss).garbled}
    keep = []
    for line, score in zip(page.lines, scores, strict=True):
        if line.block in bad_blocks or score.garbled:
            page.garbled.append((pymupdf.Rect(line.bbox), line.text))
        else:
            keep.append(line)
    page.lines = keep


def _ocr_pass(doc: pymupdf.Document, pages: list[PageText], enabled: bool, source_id: str,
              warnings: list[ImportWarning], watch: Watch) -> None:
    """OCR pages without a text layer and garbage regions, when Tesseract is there.

    Progress goes on counting past the page count (the total grows by the pages to OCR).
    """
    todo = [p for p in pages if p.no_text_layer or p.garbled]
    if not todo or not enabled:
        return
    if not ocr_mod.available():
        warnings.append(ImportWarning(
            "ocr-unavailable", "some text could not be read from the PDF's text layer; "
            f"install Tesseract to read it by OCR (Debian: apt install {ocr_mod.PACKAGES})",
            source_id))
        return
    languages = ocr_mod.choose_languages("".join(ln.text for p in pages for ln in p.lines))
    total = len(pages) + len(todo)
    scans = [p for p in todo if p.no_text_layer]
    done = 0
    if scans and "chi_sim+chi_tra" in languages:  # unknown variant: settle it on page one
        _ocr_scans(doc, scans[:1], languages, source_id, warnings)
        languages = ocr_mod.choose_languages("".join(ln.text for ln in scans[0].lines))
        scans, done = scans[1:], 1
    batch = usable_cpus()
    for start in range(0, len(scans), batch):
        watch.step(len(pages) + done + start, total)
        _ocr_scans(doc, scans[start:start + batch], languages, source_id, warnings)
    done += len(scans)
    regions = [p for p in todo if not p.no_text_layer]
    for start in range(0, len(regions), batch):
        watch.step(len(pages) + done + start, total)
        _ocr_garbled(doc, regions[start:start + batch], languages, source_id, warnings)
    watch.step(total, total)


def _ocr_scans(doc: pymupdf.Document, scans: Sequence[PageText], languages: str,
               source_id: str, warnings: list[ImportWarning]) -> None:
    """OCR whole scanned pages: rendered here, read by parallel Tesseract processes."""
    images = [ocr_mod.render_page(doc.load_page(p.index), p.index) for p in scans]
    for page, lines in zip(scans, ocr_mod.read_rendered(images, languages), strict=True):
        page.lines = lines
        warnings.append(_ocr_warning(page, len(lines), languages, source_id))


def _ocr_warning(page: PageText, count: int, languages: str, source_id: str
                 ) -> ImportWarning:
    return ImportWarning("ocr-used", f"page {page.index + 1}: {count} line(s) read by OCR "
                         f"({languages}); check them against the page", source_id, page.index)


def _ocr_garbled(doc: pymupdf.Document, pages: Sequence[PageText], languages: str,
                 source_id: str, warnings: list[ImportWarning]) -> None:
    """OCR the garbage regions of some pages (one stacked image per page, in parallel)."""
    sheets = []
    for page in pages:
        pdf_page = doc.load_page(page.index)
        clips = [pymupdf.Rect(r.x0 - 2, r.y0 - 2, r.x1 + 2, r.y1 + 2) & pdf_page.rect
                 for r, _text in page.garbled]
        sheets.append(ocr_mod.render_regions(pdf_page, page.index, clips))
    found = ocr_mod.read_rendered([sheet.image for sheet in sheets], languages)
    for page, sheet, lines in zip(pages, sheets, found, strict=True):
        good = [ln for region in ocr_mod.split_sheet(sheet, lines) for ln in region
                if not score_text(ln.text).garbled]
        page.lines.extend(good)
        warnings.append(_ocr_warning(page, len(good), languages, source_id))


def _page_warnings(pages: Sequence[PageText], source_id: str) -> list[ImportWarning]:
    out = []
    for page in pages:
        where = f"page {page.index + 1}"
        if page.no_text_layer:
            out.append(ImportWarning(
                "no-text-layer", f"{where} has no text layer (a scanned image)"
                + ("; read by OCR" if page.lines else "; nothing imported from it"),
                source_id, page.index))
        if page.garbled:
            rect, sample = page.garbled[0]
            box = ", ".join(f"{v:.0f}" for v in (rect.x0, rect.y0, rect.x1, rect.y1))
            out.append(ImportWarning(
                "garbled-text", f"{where}: {len(page.garbled)} line(s) in a font without a "
                f"usable Unicode map, e.g. {_snippet(sample)!r} at ({box}); not imported as text",
                source_id, page.index))
        if page.rotated >= ROTATED_WARN_CHARS:
            out.append(ImportWarning(
                "rotated-text-skipped", f"{where}: {page.rotated} character(s) of rotated or "
                "vertical text (stamps, vertical Chinese) not imported", source_id, page.index))
        if page.over_limit:
            out.append(ImportWarning(
                "page-text-over-limit", f"{where} holds {page.chars:,} characters of text; "
                f"the limit is {limits.MAX_PAGE_CHARS:,} a page, so it was left out",
                source_id, page.index))
        if page.repeated:
            out.append(ImportWarning(
                "repeated-text-removed", f"{where}: {page.repeated} character(s) drawn "
                "several times on top of each other (fake bold) kept once",
                source_id, page.index))
    return out


def _snippet(text: str, width: int = 24) -> str:
    """A piece of ``text`` that shows its garbage (from just before the first U+FFFD)."""
    start = max(0, text.find("\ufffd") - 6) if "\ufffd" in text else 0
    return text[start:start + width]


def remove_running_heads(pages: Sequence[PageText]) -> int:
    """Drop page numbers, and lines repeated in the top/bottom margin of three pages or more.

    Digits are ignored when comparing ("Chapter 3 · page 41"), and three pages suffice
    because running heads often change with each chapter. A line is in the margin when
    it lies in the top or bottom tenth of the page or is the page's first or last row.
    """
    margins = [_margin_lines(page) for page in pages]
    counts: Counter[str] = Counter()
    for found in margins:
        counts.update({_head_key(ln) for ln in found})
    need = 3 if len(pages) >= 3 else len(pages) + 1  # never on one or two pages
    removed = 0
    for page, found in zip(pages, margins, strict=True):
        drop = {id(ln) for ln in found
                if _PAGE_NUMBER.match(ln.text) or counts[_head_key(ln)] >= need}
        removed += len(drop)
        page.lines = [ln for ln in page.lines if id(ln) not in drop]
    return removed


def _margin_lines(page: PageText) -> list[TextLine]:
    """Lines in the top/bottom tenth, or a first/last row set apart from the body.

    A first or last row below the margin band counts only with a gap of more than
    ``HEAD_GAP`` lines to its neighbour row: a page that simply starts with body text
    ("Article 3 …" on every page) must not lose that line.
    """
    if not page.lines:
        return []
    baselines = sorted({round(ln.baseline, 1) for ln in page.lines})
    top, bottom = baselines[0], baselines[-1]
    found = []
    for ln in page.lines:
        if ln.y1 < page.height * MARGIN_SHARE or ln.y0 > page.height * (1 - MARGIN_SHARE):
            found.append(ln)
        elif ln.baseline - top < 0.5 * ln.size:
            below = [b for b in baselines if b > ln.baseline + 0.5 * ln.size]
            if not below or below[0] - ln.baseline > HEAD_GAP * ln.size:
                found.append(ln)
        elif bottom - ln.baseline < 0.5 * ln.size:
            above = [b for b in baselines if b < ln.baseline - 0.5 * ln.size]
            if not above or ln.baseline - above[-1] > HEAD_GAP * ln.size:
                found.append(ln)
    return found


def _head_key(line: TextLine) -> str:
    return _DIGITS_SPACES.sub("", line.text.lower())


def build_extraction(pages: Sequence[PageText], source_id: str,
                     warnings: list[ImportWarning]) -> Extraction:
    """Paragraphs of both languages in document order, layout and warnings."""
    page_rows = [(p.index, p.width, p.lines) for p in pages]
    all_lines = [ln for p in pages for ln in p.lines]
    vocabulary = vocabulary_of(all_lines)
    streams = []
    for lang in LANGS:
        blockers = Blockers({p.index: [ln for ln in p.lines if ln.lang not in (lang, None)]
                             for p in pages}, {p.index: p.rules for p in pages if p.rules})
        runs = paragraphs_of(page_rows, lang, blockers)
        streams.append([((r[0].page, r[0].y0), (lang, r)) for r in runs])
    paragraphs = []
    for index, item in enumerate(ordered_merge(*streams)):
        lang, run = cast(tuple[Lang, list[TextLine]], item)
        text, spans = join_lines(run, vocabulary)
        paragraphs.append(Paragraph(lang=lang, text=text, source=source_id, index=index,
                                    page=run[0].page, lines=spans,
                                    ocr=any(ln.ocr for ln in run)))
    warnings.extend(_private_use_warnings(paragraphs, source_id))
    layout = detect_layout(pages, paragraphs)
    doubt = layout_doubt(pages, paragraphs, layout)
    if doubt:
        warnings.append(ImportWarning("layout-uncertain", doubt, source_id))
    return Extraction(paragraphs=paragraphs, layout=layout, warnings=warnings)


def _private_use_warnings(paragraphs: Sequence[Paragraph], source_id: str
                          ) -> list[ImportWarning]:
    found: dict[int | None, Counter[str]] = {}
    for para in paragraphs:
        chars = private_use_chars(para.text)
        if chars:
            found.setdefault(para.page, Counter()).update(chars)
    return [ImportWarning(
        "private-use-characters",
        f"page {(page or 0) + 1}: private-use characters kept as they are (e.g. Hong Kong "
        "EUDC characters that need their own font): "
        + " ".join(f"U+{ord(c):04X}×{n}" for c, n in counts.most_common(8)),
        source_id, page) for page, counts in found.items()]


def minor_share(paragraphs: Sequence[Paragraph]) -> float:
    """Weight of the less represented language (Chinese characters count four letters)."""
    weight = {"zh": 0.0, "en": 0.0}
    for para in paragraphs:
        weight[para.lang] += len(para.text) * (HAN_WEIGHT if para.lang == "zh" else 1)
    total = sum(weight.values())
    return min(weight.values()) / total if total else 0.0


def layout_doubt(pages: Sequence[PageText], paragraphs: Sequence[Paragraph], layout: str
                 ) -> str | None:
    """Why the detected layout may be wrong, when a measurement sits near its threshold."""
    share = minor_share(paragraphs)
    if abs(share - MIN_MINOR_SHARE) < 0.05:
        kind = "one language only" if layout == "single" else "bilingual"
        return (f"read as {kind}, but the less used language makes up {share:.0%} of the "
                f"text (the threshold is {MIN_MINOR_SHARE:.0%}); check the layout")
    if layout in ("columns", "table", "alternating", "sequential"):
        pairs = side_by_side_share(pages)
        if 0.15 <= pairs < 0.45:
            return (f"read as {layout}, but {pairs:.0%} of the Chinese lines have English "
                    "beside them (side-by-side columns need 30%); check the layout")
    return None


def detect_layout(pages: Sequence[PageText], paragraphs: Sequence[Paragraph]) -> str:
    """``columns``, ``table``, ``alternating``, ``sequential`` or ``single`` (one language).

    A translation holds about four Latin letters per Chinese character, so a document is
    bilingual when the minor language weighs at least 30 % on that scale (the bilingual
    fixtures weigh 42–50 %, Chinese documents full of English terms 8–23 %).
    """
    if minor_share(paragraphs) < MIN_MINOR_SHARE:
        return "single"
    if side_by_side_share(pages) >= 0.3:
        return "table" if _ruled_rows_share(pages) >= 0.5 else "columns"
    runs = 1 + sum(1 for a, b in itertools.pairwise(paragraphs) if a.lang != b.lang)
    return "sequential" if runs <= 3 else "alternating"  # a title may precede the halves


def side_by_side_share(pages: Sequence[PageText]) -> float:
    """Share of Chinese lines with an English line beside them on the same row."""
    paired = total = 0
    for page in pages:
        en = sorted((ln for ln in page.lines if ln.lang == "en"), key=lambda ln: ln.baseline)
        baselines = [ln.baseline for ln in en]
        for line in page.lines:
            if line.lang != "zh":
                continue
            total += 1
            lo = bisect.bisect_left(baselines, line.baseline - 0.8 * line.size)
            hi = bisect.bisect_right(baselines, line.baseline + 0.8 * line.size)
            paired += any(o.x0 >= line.x1 or o.x1 <= line.x0 for o in en[lo:hi])
    return paired / total if total else 0.0


def _ruled_rows_share(pages: Sequence[PageText]) -> float:
    """Share of bilingual pages whose text rows are separated by rules crossing both sides."""
    bilingual = [p for p in pages if side_by_side_share([p]) > 0]
    ruled = 0
    for page in bilingual:
        xs = [ln.x0 for ln in page.lines] + [ln.x1 for ln in page.lines]
        span = (min(xs), max(xs))
        crossing = [r for r in page.rules if r[1] <= span[0] + 20 and r[2] >= span[1] - 20]
        ruled += len({round(r[0]) for r in crossing}) >= 3
    return ruled / len(bilingual) if bilingual else 0.0


def columns_side(pages: Sequence[PageText]) -> str | None:
    """Which language's column is on the left (``"zh"``/``"en"``), from line centres."""
    centres: dict[str, list[float]] = {"zh": [], "en": []}
    for page in pages:
        for ln in page.lines:
            if ln.lang in centres:
                centres[ln.lang].append((ln.x0 + ln.x1) / 2 / max(page.width, 1.0))
    if not centres["zh"] or not centres["en"]:
        return None
    zh, en = statistics.median(centres["zh"]), statistics.median(centres["en"])
    return "zh" if zh < en else "en"
