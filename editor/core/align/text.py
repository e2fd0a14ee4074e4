"""Cheap per-sentence facts the scorers use: lengths, numbers, closing punctuation."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np

_ASCII_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def lengths(texts: Sequence[str]) -> np.ndarray:
    """Length in characters, ignoring spaces (a proxy for the amount of content)."""
    return np.fromiter((len(t) - t.count(" ") for t in texts), dtype=np.float64,
                       count=len(texts))


def numbers(text: str) -> frozenset[str]:
    """Arabic numbers in a text, normalised (``1,000`` → ``1000``)."""
    return frozenset(n.replace(",", "") for n in _ASCII_DIGITS.findall(text))


def cjk_share(text: str) -> float:
    """Share of CJK characters among the non-space characters of ``text``."""
    visible = len(text) - text.count(" ")
    return len(_CJK.findall(text)) / visible if visible else 0.0


#: Marks whose counts a translation keeps: questions and exclamations (and opened
#: quotations, counted by :func:`quote_marks`).
_MARKS = {
    "question": (re.compile(r"[？?]"), re.compile(r"\?")),
    "exclaim": (re.compile(r"[！!]"), re.compile(r"!")),
}


def mark_counts(texts: Sequence[str], lang: str) -> np.ndarray:
    """``(len(texts), 3)`` counts of question marks, exclamation marks and opened
    quotations."""
    side = 0 if lang == "zh" else 1
    out = np.zeros((len(texts), len(_MARKS) + 1), dtype=np.float64)
    for k, (patterns) in enumerate(_MARKS.values()):
        regex = patterns[side]
        out[:, k] = [len(regex.findall(t)) for t in texts]
    out[:, -1] = [sum(quote_marks(t, lang)) for t in texts]
    return out


_ZH_OPEN, _ZH_CLOSE = "“「『", "”」』"
_ZH_QUOTES = re.compile(f"[{_ZH_OPEN}{_ZH_CLOSE}\"]")
_EN_QUOTES = re.compile("[\"'‘’“”]")


def _en_quote_marks(text: str) -> list[int]:
    """English quotation marks in order: 1 opens, 0 closes.

    Curly marks say which they are; a straight one opens after a space or a bracket
    (or a dash, before a letter) and closes before a space or punctuation. One with
    letters on both sides is an apostrophe (``don't``) and is skipped. A plural's
    apostrophe (``the boys' dog``) reads as a close: it cannot be told from a closing
    quote (``'tramples' in the dirt``), and closing is right more often in prose.
    """
    out = []
    for m in _EN_QUOTES.finditer(text):
        k, mark = m.start(), m.group()
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if mark in "‘“" and not (before.isalnum() and after.isalnum()):
            out.append(1)
        elif mark == "”":
            out.append(0)
        elif before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't
        elif before.isspace() or before in "([":
            if not after.isspace():
                out.append(1)
        elif after.isspace() or not after.isalnum():
            out.append(0)
        elif before in "—–-":
            out.append(1)
    return out


def _zh_quote_marks(text: str) -> list[int]:
    """Chinese quotation marks in order (1 opens, 0 closes); straight double quotes
    alternate."""
    out: list[int] = []
    straight_open = 0
    for ch in _ZH_QUOTES.findall(text):
        if ch == '"':
            straight_open = 1 - straight_open
            out.append(straight_open)
        else:
            out.append(1 if ch in _ZH_OPEN else 0)
    return out


def quote_marks(text: str, lang: str) -> list[int]:
    """The quotation marks of ``text`` in order: 1 opens a quotation, 0 closes one."""
    return _zh_quote_marks(text) if lang == "zh" else _en_quote_marks(text)


def quote_states(texts: Sequence[str], lang: str) -> np.ndarray:
    """``(len(texts) + 1,)``: 1 where the text is inside a quotation after the first
    ``k`` sentences, else 0.

    The state after a sentence is set by its last quotation mark (opening: inside;
    closing: outside), and a sentence without one keeps the state before it, so a
    misread mark misleads until the next mark only. The full mode uses it to keep a
    link from ending while the English is still inside a quotation the Chinese has
    closed (translations split dialogue differently, but they close it together).
    """
    out = np.zeros(len(texts) + 1, dtype=np.int8)
    state = 0
    for k, t in enumerate(texts):
        found = quote_marks(t, lang)
        if found:
            state = found[-1]
        out[k + 1] = state
    return out


#: Where a clause ends: after a comma, semicolon or colon (and an English dash), not
#: inside a number ("1,000").
_CLAUSE_CUT = {"zh": re.compile(r"(?<=[，；：])|(?<=[,;:])(?!\d)"),
               "en": re.compile(r"(?<=[,;:—])(?!\d)")}
#: A clause shorter than this (characters of Chinese, words of English) joins its
#: neighbour: "他说：" or "Well," alone says little about where a translation turns.
_CLAUSE_MIN = {"zh": 5, "en": 4}


#: Most clauses of one sentence: a line of thousands of commas is cut into this many
#: runs of neighbouring clauses (the confidence's clause check costs the product of a
#: link's clause counts on the two sides). No sentence of MAC-Dev or the Bible has more
#: than 11.
MAX_CLAUSES = 16


def clauses(text: str, lang: str) -> list[str]:
    """``text`` cut into clauses, short ones joined to their neighbour (at most
    :data:`MAX_CLAUSES`, neighbours joined in even runs beyond)."""
    def size(start: int, end: int) -> int:
        part = text[start:end]
        return len(part.strip()) if lang == "zh" else len(part.split())

    cuts = [m.start() for m in _CLAUSE_CUT[lang].finditer(text)]
    spans: list[list[int]] = []
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        if not text[start:end].strip():
            continue
        if spans and min(size(start, end), size(*spans[-1])) < _CLAUSE_MIN[lang]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    if len(spans) > MAX_CLAUSES:
        runs = np.linspace(0, len(spans), MAX_CLAUSES + 1).round().astype(int).tolist()
        spans = [[spans[a][0], spans[z - 1][1]] for a, z in itertools.pairwise(runs)]
    return [text[a:z].strip() for a, z in spans] or [text]


def crossings(paragraphs: Sequence[int] | None, count: int, longest: int) -> list[np.ndarray]:
    """Per run length k: row ``j`` counts paragraph breaks inside sentences ``j-k … j-1``.

    A link that straddles a paragraph boundary is rarely right; ``None`` (unknown
    paragraphs) gives all zeros.
    """
    breaks = np.zeros(count)
    if paragraphs is not None and len(paragraphs) == count and count > 1:
        marks = np.asarray(paragraphs)
        breaks[1:] = marks[1:] != marks[:-1]
    prefix = np.concatenate([[0.0], np.cumsum(breaks)])
    ends = np.arange(count + 1)
    return [prefix - prefix[np.clip(ends - k + 1, 0, count)] for k in range(1, longest + 1)]
