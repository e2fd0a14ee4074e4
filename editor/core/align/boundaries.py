"""A second look at the path's links, clause by clause, for their confidence.

Every sentence is cut into its clauses (``text.clauses``) and the same scores as the
full mode's (``full.FullScorer``) are run over runs of *clauses* instead of runs of
sentences. The probability that a clause-level path passes through a point where the
sentence-level path puts a link's start or end says whether the two sides really
part there: a translator who carried a clause of one Chinese sentence into the English
of the next (or dropped the clause that ended it) leaves a boundary no clause path
likes, although the sentences on either side still look like translations of each
other. The probability that the clause path passes through a sentence boundary
*inside* a link says the link may join two.

For each link of the path this gives two figures (:func:`check`): the log-probability
of its start and of its end added, and ``log(1 - p)`` where ``p`` is the largest
probability that the clause path passes a sentence boundary inside the link (an upper
bound on its not being cut; a 1-0 or 0-1 link has no inside and gets 0).
``confidence.calibrated`` puts them beside the sentence-level posterior.

On MAC-Dev, fitted leave-one-chapter-out, the share of wrong links among the 10% least
confident goes from 49.0% (the sentence posterior alone) to 64.7%, 66 of 102 (see
``bench/fit_confidence.py``). The clause path is searched in a band
:data:`WIDTH` clause columns either side of the sentence path, so the cost is linear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.align import dp, encoder, full, text

#: Clause columns either side of the sentence path that the clause passes visit.
WIDTH = 4
#: Temperature of the clause scores (the sentence posterior's, ``confidence.TEMPERATURE``).
TEMPERATURE = 0.1
#: Bead shapes of the clause path (in clauses).
SHAPES: tuple[dp.Shape, ...] = ((1, 0), (1, 1), (1, 2), (2, 1), (2, 2))
#: Most clause units (both sides) one window checks: each costs about 5 kB while the
#: window is aligned. A Bible window of 12,000 verses has about 32,000; text whose
#: sentences run to eight clauses and more would pass a gigabyte, and gets the
#: sentence posterior alone.
MAX_UNITS = 60_000
#: Floor of a log-probability (a boundary no clause path reaches).
FLOOR = -30.0


@dataclass(frozen=True)
class Units:
    """One side's clauses, embedded as the full mode embeds sentences."""

    side: full.Embedded
    #: ``starts[k]``: the first clause of sentence ``k`` (``n + 1`` offsets).
    starts: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str], sums: encoder.SideSums, lang: str,
           paragraphs: Sequence[int] | None = None) -> Units:
        unit_sums, starts = sums.units()
        sizes = np.diff(starts).tolist()
        pieces = [part for t, size in zip(texts, sizes, strict=True)
                  for part in (_cut(t, lang, size) if size > 1 else [t])]
        marks = None if paragraphs is None else np.repeat(np.asarray(paragraphs),
                                                          np.diff(starts)).tolist()
        return cls(full.Embedded(pieces, encoder.SideSums.plain(unit_sums), lang, marks,
                                 SHAPES), starts)


def affordable(sides: Sequence[encoder.SideSums]) -> bool:
    """Whether the clauses of ``sides`` were encoded and are few enough to check."""
    units = sum(len(s) - len(s.rows) + len(s.parts) for s in sides)
    return all(s.clauses for s in sides) and units <= MAX_UNITS


def _cut(sentence: str, lang: str, size: int) -> list[str]:
    """``sentence``'s ``size`` clauses. The sums were made of the text the encoder saw
    (the Chinese in Simplified characters), whose cut may in rare cases differ from the
    original's; the texts only give the clauses' lengths and punctuation."""
    parts = text.clauses(sentence, lang)
    if len(parts) < size:
        return parts + [""] * (size - len(parts))
    return [*parts[:size - 1], "".join(parts[size - 1:])]


def check(zh: Units, en: Units, path: dp.Path, cancel: dp.Cancel | None = None) -> np.ndarray:
    """Per link of ``path``: ``(log P(start) + log P(end), log(1 - max P(inner)))``
    under the clause-level scores, as an array ``(links, 2)`` (see the module)."""
    zs, es = zh.starts, en.starts
    clause_beads = []
    nodes_i: list[int] = []
    nodes_j: list[int] = []
    owner: list[int] = []
    inner: list[bool] = []
    i = j = 0
    for k, (z, e) in enumerate(path.beads):
        i2, j2 = i + len(z), j + len(e)
        clause_beads.append((tuple(range(zs[i], zs[i2])), tuple(range(es[j], es[j2]))))
        for a in range(i, i2 + 1):
            for b in range(j, j2 + 1):
                nodes_i.append(int(zs[a]))
                nodes_j.append(int(es[b]))
                owner.append(k)
                inner.append((a, b) not in ((i, j), (i2, j2)))
        i, j = i2, j2
    n, m = int(zs[-1]), int(es[-1])
    low, high = dp.Path(clause_beads, [0.0] * len(clause_beads)).extremes(n)
    band = dp.Band.around(low, high, m, WIDTH)
    scorer = full.FullScorer(zh.side, en.side, band, shapes=SHAPES)
    log_p = np.maximum(dp.node_posteriors(SHAPES, band, scorer, scorer.skip_en(),
                                          np.asarray(nodes_i), np.asarray(nodes_j),
                                          TEMPERATURE, cancel=cancel), FLOOR)
    links = len(path.beads)
    who = np.asarray(owner, dtype=np.int64)
    is_inner = np.asarray(inner, dtype=bool)
    ends = np.bincount(who[~is_inner], weights=log_p[~is_inner], minlength=links)
    worst = np.full(links, FLOOR)
    np.maximum.at(worst, who[is_inner], log_p[is_inner])
    uncut = np.log1p(-np.exp(np.minimum(worst, -1e-9)))
    return np.stack([ends, np.maximum(uncut, FLOOR)], axis=1)
