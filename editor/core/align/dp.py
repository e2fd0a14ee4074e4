"""Banded dynamic programming over beads: the best monotone path through a score band.

Row ``i`` of the table is "the first ``i`` Chinese sentences are aligned"; within it,
column ``j`` is "… with the first ``j`` English sentences". Each row only keeps the
columns of its window ``lo[i] … hi[i]``, so time and memory grow with the number of
rows times the band width, never with ``n × m``. A bead of shape ``(a, b)`` ending at
``(i, j)`` covers Chinese ``i-a … i-1`` and English ``j-b … j-1``; its score comes from a
caller-supplied row scorer, so one engine runs the anchor pass, the many-to-many pass
and the length-only fast mode.

All rows live in one flat array, each padded with impossible cells, so a row is a
handful of vector operations whatever the number of shapes: gather the predecessors of
every shape at once, add the scores, take the maximum. English-only (0-1) beads stay
inside a row; they are folded in with a running maximum
(``D[j] = C[j] + max_{k<=j}(X[k] - C[k])``, ``C`` the cumulative 0-1 scores).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.errors import OperationError

Shape = tuple[int, int]
#: ``scores(i, lo, hi)`` → array ``(len(shapes), hi - lo + 1)``: the score of a bead of
#: each shape ending at ``(i, j)`` for ``j = lo … hi`` (very negative where impossible).
RowScorer = Callable[[int, int, int], np.ndarray]
Cancel = Callable[[], bool]

NEG = -1e18
_PAD = 8  # impossible cells before each stored row (≥ the widest English run)
_MAX_B = _PAD


@dataclass(frozen=True, slots=True)
class Band:
    """Inclusive column window per row; ``lo`` and ``hi`` never decrease."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.lo)

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def around(cls, low: np.ndarray, high: np.ndarray, m: int, width: int) -> Band:
        """A band ``width`` columns either side of a path given as per-row extremes.

        Widened so neighbouring rows overlap (every bead stays possible) and pinned to
        the corners ``(0, 0)`` and ``(n, m)``.
        """
        low = np.asarray(low, dtype=np.int64)
        high = np.asarray(high, dtype=np.int64)
        prev_low = np.concatenate([low[:1], low[:-1]])
        next_high = np.concatenate([high[1:], high[-1:]])
        lo = np.clip(np.minimum(low, prev_low) - width, 0, m)
        hi = np.clip(np.maximum(high, next_high) + width, 0, m)
        lo[0], hi[-1] = 0, m
        lo = np.maximum.accumulate(lo)
        hi = np.maximum.accumulate(np.maximum(hi, lo))
        return cls(lo, hi)

    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())

    def inside(self, outer: Band) -> Band:
        """This band cut to ``outer`` (both keep their rows and stay monotone)."""
        return Band(np.maximum(self.lo, outer.lo), np.minimum(self.hi, outer.hi))


@dataclass(frozen=True, slots=True)
class Path:
    """Beads as ``(zh positions, en positions)`` with the score each one added."""

    beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    scores: list[float]

    def extremes(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Lowest and highest English count the path reaches in each row ``0 … n``."""
        low = np.full(n + 1, -1, dtype=np.int64)
        high = np.zeros(n + 1, dtype=np.int64)
        i = j = 0
        low[0] = 0
        for zh, en in self.beads:
            i2, j2 = i + len(zh), j + len(en)
            low[i + 1:i2] = j  # rows a many-to-one bead passes over
            high[i + 1:i2] = j2
            if low[i2] < 0:
                low[i2] = j if i2 > i else j2
            high[i2] = max(high[i2], j2)
            i, j = i2, j2
        return low, high


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each row sits in the flat table, and each shape's predecessor offsets."""

    start: np.ndarray  # flat index of column lo[i] of row i
    base: np.ndarray  # (rows, shapes): column in the predecessor row, before + w
    limit: np.ndarray  # (rows, shapes): first padding column of the predecessor row
    origin: np.ndarray  # (rows, shapes): flat start of the predecessor row
    size: int


def _layout(shapes: Sequence[Shape], band: Band) -> _Layout:
    width = band.hi - band.lo + 1
    slots = width + _PAD + 1
    start = np.concatenate([[0], np.cumsum(slots)[:-1]]) + _PAD
    a = np.array([s[0] for s in shapes], dtype=np.int64)
    b = np.array([s[1] for s in shapes], dtype=np.int64)
    prev = np.maximum(np.arange(band.rows)[:, None] - a[None, :], 0)
    base = band.lo[:, None] - band.lo[prev] - b[None, :]
    return _Layout(start, base, width[prev], start[prev], int(slots.sum()) + _PAD)


def run(shapes: Sequence[Shape], band: Band, scores: RowScorer, skip_en: np.ndarray,
        *, cancel: Cancel | None = None) -> Path:
    """Best-scoring path from ``(0, 0)`` to ``(n, m)`` within ``band``.

    ``skip_en[j]`` is the score of the 0-1 bead holding English ``j - 1`` alone.
    """
    if any(a < 1 or not 0 <= b <= _MAX_B for a, b in shapes):
        raise ValueError("shapes need 1+ Chinese and at most 8 English sentences "
                         "(0-1 beads come from skip_en)")
    lay = _layout(shapes, band)
    flat = np.full(lay.size, NEG)
    choice = np.full(lay.size, -1, dtype=np.int8)
    cum_skip = np.concatenate([[0.0], np.cumsum(np.asarray(skip_en, dtype=np.float64)[1:])])
    columns = np.arange(int((band.hi - band.lo).max()) + 1)
    for i in range(band.rows):
        _check(cancel, i)
        lo, hi = int(band.lo[i]), int(band.hi[i])
        if i == 0:
            best = np.full(hi - lo + 1, NEG)
            best[0] = 0.0
            pick = np.full(hi - lo + 1, -1, dtype=np.int64)
        else:
            col = lay.base[i][:, None] + columns[None, :hi - lo + 1]
            np.minimum(col, lay.limit[i][:, None], out=col)
            cand = flat[lay.origin[i][:, None] + col] + scores(i, lo, hi)
            pick = cand.argmax(axis=0)
            best = cand[pick, columns[:hi - lo + 1]]
        _fold_skips(best, pick, cum_skip[lo:hi + 1])
        at = int(lay.start[i])
        flat[at:at + hi - lo + 1] = best
        choice[at:at + hi - lo + 1] = pick
    return _trace(shapes, band, lay, flat, choice)


def track(shapes: Sequence[Shape], n: int, m: int, scores: RowScorer, skip_en: np.ndarray,
          width: int, *, cancel: Cancel | None = None) -> tuple[Path, Band]:
    """Best path within a band that follows the search itself.

    Each row's window is centred on the best cell of the row before (``width`` columns
    either side), so a path that strays far from any diagonal is still followed, at the
    cost of one pass: for long documents where no coarse guide is good enough (lengths
    only). Returns the path and the band it searched.
    """
    shapes = list(shapes)
    a = np.array([s[0] for s in shapes], dtype=np.int64)
    b = np.array([s[1] for s in shapes], dtype=np.int64)
    lo_of = np.zeros(n + 1, dtype=np.int64)
    hi_of = np.zeros(n + 1, dtype=np.int64)
    width_of = np.ones(n + 1, dtype=np.int64)
    start = np.zeros(n + 1, dtype=np.int64)
    size = (n + 1) * (2 * width + _PAD + 2) + m + 2 * _PAD + 2
    flat = np.full(size, NEG)
    choice = np.full(size, -1, dtype=np.int8)
    cum_skip = np.concatenate([[0.0], np.cumsum(np.asarray(skip_en, dtype=np.float64)[1:])])
    every = np.arange(m + 1)
    at, centre, lo, hi = _PAD, 0, 0, min(m, width)
    for i in range(n + 1):
        _check(cancel, i)
        if i:
            lo = max(lo, min(centre - width, hi))
            hi = m if i == n else min(m, max(hi, centre + width))
        cols = every[:hi - lo + 1]
        lo_of[i], hi_of[i], width_of[i], start[i] = lo, hi, hi - lo + 1, at
        if i == 0:
            best = np.full(hi - lo + 1, NEG)
            best[0] = 0.0
            pick = np.full(hi - lo + 1, -1, dtype=np.int64)
        else:
            prev = i - a if i >= 8 else np.maximum(i - a, 0)
            col = (lo - b - lo_of[prev])[:, None] + cols
            np.minimum(col, width_of[prev][:, None], out=col)
            col += start[prev][:, None]
            cand = flat[col]
            cand += scores(i, lo, hi)
            pick = cand.argmax(axis=0)
            best = cand[pick, cols]
        _fold_skips(best, pick, cum_skip[lo:hi + 1])
        flat[at:at + hi - lo + 1] = best
        choice[at:at + hi - lo + 1] = pick
        at += hi - lo + 1 + _PAD + 1
        centre = lo + int(best.argmax())
    band = Band(lo_of, hi_of)
    lay = _Layout(start, np.zeros((0, 0), dtype=np.int64), np.zeros((0, 0), dtype=np.int64),
                  np.zeros((0, 0), dtype=np.int64), size)
    return _trace(shapes, band, lay, flat, choice), band


def _fold_skips(best: np.ndarray, pick: np.ndarray, cum: np.ndarray) -> None:
    """Let English-only beads chain along the row (``pick == -2`` marks them)."""
    if len(best) < 2:
        return
    lifted = best - cum
    running = np.maximum.accumulate(lifted)
    chained = running > lifted + 1e-12
    if chained.any():
        best[chained] = (running + cum)[chained]
        pick[chained] = -2


def _trace(shapes: Sequence[Shape], band: Band, lay: _Layout, flat: np.ndarray,
           choice: np.ndarray) -> Path:
    n = band.rows - 1
    m = int(band.hi[n])

    def cell(i: int, j: int) -> int:
        return int(lay.start[i]) + j - int(band.lo[i])

    if flat[cell(n, m)] <= NEG / 2:
        raise OperationError("no alignment path inside the band")
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    gains: list[float] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = int(choice[cell(i, j)])
        a, b = (0, 1) if k == -2 else shapes[k]
        gains.append(float(flat[cell(i, j)] - flat[cell(i - a, j - b)]))
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    gains.reverse()
    return Path(beads, gains)


def _check(cancel: Cancel | None, row: int) -> None:
    """Every 512 rows: stop if the user cancelled."""
    if cancel is not None and row % 512 == 0 and cancel():
        raise OperationError("alignment cancelled")


def _logsumexp0(x: np.ndarray) -> np.ndarray:
    top = x.max(axis=0)
    reachable = top > NEG / 2
    safe = np.where(reachable, top, 0.0)
    with np.errstate(divide="ignore"):
        out = safe + np.log(np.exp(x - safe).sum(axis=0))
    return np.where(reachable, out, NEG)


def _forward(shapes: Sequence[Shape], band: Band, lay: _Layout, scores: RowScorer,
             cum_skip: np.ndarray, temperature: float, cancel: Cancel | None) -> np.ndarray:
    """Log-sum over all paths from ``(0, 0)`` to every cell (scores divided by T)."""
    flat = np.full(lay.size, NEG)
    columns = np.arange(int((band.hi - band.lo).max()) + 1)
    for i in range(band.rows):
        _check(cancel, i)
        lo, hi = int(band.lo[i]), int(band.hi[i])
        if i == 0:
            total = np.full(hi - lo + 1, NEG)
            total[0] = 0.0
        else:
            col = lay.base[i][:, None] + columns[None, :hi - lo + 1]
            np.minimum(col, lay.limit[i][:, None], out=col)
            total = _logsumexp0(flat[lay.origin[i][:, None] + col]
                                + scores(i, lo, hi) / temperature)
        cum = cum_skip[lo:hi + 1] / temperature
        total = np.logaddexp.accumulate(total - cum) + cum
        at = int(lay.start[i])
        flat[at:at + hi - lo + 1] = total
    return flat


def _backward(shapes: Sequence[Shape], band: Band, lay: _Layout, scores: RowScorer,
              cum_skip: np.ndarray, temperature: float, cancel: Cancel | None) -> np.ndarray:
    """Log-sum over all paths from every cell to ``(n, m)``.

    Rows are visited from the last; each row leaves, per shape, "score of the bead
    ending here + everything after" for the rows above to gather.
    """
    n = band.rows - 1
    beta = np.full(lay.size, NEG)
    ahead = np.full((len(shapes), lay.size), NEG, dtype=np.float32)  # memory: 13 × cells
    a = np.array([s[0] for s in shapes], dtype=np.int64)
    b = np.array([s[1] for s in shapes], dtype=np.int64)
    rows = np.arange(len(shapes))[:, None]
    for i in range(n, -1, -1):
        _check(cancel, i)
        lo, hi = int(band.lo[i]), int(band.hi[i])
        width = hi - lo + 1
        nxt = np.minimum(i + a, n)
        col = (lo - band.lo[nxt] + b)[:, None] + np.arange(width)[None, :]
        np.minimum(col, (band.hi[nxt] - band.lo[nxt] + 1)[:, None], out=col)
        gathered = ahead[rows, lay.start[nxt][:, None] + col]
        gathered[i + a > n] = NEG
        total = _logsumexp0(gathered)
        if i == n:
            total[width - 1] = np.logaddexp(total[width - 1], 0.0) if hi == int(band.hi[n]) \
                else total[width - 1]
        cum = cum_skip[lo:hi + 1] / temperature
        total = np.logaddexp.accumulate((total + cum)[::-1])[::-1] - cum
        at = int(lay.start[i])
        beta[at:at + width] = total
        if i > 0:
            ahead[:, at:at + width] = scores(i, lo, hi) / temperature + total
    return beta


class _Passes:
    """Forward and backward log-sums over one band (scores divided by ``temperature``)."""

    def __init__(self, shapes: Sequence[Shape], band: Band, scores: RowScorer,
                 skip_en: np.ndarray, temperature: float, cancel: Cancel | None) -> None:
        self.band, self.lay = band, _layout(shapes, band)
        cum_skip = np.concatenate([[0.0], np.cumsum(np.asarray(skip_en, dtype=np.float64)[1:])])
        self.alpha = _forward(shapes, band, self.lay, scores, cum_skip, temperature, cancel)
        self.beta = _backward(shapes, band, self.lay, scores, cum_skip, temperature, cancel)
        n = band.rows - 1
        self.log_z = float(self.alpha[self.cell(n, int(band.hi[n]))])

    def cell(self, i: int, j: int) -> int:
        return int(self.lay.start[i]) + j - int(self.band.lo[i])


def posteriors(shapes: Sequence[Shape], band: Band, scores: RowScorer, skip_en: np.ndarray,
               path: Path, temperature: float, *, cancel: Cancel | None = None) -> list[float]:
    """Probability of each bead of ``path`` among all paths, weighted by ``exp(score/T)``.

    A bead that wins narrowly over other ways of grouping the same sentences gets a
    low probability: that is what makes it worth a reviewer's look.
    """
    passes = _Passes(shapes, band, scores, skip_en, temperature, cancel)
    alpha, beta, cell = passes.alpha, passes.beta, passes.cell
    out = []
    i = j = 0
    for (zh, en), gain in zip(path.beads, path.scores, strict=True):
        i2, j2 = i + len(zh), j + len(en)
        log_p = alpha[cell(i, j)] + gain / temperature + beta[cell(i2, j2)] - passes.log_z
        out.append(float(np.exp(min(0.0, log_p))))
        i, j = i2, j2
    return out


def node_posteriors(shapes: Sequence[Shape], band: Band, scores: RowScorer,
                    skip_en: np.ndarray, rows: np.ndarray, columns: np.ndarray,
                    temperature: float, *, cancel: Cancel | None = None) -> np.ndarray:
    """Log-probability that a path passes through each cell ``(rows[k], columns[k])``
    (``NEG`` for a cell outside ``band``)."""
    passes = _Passes(shapes, band, scores, skip_en, temperature, cancel)
    rows = np.asarray(rows, dtype=np.int64)
    columns = np.asarray(columns, dtype=np.int64)
    inside = (band.lo[rows] <= columns) & (columns <= band.hi[rows])
    flat = passes.lay.start[rows] + columns - band.lo[rows]
    log_p = np.full(len(rows), NEG)
    picked = flat[inside]
    log_p[inside] = np.minimum(passes.alpha[picked] + passes.beta[picked] - passes.log_z, 0.0)
    return log_p
