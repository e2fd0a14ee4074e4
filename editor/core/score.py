"""Strict and lax precision, recall and F1 of a sentence alignment against a gold one.

The measure is the one the field reports (Vecalign's ``score.py``, after Véronis and
Langlais): a bead is a pair of tuples of zero-based sentence positions.

* **strict**: a test bead is right only if the gold has exactly the same bead;
* **lax**: a test bead is also right if one of its first-side sentences is aligned in
  the gold to one of its second-side sentences (partial overlap on both sides).

Precision counts every test bead, including 1-0 and 0-1 beads; recall swaps the roles
and leaves out 1-0/0-1 beads on both sides, so deletions count in precision only.
Scores over several documents add the counts first (micro-average).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import InputError

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]

_BEAD_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class Counts:
    """True and false positives, strict and lax."""

    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp_strict + other.tp_strict, self.fp_strict + other.fp_strict,
                      self.tp_lax + other.tp_lax, self.fp_lax + other.fp_lax)


@dataclass(frozen=True, slots=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__slots__}


def _clean(beads: Iterable[Sequence[Sequence[int]]]) -> set[BeadIds]:
    """Beads as a set of tuple pairs, without beads empty on both sides."""
    return {(tuple(a), tuple(b)) for a, b in beads if len(a) or len(b)}


def _counts(gold: Iterable[BeadIds], test: Iterable[BeadIds]) -> Counts:
    """Count how many ``test`` beads the ``gold`` confirms, strictly and laxly."""
    gold_set, test_set = _clean(gold), _clean(test)
    partners: dict[int, set[int]] = defaultdict(set)
    for first, second in gold_set:
        for i in first:
            partners[i].update(second)
    tp_s = fp_s = tp_l = fp_l = 0
    for first, second in test_set:
        if (first, second) in gold_set:
            tp_s += 1
            tp_l += 1
            continue
        fp_s += 1
        reachable = set().union(*(partners.get(i, set()) for i in first)) if first else set()
        if reachable.intersection(second):
            tp_l += 1
        else:
            fp_l += 1
    return Counts(tp_s, fp_s, tp_l, fp_l)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_many(pairs: Iterable[tuple[Sequence[BeadIds], Sequence[BeadIds]]]) -> Scores:
    """Micro-averaged scores over ``(gold, test)`` bead lists of several documents."""
    pc, rc = Counts(), Counts()
    for gold, test in pairs:
        pc += _counts(gold, test)
        gold_linked = [b for b in gold if len(b[0]) and len(b[1])]
        test_linked = [b for b in test if len(b[0]) and len(b[1])]
        rc += _counts(test_linked, gold_linked)
    p_s, r_s = _ratio(pc.tp_strict, pc.tp_strict + pc.fp_strict), \
        _ratio(rc.tp_strict, rc.tp_strict + rc.fp_strict)
    p_l, r_l = _ratio(pc.tp_lax, pc.tp_lax + pc.fp_lax), _ratio(rc.tp_lax, rc.tp_lax + rc.fp_lax)
    return Scores(p_s, r_s, _f1(p_s, r_s), p_l, r_l, _f1(p_l, r_l))


def score(gold: Sequence[BeadIds], test: Sequence[BeadIds]) -> Scores:
    """Scores of one test alignment against its gold."""
    return score_many([(gold, test)])


def parse_bead(line: str) -> BeadIds | None:
    """``"[8,9]:[8]"`` → ``((8, 9), (8,))``; ``None`` when the line is not a bead."""
    match = _BEAD_LINE.match(line)
    if match is None:
        return None
    return _ids(match.group(1)), _ids(match.group(2))


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def format_bead(first: Sequence[int], second: Sequence[int]) -> str:
    """The ``[0,1]:[0]`` form, the inverse of :func:`parse_bead`."""
    return f"[{','.join(map(str, first))}]:[{','.join(map(str, second))}]"


def read_beads(path: str | Path, *, swap: bool = False) -> list[BeadIds]:
    """Read a bead file (one ``[..]:[..]`` per line; blank lines ignored).

    ``swap`` exchanges the two sides (for gold files written English first).
    Raises :class:`InputError` naming the file and line when a line is not a bead.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    beads: list[BeadIds] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        bead = parse_bead(line)
        if bead is None:
            raise InputError(path, f"line {number} is not a bead like [0,1]:[0]: {line[:60]!r}")
        beads.append((bead[1], bead[0]) if swap else bead)
    return beads
