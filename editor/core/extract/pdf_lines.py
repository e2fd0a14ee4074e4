"""Text lines out of a PyMuPDF page dictionary: cleaned, language-tagged, de-duplicated.

A :class:`TextLine` is the unit the layout code works on. Building one resolves what the
PDF's drawing order leaves messy: spans on one baseline split into several "lines",
footnote markers glued to words, ligature code points, soft hyphens, and text drawn
several times on top of itself to fake a bold face.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from editor.core.model import Lang, RectTuple
from editor.core.script import detect_lang

_SPACES = regex.compile(r"\s+")
_CJK = r"\p{Han}\u3000-\u303f\uff00-\uffef"
_CJK_CHAR = regex.compile(rf"[{_CJK}]")
_SPACE_BETWEEN_CJK = regex.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_LIGATURES = regex.compile(r"[\ufb00-\ufb06]")
# A spacing accent written before its letter ("Asanovi´c"): combine into one character.
_SPLIT_ACCENT = regex.compile(r"([\u00b4\u0060\u00a8\u02c6\u02dc\u00b8\u02c7])(\p{L})")
_COMBINING = {"\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302",
              "\u02dc": "\u0303", "\u00b8": "\u0327", "\u02c7": "\u030c"}
SUPERSCRIPT_FLAG = 1


@dataclass(frozen=True, slots=True)
class TextLine:
    """One visual line of text on one page."""

    page: int
    bbox: RectTuple
    text: str
    size: float
    baseline: float
    block: int
    lang: Lang | None = None
    ocr: bool = False

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def y0(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def y1(self) -> float:
        return self.bbox[3]

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]


def clean_text(text: str) -> str:
    """Normalise one line: ligatures expanded, soft hyphens and runs of spaces removed."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _SPLIT_ACCENT.sub(_combine_accent, text)
    text = _SPACES.sub(" ", text.replace("\u00ad", "")).strip()
    return _SPACE_BETWEEN_CJK.sub("", text)


def _combine_accent(m: regex.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group(2) + _COMBINING[m.group(1)])


def lines_from_dict(page_dict: Mapping[str, Any], page: int, *, ocr: bool = False
                    ) -> list[TextLine]:
    """Every non-empty text line of a ``get_text("dict")`` result, same-baseline pieces joined."""
    raw: list[TextLine] = []
    for number, block in enumerate(page_dict.get("blocks", ())):
        for line in block.get("lines", ()):
            if tuple(line.get("dir", (1, 0))) != (1, 0):
                continue  # rotated text (margin stamps, table headers): not body text
            built = _line_from_spans(line["spans"], page, number, ocr)
            if built is not None:
                raw.append(built)
    return tag_languages(join_baselines(raw))


def _line_from_spans(spans: Sequence[Mapping[str, Any]], page: int, block: int,
                     ocr: bool) -> TextLine | None:
    kept = [s for s in spans if not _is_footnote_marker(s, spans)] if len(spans) > 1 \
        else list(spans)
    text = clean_text("".join(s["text"] for s in kept))
    if not text:
        return None
    visible = [s for s in kept if s["text"].strip()]
    main = max(visible, key=lambda s: len(s["text"].strip()))
    x0 = min(s["bbox"][0] for s in visible)
    y0 = min(s["bbox"][1] for s in visible)
    x1 = max(s["bbox"][2] for s in visible)
    y1 = max(s["bbox"][3] for s in visible)
    return TextLine(page, (x0, y0, x1, y1), text, float(main["size"]),
                    float(main["origin"][1]), block, ocr=ocr)


def _is_footnote_marker(span: Mapping[str, Any], spans: Sequence[Mapping[str, Any]]) -> bool:
    """A small or raised number attached to other text (``column¹``, ``¹Not really``)."""
    text = span["text"].strip()
    if not (text.isdigit() and len(text) <= 3 and len(spans) > 1):
        return False
    biggest = max(float(s["size"]) for s in spans if s["text"].strip())
    raised = bool(span.get("flags", 0) & SUPERSCRIPT_FLAG)
    return raised or float(span["size"]) < 0.8 * biggest


def join_baselines(lines: Iterable[TextLine]) -> list[TextLine]:
    """Join pieces that sit on one baseline close together (split by font or drawing order)."""
    out: list[TextLine] = []
    for row in _rows(sorted(lines, key=lambda ln: ln.baseline)):
        row.sort(key=lambda ln: ln.x0)
        joined = [row[0]]
        for line in row[1:]:
            if _same_row(joined[-1], line):
                joined[-1] = _concat(joined[-1], line)
            else:
                joined.append(line)
        out.extend(joined)
    return out


def _rows(lines: Sequence[TextLine]) -> Iterator[list[TextLine]]:
    """Runs of lines (sorted by baseline) whose baselines are within a third of a size."""
    row: list[TextLine] = []
    for line in lines:
        if row and line.baseline - row[-1].baseline > 0.3 * max(line.size, row[-1].size):
            yield row
            row = []
        row.append(line)
    if row:
        yield row


def _same_row(a: TextLine, b: TextLine) -> bool:
    """Pieces of one line: same baseline, close, and not Chinese beside English with a gap
    (the cells of a bilingual table row or glossary stay apart)."""
    size = max(a.size, b.size)
    gap = b.x0 - a.x1
    if not (abs(a.baseline - b.baseline) < 0.3 * size and -0.5 * size < gap < 1.6 * size):
        return False
    if gap > 0.5 * size and {_script(a.text), _script(b.text)} == {"zh", "en"}:
        return False
    return a.block == b.block or gap < 0.8 * size


def _script(text: str) -> str | None:
    if _HAN.search(text):
        return "zh"
    return "en" if _LATIN.search(text) else None


def _concat(a: TextLine, b: TextLine) -> TextLine:
    han_edge = _is_cjk(a.text[-1]) or _is_cjk(b.text[0])
    sep = "" if han_edge or b.x0 - a.x1 < 0.15 * a.size else " "
    bbox = (min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1))
    size = a.size if len(a.text) >= len(b.text) else b.size
    return replace(a, bbox=bbox, text=clean_text(a.text + sep + b.text), size=size)


def _is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR.match(ch))


def tag_languages(lines: Sequence[TextLine]) -> list[TextLine]:
    """Set each line's language by script; a mixed line in a Chinese block is Chinese."""
    block_text: dict[int, list[str]] = {}
    for line in lines:
        block_text.setdefault(line.block, []).append(line.text)
    block_lang = {b: detect_lang(" ".join(t)) for b, t in block_text.items()}
    out = []
    for line in lines:
        lang = detect_lang(line.text)
        if lang == "en" and block_lang.get(line.block) == "zh" and _HAN.search(line.text):
            lang = "zh"  # a Chinese line quoting code or names stays Chinese
        out.append(replace(line, lang=lang))
    return out


def has_overdrawn_text(lines: Sequence[TextLine]) -> bool:
    """True when some text is drawn again at (almost) the same place: fake bold."""
    seen: set[tuple[str, int, int]] = set()
    for line in lines:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if (line.text, round(line.x0) + dx, round(line.baseline) + dy) in seen:
                    return True
        seen.add((line.text, round(line.x0), round(line.baseline)))
    return False


def dedupe_chars(raw_dict: Mapping[str, Any]) -> tuple[dict[str, Any], int]:
    """Drop characters drawn again within a fraction of a glyph of an identical one.

    Works on a ``get_text("rawdict")`` result; returns an equivalent ``dict``-shaped
    result (spans with ``text``) and the number of characters dropped.
    """
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    dropped = 0
    blocks = []
    for block in raw_dict.get("blocks", ()):
        lines = []
        for line in block.get("lines", ()):
            spans = []
            for span in line["spans"]:
                kept = [c for c in span["chars"] if not _seen_before(c, span["size"], seen)]
                dropped += len(span["chars"]) - len(kept)
                if kept:
                    spans.append(_span_from_chars(span, kept))
            if spans:
                lines.append({**line, "spans": spans})
        blocks.append({**block, "lines": lines})
    return {**raw_dict, "blocks": blocks}, dropped


def _seen_before(char: Mapping[str, Any], size: float,
                 seen: dict[tuple[str, int, int], list[tuple[float, float]]]) -> bool:
    c = char["c"]
    if c.isspace():
        return False
    x, y = char["origin"]
    cell = max(size * 0.3, 1.0)
    gx, gy = int(x // cell), int(y // cell)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for ox, oy in seen.get((c, gx + dx, gy + dy), ()):
                if abs(ox - x) < cell and abs(oy - y) < cell:
                    return True
    seen.setdefault((c, gx, gy), []).append((x, y))
    return False


def _span_from_chars(span: Mapping[str, Any], chars: Sequence[Mapping[str, Any]]
                     ) -> dict[str, Any]:
    bbox = (min(c["bbox"][0] for c in chars), min(c["bbox"][1] for c in chars),
            max(c["bbox"][2] for c in chars), max(c["bbox"][3] for c in chars))
    return {**span, "text": "".join(c["c"] for c in chars), "bbox": bbox,
            "origin": chars[0]["origin"]}


def typical_pitch(lines: Sequence[TextLine]) -> float:
    """Median baseline distance of consecutive lines in a column (the leading)."""
    steps = [b.baseline - a.baseline for a, b in itertools.pairwise(lines)
             if 0.5 * a.size < b.baseline - a.baseline < 3 * a.size]
    if not steps:
        return 1.25 * statistics.median([ln.size for ln in lines]) if lines else 12.0
    return statistics.median(steps)

