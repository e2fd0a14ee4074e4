"""Long documents in the full mode: aligned window by window, so memory stays bounded.

The full mode keeps five run embeddings per sentence, its clause turns, two run
embeddings per clause (for the confidence's clause check) and the scores of a band:
about 15-25 kB a sentence. A document longer than :data:`WINDOW` sentences (both sides
together) is aligned in overlapping windows instead of at once:

1. the length-only pass of the fast mode (``fast``, a few kB a sentence) says roughly
   where each Chinese sentence's translation lies;
2. a window of about :data:`WINDOW` sentences starting at the last cut is aligned in
   full; its path is kept up to a cut in the window's last quarter — after the most
   confident 1-1 link there — and the next window starts at that cut, so the end of
   a window, which the rough guide fixed, never reaches the result;
3. sentences are embedded in fixed blocks (:class:`LazySums`) the windows share, so
   the overlap is not encoded twice and the cut into blocks depends on the input
   alone (same input, same output).

Memory is that of one window plus the guide; time stays linear in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass

import numpy as np

from editor.core.align import encoder, fast

#: Most sentences (both sides together) the full mode aligns at once. Bible 006 (72,687
#: sentences, full mode, this machine): 16,000 took 808 MB and 134 CPU-s once the clause
#: turns were added, 12,000 761 MB and 119 CPU-s (the scores of a window then fit in
#: ``full.KEEP_VALUES``, so the confidence passes need not recompute them), 8,000
#: 655 MB but 146 CPU-s (more overlap re-aligned). 44 of about 30,000 links differ
#: between 16,000 and 12,000.
WINDOW = 12_000
#: A window's path is kept up to a cut between these shares of its Chinese rows.
CUT_SPAN = (0.7, 0.85)
#: Sentences per encoding block (see :class:`LazySums`).
BLOCK = 4_096

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]
#: ``solve(zh_range, en_range, ahead)`` → beads (window positions) and confidences;
#: ``ahead`` is where the next window will roughly be (to encode it meanwhile), if any.
Solver = Callable[[range, range, tuple[range, range] | None], tuple[Beads, list[float]]]


class LazySums:
    """Token sums of one side, encoded block by block on first use.

    Blocks before the current window are dropped, so memory holds a window's worth.
    With a ``pool``, :meth:`prefetch` encodes the next window's blocks in the
    background while the current window is aligned (the encoder's products release
    the interpreter; the alignment's loops mostly hold it): long documents take about
    a quarter less time. A block's bits do not depend on which thread made it.
    """

    def __init__(self, texts: Sequence[str], lang: str, report: Callable[[int], None],
                 tick: Callable[[int, int], None], pool: Executor | None = None,
                 clauses: bool = True) -> None:
        self.texts, self.lang, self.clauses = texts, lang, clauses
        self.report, self.tick, self.pool = report, tick, pool
        self._blocks: dict[int, encoder.SideSums] = {}
        self._pending: dict[int, Future[encoder.SideSums]] = {}

    def prefetch(self, span: range) -> None:
        """Start encoding the blocks of ``span`` in the background (with a pool)."""
        if self.pool is None or not span:
            return
        for k in range(span.start // BLOCK, (span.stop - 1) // BLOCK + 1):
            if k not in self._blocks and k not in self._pending:
                self._pending[k] = self.pool.submit(self._encode, k)

    def get(self, span: range) -> encoder.SideSums:
        """Sums of sentences ``span.start … span.stop - 1`` (``rows`` counted from
        ``span.start``)."""
        first, last = span.start // BLOCK, max(span.start, span.stop - 1) // BLOCK
        for k in [k for k in self._blocks if k < first]:
            del self._blocks[k]
        blocks = [self._block(k) for k in range(first, last + 1)]
        at = span.start - first * BLOCK
        rows = np.concatenate([p.rows + k * BLOCK for k, p in enumerate(blocks)]) - at
        keep = (rows >= 0) & (rows < len(span))
        sums = np.concatenate([p.sentences.sums for p in blocks])[at:at + len(span)]
        counts = np.concatenate([p.sentences.counts for p in blocks])[at:at + len(span)]
        # the kept rows' clauses, renumbered from 0
        shift = np.cumsum([0] + [len(p.parts.counts) for p in blocks[:-1]])
        starts = np.concatenate([p.starts[:-1] + s for p, s in zip(blocks, shift, strict=True)])
        stops = np.concatenate([p.starts[1:] + s for p, s in zip(blocks, shift, strict=True)])
        picks = encoder.spans_index(starts[keep], stops[keep])
        clause_sums = encoder.HalfSums(
            np.concatenate([p.parts.means for p in blocks])[picks],
            np.concatenate([p.parts.counts for p in blocks])[picks])
        return encoder.SideSums(encoder.TokenSums(sums, counts), rows[keep], clause_sums,
                                np.concatenate([[0], np.cumsum(stops[keep] - starts[keep])]
                                               ).astype(np.int64), self.clauses)

    def forget(self) -> None:
        """Let go of every block (after the last window's :meth:`get`, which copied
        what it needs)."""
        self._blocks.clear()

    def _block(self, k: int) -> encoder.SideSums:
        if k not in self._blocks:
            pending = self._pending.pop(k, None)
            self._blocks[k] = pending.result() if pending is not None else self._encode(k)
            self.report(len(self._blocks[k]))
        return self._blocks[k]

    def _encode(self, k: int) -> encoder.SideSums:
        return encoder.side_sums(self.texts[k * BLOCK:(k + 1) * BLOCK], self.lang,
                                 progress=self.tick, clauses=self.clauses)


@dataclass
class _Cursor:
    zh: int = 0
    en: int = 0


def align_in_windows(n: int, m: int, reach: np.ndarray, solve: Solver
                     ) -> tuple[Beads, list[float]]:
    """Beads of the whole document from full-mode windows along the guide (``reach``:
    the English position the guide reaches by each Chinese row, see :func:`guide`)."""
    beads: Beads = []
    confs: list[float] = []
    at = _Cursor()
    while True:
        stop_zh = _window_end(at, n, m, reach)
        stop_en = m if stop_zh == n else max(at.en, min(m, int(reach[stop_zh])))
        ahead = None
        if stop_zh < n:
            next_zh = min(n, stop_zh + (stop_zh - at.zh))
            ahead = (range(stop_zh, next_zh), range(stop_en, max(stop_en, int(reach[next_zh]))))
        part, part_confs = solve(range(at.zh, stop_zh), range(at.en, stop_en), ahead)
        keep = len(part) if stop_zh == n else _cut(part, part_confs, stop_zh - at.zh)
        for (z, e), c in zip(part[:keep], part_confs[:keep], strict=True):
            beads.append((tuple(at.zh + i for i in z), tuple(at.en + j for j in e)))
            confs.append(c)
        if stop_zh == n:
            return beads, confs
        at = _Cursor(at.zh + sum(len(z) for z, _ in part[:keep]),
                     at.en + sum(len(e) for _, e in part[:keep]))


def _window_end(at: _Cursor, n: int, m: int, reach: np.ndarray) -> int:
    """First Chinese row after the window: about :data:`WINDOW` sentences in all."""
    if (n - at.zh) + (m - at.en) <= WINDOW:
        return n
    rows = np.arange(at.zh, n + 1)
    size = (rows - at.zh) + np.maximum(reach[rows] - at.en, 0)
    end = at.zh + int(np.searchsorted(size, WINDOW, side="right")) - 1
    # at least a few rows, so every window moves the cut forward
    return min(n, max(end, at.zh + 16))


def _cut(part: Beads, confs: Sequence[float], rows: int) -> int:
    """How many beads of a window to keep: up to the most confident 1-1 bead whose end
    lies in :data:`CUT_SPAN` of the window's rows (its first bead there if none)."""
    lo, hi = CUT_SPAN[0] * rows, CUT_SPAN[1] * rows
    best, best_conf, done = 0, -1.0, 0
    for k, ((z, e), c) in enumerate(zip(part, confs, strict=True)):
        done += len(z)
        if done < lo:
            continue
        if done > hi:
            break
        if len(z) == len(e) == 1 and c > best_conf:
            best, best_conf = k + 1, c
        elif best == 0:
            best = k + 1
    return max(best, 1)


def guide(zh: Sequence[str], en: Sequence[str],
          paragraphs: tuple[Sequence[int] | None, Sequence[int] | None],
          cancel: Callable[[], bool] | None) -> np.ndarray:
    """English position the length-only path reaches by each Chinese row ``0 … n``
    (only this array is kept: the path itself would hold a tuple per bead)."""
    low, _ = fast.align(zh, en, paragraphs=paragraphs, cancel=cancel).extremes(len(zh))
    return np.maximum.accumulate(np.maximum(low, 0))
