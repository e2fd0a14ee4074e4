"""OCR of pages and regions whose text layer is missing or garbage, with Tesseract.

Runs the ``tesseract`` program (Debian packages ``tesseract-ocr tesseract-ocr-chi-tra
tesseract-ocr-chi-sim``) on a rendered image of the page or region and reads its TSV
output back into :class:`TextLine` objects in PDF coordinates, so OCR'd text flows
through the same reading-order and paragraph code as a real text layer. The program is
used rather than PyMuPDF's built-in OCR because it is three times faster here, and it is
run with ``OMP_THREAD_LIMIT=1`` (its OpenMP threads otherwise spin against each other).
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import pymupdf
import regex

from editor.core.cpus import usable_cpus
from editor.core.extract.diagnostics import common_han
from editor.core.extract.pdf_lines import TextLine, clean_text, tag_languages

log = logging.getLogger(__name__)
PACKAGES = "tesseract-ocr tesseract-ocr-chi-tra tesseract-ocr-chi-sim"
PAGE_PIXELS = 2400  # long side of a rendered page
REGION_DPI = 300
STACK_GAP = 40  # white pixels between stacked regions
TIMEOUT = 120.0  # seconds per image
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


@functools.cache
def installed_languages() -> frozenset[str]:
    """Tesseract's language packs (``chi_tra``, ``chi_sim``, ``eng`` …), empty if absent."""
    exe = tesseract_path()
    if exe is None:
        return frozenset()
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(ln.strip() for ln in done.stdout.splitlines()[1:] if ln.strip())


def available() -> bool:
    """Tesseract runs and has at least one Chinese language pack."""
    return bool(installed_languages() & {"chi_tra", "chi_sim"})


def choose_languages(sample: str) -> str:
    """Tesseract ``-l`` value: Traditional or Simplified (by the document's own text) + English.

    Characters only in Big5's everyday list vote Traditional, only in GB 2312's vote
    Simplified; with no Chinese to go by, both models are used.
    """
    have = installed_languages()
    trad, simp = _variant_votes(sample)
    chinese = ["chi_tra"] if trad > simp else ["chi_sim"] if simp > trad else \
        ["chi_sim", "chi_tra"]
    wanted = [lang for lang in (*chinese, "eng") if lang in have]
    return "+".join(wanted) or "eng"


def _variant_votes(text: str) -> tuple[int, int]:
    trad_only, simp_only = _variant_sets()
    return sum(c in trad_only for c in text), sum(c in simp_only for c in text)


@functools.cache
def _variant_sets() -> tuple[frozenset[str], frozenset[str]]:
    big5 = {c for c in common_han() if _encodes(c, "big5")}
    gb = {c for c in common_han() if _encodes(c, "gb2312")}
    return frozenset(big5 - gb), frozenset(gb - big5)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page image ready for Tesseract, with what maps its pixels back to the page."""

    page: int
    png: bytes
    scale: float  # points per pixel
    origin: tuple[float, float]
    psm: str


def render_page(page: pymupdf.Page, page_index: int,
                clip: pymupdf.Rect | None = None) -> Rendered:
    """Render the page (about 2,400 pixels on its long side) or a clip (300 dpi).

    PyMuPDF work: call from the thread that owns the document.
    """
    area = clip if clip is not None else page.rect
    if clip is None:
        dpi = max(72, min(300, int(PAGE_PIXELS * 72 / max(area.width, area.height))))
        psm = "3"
    else:
        dpi, psm = REGION_DPI, "6"
    pix = page.get_pixmap(dpi=dpi, clip=area)
    return Rendered(page_index, pix.tobytes("png"), 72.0 / dpi, (area.x0, area.y0), psm)


def read_rendered(images: Sequence[Rendered], languages: str) -> list[list[TextLine]]:
    """OCR rendered images, several Tesseract processes at once (one per usable CPU)."""
    def one(image: Rendered) -> list[TextLine]:
        tsv = _run_tesseract(image.png, languages, image.psm)
        return tag_languages(_lines_from_tsv(tsv, image.page, image.scale, image.origin))

    if len(images) <= 1:
        return [one(image) for image in images]
    with ThreadPoolExecutor(max_workers=min(len(images), usable_cpus())) as pool:
        return list(pool.map(one, images))


def ocr_page_lines(page: pymupdf.Page, page_index: int, languages: str,
                   clip: pymupdf.Rect | None = None) -> list[TextLine]:
    """OCR the whole page (or ``clip``) and return its lines in PDF coordinates."""
    return read_rendered([render_page(page, page_index, clip)], languages)[0]


@dataclass(frozen=True, slots=True)
class Sheet:
    """Regions of one page stacked into one image (white gaps between them), so the
    language model is loaded once per page rather than once per region."""

    image: Rendered  # pixel coordinates (scale 1, origin 0)
    tops: tuple[int, ...]  # where each region starts on the sheet
    clips: tuple[pymupdf.Rect, ...]


def render_regions(page: pymupdf.Page, page_index: int,
                   clips: Sequence[pymupdf.Rect]) -> Sheet:
    """Render ``clips`` at 300 dpi and stack them. PyMuPDF work: the document's thread."""
    parts = [page.get_pixmap(dpi=REGION_DPI, clip=clip) for clip in clips]
    width = max(p.width for p in parts)
    height = sum(p.height for p in parts) + STACK_GAP * (len(parts) + 1)
    sheet = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    sheet.clear_with(255)
    tops = []
    y = STACK_GAP
    for part in parts:
        part.set_origin(0, y)
        sheet.copy(part, part.irect)
        tops.append(y)
        y += part.height + STACK_GAP
    image = Rendered(page_index, sheet.tobytes("png"), 1.0, (0.0, 0.0), "6")
    return Sheet(image, tuple(tops), tuple(clips))


def split_sheet(sheet: Sheet, found: Sequence[TextLine]) -> list[list[TextLine]]:
    """Lines read from a sheet, per region, moved back to page coordinates."""
    scale = 72.0 / REGION_DPI
    out: list[list[TextLine]] = [[] for _ in sheet.clips]
    for line in found:
        centre = (line.y0 + line.y1) / 2
        k = max((i for i, top in enumerate(sheet.tops) if top <= centre), default=0)
        clip, top = sheet.clips[k], sheet.tops[k]
        bbox = (clip.x0 + line.x0 * scale, clip.y0 + (line.y0 - top) * scale,
                clip.x0 + line.x1 * scale, clip.y0 + (line.y1 - top) * scale)
        out[k].append(replace(line, bbox=bbox, size=line.size * scale, baseline=bbox[3]))
    return out


def ocr_region_lines(page: pymupdf.Page, page_index: int, languages: str,
                     clips: Sequence[pymupdf.Rect]) -> list[list[TextLine]]:
    """OCR several regions of a page in one Tesseract run; lines per region."""
    if not clips:
        return []
    sheet = render_regions(page, page_index, clips)
    return split_sheet(sheet, read_rendered([sheet.image], languages)[0])


def _run_tesseract(png: bytes, languages: str, psm: str) -> str:
    """Tesseract's TSV for one PNG; empty when it is missing, fails or takes too long."""
    exe = tesseract_path()
    if exe is None:
        return ""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([exe, "stdin", "stdout", "-l", languages, "--psm", psm, "tsv"],
                              input=png, capture_output=True, timeout=TIMEOUT, env=env,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("tesseract failed (%s); the region stays unread", exc)
        return ""
    return done.stdout.decode("utf-8", "replace")


def _lines_from_tsv(tsv: str, page: int, scale: float, origin: tuple[float, float]
                    ) -> list[TextLine]:
    """Group Tesseract's words by (block, paragraph, line) into :class:`TextLine` objects."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and (row.get("text") or "").strip():
            key = (row["block_num"], row["par_num"], row["line_num"])
            groups.setdefault(key, []).append(row)
    lines = []
    for key, words in groups.items():
        line = _line(words, page, scale, origin, int(key[0]))
        if line is not None:
            lines.append(line)
    return lines


def _line(words: Iterable[dict[str, str]], page: int, scale: float,
          origin: tuple[float, float], block: int) -> TextLine | None:
    """One OCR line: words joined (no space at a CJK seam), box and size in points."""
    boxes, text = [], ""
    for word in words:
        piece = word["text"].strip()
        left, top = int(word["left"]), int(word["top"])
        boxes.append((left, top, left + int(word["width"]), top + int(word["height"])))
        cjk_seam = text and (_CJK.match(text[-1]) or _CJK.match(piece[0]))
        text += piece if not text or cjk_seam else " " + piece
    text = clean_text(text)
    if not text:
        return None
    ox, oy = origin
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    bbox = (ox + x0 * scale, oy + y0 * scale, ox + x1 * scale, oy + y1 * scale)
    height = sorted(b[3] - b[1] for b in boxes)[len(boxes) // 2] * scale
    return TextLine(page, bbox, text, max(height, 1.0), bbox[3], block, ocr=True)
