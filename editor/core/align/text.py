"""Cheap per-sentence facts the scorers use: lengths, numbers, closing punctuation."""

from __future__ import annotations

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


#: Marks whose counts a translation keeps: questions, exclamations, opened quotations.
_MARKS = {
    "question": (re.compile(r"[？?]"), re.compile(r"\?")),
    "exclaim": (re.compile(r"[！!]"), re.compile(r"!")),
    "quote": (re.compile(r"[“「『]"), re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘\"“]")),
}


def mark_counts(texts: Sequence[str], lang: str) -> np.ndarray:
    """``(len(texts), 3)`` counts of question marks, exclamation marks and quotations."""
    side = 0 if lang == "zh" else 1
    out = np.zeros((len(texts), len(_MARKS)), dtype=np.float64)
    for k, (patterns) in enumerate(_MARKS.values()):
        regex = patterns[side]
        out[:, k] = [len(regex.findall(t)) for t in texts]
    return out


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
