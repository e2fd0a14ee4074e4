"""Where to look: a band around a coarse 1-1 path, found coarse-to-fine.

Long documents are aligned first at a coarse resolution (pairs of sentences summed,
recursively, until the table is small), then each level refines the path of the level
above inside a narrow band — Vecalign's recursion. Cost grows about linearly with the
document; no table ever holds ``n × m`` cells.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from editor.core.align import dp

#: Documents up to this many DP cells are searched exhaustively.
FULL_CELLS = 250_000
#: Columns either side of the path of the level above.
REFINE_WIDTH = 8
ANCHOR_SHAPES: tuple[dp.Shape, ...] = ((1, 0), (1, 1))
ANCHOR_SKIP = 0.02


def _halve(vectors: np.ndarray) -> np.ndarray:
    """Sum neighbouring pairs (a trailing odd row stays alone) and renormalise."""
    n = len(vectors)
    out = vectors[0:n - n % 2:2] + vectors[1:n - n % 2:2]
    if n % 2:
        out = np.concatenate([out, vectors[-1:]])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.maximum(norms, 1e-9)).astype(np.float32)


def _vector_scorer(zv: np.ndarray, ev: np.ndarray) -> dp.RowScorer:
    """1-1 scores as cosine above each side's mean similarity to the other side."""
    zh_hub = zv @ ev.mean(axis=0) if len(ev) else np.zeros(len(zv))
    en_hub = ev @ zv.mean(axis=0) if len(zv) else np.zeros(len(ev))

    def scores(i: int, lo: int, hi: int) -> np.ndarray:
        first = max(lo, 1)
        out = np.full((2, hi - lo + 1), ANCHOR_SKIP)
        out[1, :first - lo] = dp.NEG
        sims = ev[first - 1:hi] @ zv[i - 1]
        out[1, first - lo:] = sims - 0.5 * (zh_hub[i - 1] + en_hub[first - 1:hi])
        return out

    return scores


def anchor_path(zv: np.ndarray, ev: np.ndarray, cancel: Callable[[], bool] | None = None
                ) -> dp.Path:
    """The best 1-1/1-0/0-1 path between two lists of unit vectors, coarse-to-fine."""
    n, m = len(zv), len(ev)
    if (n + 1) * (m + 1) <= FULL_CELLS or min(n, m) < 4:
        band = dp.Band.full(n, m)
    else:
        coarse = anchor_path(_halve(zv), _halve(ev), cancel)
        low, high = coarse.extremes((n + 1) // 2)
        rows = np.arange(n + 1)
        low_f = np.minimum(2 * low[rows // 2], m)
        high_f = np.minimum(2 * high[np.minimum((rows + 1) // 2, len(high) - 1)], m)
        band = dp.Band.around(low_f, high_f, m, REFINE_WIDTH)
    return dp.run(ANCHOR_SHAPES, band, _vector_scorer(zv, ev), np.full(m + 1, ANCHOR_SKIP),
                  cancel=cancel)
