"""Reading order and paragraphs: columns found from where text lies, lines joined back.

Works on one language at a time, so a bilingual page with the Chinese column on one side
and the English on the other, or paragraphs that alternate, gives each language its own
stream in reading order. Columns come from a coverage profile (how many lines cover each
horizontal position): a gutter is a stretch few lines cross. Lines crossing a gutter
(titles, full-width figures' captions) are read in their own band, top to bottom.

A paragraph ends where a line is followed by a wider vertical gap than the column's
leading, by a change of type size, by an indented line, or where the line is short
although the next line's first word would have fitted (the typographic tell of a last
line). A paragraph continues across a page or column break when its last line is full,
it has no closing punctuation and nothing in the other language sits in between.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from editor.core.extract.pdf_lines import TextLine, typical_pitch
from editor.core.extract.types import LineSpan
from editor.core.model import Lang

BIN = 2.0  # points per bin of the coverage profile
#: Justified Chinese lines end flush; line-break rules may leave about one character.
CJK_SLACK = 1.6
#: Leading beyond this many type sizes is paragraph spacing (one-line paragraphs).
MAX_LEADING = 1.75
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_FIRST_WORD = regex.compile(r"\S+")
_CLOSED = regex.compile(r"[.!?。！？:：;；][\"'”’」』)）\]]*$")
_HYPHEN_END = regex.compile(r"(\p{L}+)-$")
_WORD_START = regex.compile(r"^(\p{Ll}+)")
_WORDS = regex.compile(r"\p{L}+(?:-\p{L}+)*")
_LEADER_ENTRY = regex.compile(r"(?:[.·…]\s?){4,}\s*[\divxlc]+$")  # table of contents


@dataclass(slots=True)
class Chunk:
    """Lines of one column (or one run of full-width lines) in reading order."""

    lines: list[TextLine]
    left: float
    pitch: float
    spanning: bool = False  # full-width lines crossing the columns
    peers: list[TextLine] = field(default_factory=list)  # the whole column, for margins
    _rights: dict[tuple[int, int], float] = field(default_factory=dict)

    def right_for(self, line: TextLine) -> float:
        """The right margin of text like ``line``: same size, starting where it starts.

        Measured locally (90th percentile of the ends of such lines) so that an indented
        block, e.g. an abstract inside a wider column, has its own margin.
        """
        key = (_size_bucket(line.size), round(line.x0))
        if key not in self._rights:
            tol = 0.6 * line.size
            ends = [ln.x1 for ln in (self.peers or self.lines) if abs(ln.x0 - line.x0) <= tol
                    and _size_bucket(ln.size) == key[0]] or [line.x1]
            self._rights[key] = (statistics.quantiles(ends, n=10, method="inclusive")[-1]
                                 if len(ends) >= 10 else max(ends))
        return self._rights[key]


def _size_bucket(size: float) -> int:
    return round(size * 2)


def find_columns(lines: Sequence[TextLine], page_width: float) -> list[tuple[float, float]]:
    """Dense x-ranges of the coverage profile: where many lines lie, left to right.

    Runs narrower than a few characters are not columns (ragged code lines make them).
    """
    if not lines:
        return []
    bins = int(page_width / BIN) + 2
    delta = [0] * (bins + 1)
    for line in lines:
        delta[min(bins, max(0, int(line.x0 / BIN)))] += 1
        delta[min(bins, max(0, int(line.x1 / BIN) + 1))] -= 1
    cover = list(itertools.accumulate(delta[:bins]))
    limit = max(1.0, 0.15 * max(cover))
    runs: list[tuple[float, float]] = []
    start = None
    for b, count in enumerate([*cover, 0]):
        if count > limit and start is None:
            start = b
        elif count <= limit and start is not None:
            runs.append((start * BIN, b * BIN))
            start = None
    size = statistics.median(ln.size for ln in lines)
    runs = [(a, b) for a, b in runs if b - a >= max(4 * size, 0.08 * page_width)]
    if not runs:
        runs = [(min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))]
    return runs


def _column_of(line: TextLine, columns: Sequence[tuple[float, float]]) -> int | None:
    """Index of the column a line belongs to, ``None`` when it spans several or none."""
    overlaps = [max(0.0, min(line.x1, c1) - max(line.x0, c0)) for c0, c1 in columns]
    crossed = [o for o, (c0, c1) in zip(overlaps, columns, strict=True)
               if o > 0.2 * (c1 - c0)]
    if len(crossed) > 1:
        return None
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    return best if overlaps[best] > 0 else None  # outside every column: read on its own


def reading_chunks(lines: Sequence[TextLine], page_width: float) -> list[Chunk]:
    """Lines of one page and language, cut into chunks in reading order.

    A line crossing a gutter ends the chunks of the columns it crosses (text above it is
    read first) and is read on its own; columns it does not cross run on.
    """
    columns = find_columns(lines, page_width)
    by_col: dict[int | None, list[TextLine]] = {}
    for line in lines:
        by_col.setdefault(_column_of(line, columns), []).append(line)
    spanning = sorted(by_col.pop(None, []), key=lambda ln: ln.baseline)
    stats = {k: _chunk(sorted(v, key=lambda ln: ln.baseline))
             for k, v in by_col.items() if k is not None}
    pending = {k: list(c.lines) for k, c in stats.items()}
    chunks: list[Chunk] = []

    def flush(k: int, below: float) -> None:
        part = [ln for ln in pending[k] if ln.baseline <= below]
        if part:
            c = stats[k]
            chunks.append(Chunk(part, c.left, c.pitch, peers=c.lines, _rights=c._rights))
            pending[k] = pending[k][len(part):]

    for span in spanning:
        for k in sorted(pending):
            c0, c1 = columns[k]
            if min(span.x1, c1) - max(span.x0, c0) > 0:
                flush(k, span.baseline)
        chunks.append(_chunk([span], spanning=True))
    for k in sorted(pending):
        flush(k, float("inf"))
    return _merge_spanning(chunks)


def _merge_spanning(chunks: list[Chunk]) -> list[Chunk]:
    """Consecutive one-line full-width chunks are one chunk (a title over two lines)."""
    out: list[Chunk] = []
    for chunk in chunks:
        prev = out[-1] if out else None
        if prev is not None and prev.spanning and chunk.spanning:
            out[-1] = _chunk([*prev.lines, *chunk.lines], spanning=True)
        else:
            out.append(chunk)
    return out


def _chunk(lines: list[TextLine], *, spanning: bool = False) -> Chunk:
    """A chunk whose margins and leading are measured on ``lines`` (a whole column)."""
    starts = [ln.x0 for ln in lines]
    left = statistics.quantiles(starts, n=10, method="inclusive")[0] if len(lines) >= 10 \
        else min(starts)
    return Chunk(lines, left, typical_pitch(lines), spanning)


def is_break(prev: TextLine, cur: TextLine, nxt: TextLine | None, chunk: Chunk) -> bool:
    """Does a new paragraph start at ``cur`` (``prev`` is the line above in its column)?"""
    size = max(prev.size, cur.size)
    if abs(prev.size - cur.size) > 0.12 * size:
        return True
    step = cur.baseline - prev.baseline
    leading = min(max(chunk.pitch, 1.05 * size), MAX_LEADING * size)
    if step < 0.3 * size or step > 1.3 * leading:
        return True
    if _indented(prev, cur, nxt) or _LEADER_ENTRY.search(prev.text):
        return True
    return is_short(prev, cur, chunk.right_for(prev))


def _indented(prev: TextLine, cur: TextLine, nxt: TextLine | None) -> bool:
    """First-line indent (the line after it goes back left); not a hanging indent."""
    if cur.x0 - prev.x0 <= 0.8 * cur.size:
        return False
    return nxt is None or nxt.x0 < cur.x0 - 0.5 * cur.size


def is_short(prev: TextLine, cur: TextLine, right: float) -> bool:
    """Would the first word of ``cur`` have fitted at the end of ``prev``?"""
    room = right - prev.x1
    first = cur.text[0]
    if _CJK.match(first) or _CJK.match(prev.text[-1]):
        return room > CJK_SLACK * cur.size
    word = _FIRST_WORD.match(cur.text)
    per_char = cur.width / max(len(cur.text), 1)
    need = (len(word.group()) if word else 1) * per_char + 0.8 * cur.size
    return room > need


def continues(prev: TextLine, prev_right: float, cur: TextLine, chunk: Chunk) -> bool:
    """May the paragraph ending with ``prev`` go on at ``cur`` (next column or page)?"""
    if abs(prev.size - cur.size) > 0.12 * max(prev.size, cur.size):
        return False
    if _CLOSED.search(prev.text) or is_short(prev, cur, prev_right):
        return False
    return cur.x0 - chunk.left <= 0.8 * cur.size


Rule = tuple[float, float, float]  # a horizontal line: y, x0, x1


@dataclass(slots=True)
class Blockers:
    """What a paragraph cannot run across: other-language lines and table rules, per page."""

    lines: dict[int, list[TextLine]] = field(default_factory=dict)
    rules: dict[int, list[Rule]] = field(default_factory=dict)

    def between(self, prev: TextLine, cur: TextLine) -> bool:
        """True when other-language text lies after ``prev`` or before ``cur``."""
        after = any(o.y0 > prev.y1 - 1 and _x_overlap(o, prev)
                    for o in self.lines.get(prev.page, ()))
        before = any(o.y1 < cur.y0 + 1 and _x_overlap(o, cur)
                     for o in self.lines.get(cur.page, ()))
        if prev.page == cur.page:
            return after and before
        return after or before

    def ruled(self, prev: TextLine, cur: TextLine) -> bool:
        """A horizontal rule (a table's row border) between two lines of one column."""
        return prev.page == cur.page and any(
            prev.baseline < y < cur.y0 + 1 and min(x1, cur.x1) - max(x0, cur.x0) > 0
            for y, x0, x1 in self.rules.get(cur.page, ()))


def _x_overlap(a: TextLine, b: TextLine) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0


def paragraphs_of(pages: Sequence[tuple[int, float, list[TextLine]]], lang: Lang,
                  blockers: Blockers) -> list[list[TextLine]]:
    """Group one language's lines (per page: index, width, lines) into paragraphs."""
    runs: list[list[TextLine]] = []
    last_right = 0.0
    for _page, width, lines in pages:
        mine = [ln for ln in lines if ln.lang == lang]
        for chunk in reading_chunks(mine, width):
            for k, cur in enumerate(chunk.lines):
                nxt = chunk.lines[k + 1] if k + 1 < len(chunk.lines) else None
                if k == 0:
                    joined = bool(runs) and continues(runs[-1][-1], last_right, cur, chunk) \
                        and not blockers.between(runs[-1][-1], cur)
                else:
                    prev = chunk.lines[k - 1]
                    joined = not is_break(prev, cur, nxt, chunk) \
                        and not blockers.ruled(prev, cur)
                if joined:
                    runs[-1].append(cur)
                else:
                    runs.append([cur])
            last_right = chunk.right_for(chunk.lines[-1])
    return runs


def join_lines(lines: Sequence[TextLine], vocabulary: set[str]
               ) -> tuple[str, tuple[LineSpan, ...]]:
    """Paragraph text from its lines, with the character range each line contributed.

    No space between CJK characters; hyphens at a line end dropped when the joined word
    is known from elsewhere in the document or the hyphenated form is not (so
    "docu-" + "ment" becomes "document" but "Hong Kong-" + "Shenzhen" keeps its hyphen).
    """
    text = ""
    spans: list[LineSpan] = []
    for line in lines:
        piece = line.text
        if text:
            text, sep = _seam(text, piece, vocabulary)
            if spans and spans[-1].stop > len(text):
                last = spans[-1]
                spans[-1] = LineSpan(last.start, len(text), last.page, last.rect)
            text += sep
        start = len(text)
        text += piece
        spans.append(LineSpan(start, len(text), line.page, line.bbox))
    return text, tuple(spans)


def _seam(text: str, piece: str, vocabulary: set[str]) -> tuple[str, str]:
    """(text with its end adjusted, separator) for joining ``piece`` after ``text``."""
    if _CJK.match(text[-1]) or _CJK.match(piece[0]):
        return text, ""
    hyphen = _HYPHEN_END.search(text)
    start = _WORD_START.match(piece)
    if hyphen and start:
        head, tail = hyphen.group(1), start.group(1)
        joined, kept = (head + tail).lower(), f"{head}-{tail}".lower()
        if joined in vocabulary or kept not in vocabulary:
            return text[:-1], ""
        return text, ""
    if text.endswith("-") and piece[:1].isupper():
        return text, ""
    return text, " "


def vocabulary_of(lines: Sequence[TextLine]) -> set[str]:
    """Lower-cased words (hyphenated compounds kept whole) seen inside lines."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in _WORDS.findall(line.text[:-1]))
    return words


def ordered_merge(*streams: Sequence[tuple[tuple[float, ...], object]]) -> list[object]:
    """Merge streams by key without reordering any one stream (for document order)."""
    heads = [0] * len(streams)
    out: list[object] = []
    while True:
        live = [i for i, s in enumerate(streams) if heads[i] < len(s)]
        if not live:
            return out
        pick = min(live, key=lambda i: streams[i][heads[i]][0])
        out.append(streams[pick][heads[pick]][1])
        heads[pick] += 1

