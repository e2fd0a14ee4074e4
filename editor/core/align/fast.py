"""Fast mode: no embeddings, a length-based (Gale–Church-style) many-to-many pass.

For an instant first view and for very long documents. The band follows the length
diagonal (where the cumulative character counts of the two sides meet), so no table
ever spans ``n × m``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from editor.core.align import dp, text
from editor.core.align.full import INVALID, BlockScorer

SHAPES: tuple[dp.Shape, ...] = ((1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
SHAPE_COST: dict[dp.Shape, float] = {
    (1, 1): 0.0, (1, 2): 0.35, (2, 1): 0.35, (2, 2): 0.8, (1, 3): 0.9, (3, 1): 0.9,
}
SKIP = -0.9
#: Columns either side of the length diagonal.
BAND_WIDTH = 24


class LengthScorer(BlockScorer):
    """Scores beads by how far the length ratio strays from the document's."""

    def __init__(self, zh: Sequence[str], en: Sequence[str], band: dp.Band) -> None:
        super().__init__(band)
        self.skip = SKIP
        zl, el = text.lengths(zh), text.lengths(en)
        ratio = max(el.sum(), 1.0) / max(zl.sum(), 1.0)
        self.zh_cum = np.concatenate([[0.0], np.cumsum(zl)]) * ratio
        self.en_cum = np.concatenate([[0.0], np.cumsum(el)])

    def block_scores(self, first: int, last: int, lo: int, hi: int) -> np.ndarray:
        i = np.arange(first, last + 1)[:, None]
        j = np.arange(lo, hi + 1)[None, :]
        out = np.empty((len(SHAPES), last - first + 1, hi - lo + 1))
        for k, (a, b) in enumerate(SHAPES):
            if b == 0:
                out[k] = SKIP
            else:
                zl = self.zh_cum[i] - self.zh_cum[np.maximum(i - a, 0)]
                el = self.en_cum[j] - self.en_cum[np.maximum(j - b, 0)]
                # Gale–Church: the deviation grows with the square root of the length.
                dev = (el - zl) / np.sqrt(0.5 * (el + zl) + 20.0)
                out[k] = 1.0 - 0.25 * dev * dev - SHAPE_COST[(a, b)]
            out[k][(i < a) | (j < b)] = INVALID
        return out


def diagonal_band(zh: Sequence[str], en: Sequence[str], width: int = BAND_WIDTH) -> dp.Band:
    """A band around the length diagonal: where the cumulative lengths meet."""
    zl, el = text.lengths(zh), text.lengths(en)
    ratio = max(el.sum(), 1.0) / max(zl.sum(), 1.0)
    zh_cum = np.concatenate([[0.0], np.cumsum(zl)]) * ratio
    en_cum = np.concatenate([[0.0], np.cumsum(el)])
    centre = np.searchsorted(en_cum, zh_cum).astype(np.int64)
    return dp.Band.around(centre, centre, len(en), width)


def align(zh: Sequence[str], en: Sequence[str], *,
          cancel: Callable[[], bool] | None = None) -> dp.Path:
    band = diagonal_band(zh, en)
    scorer = LengthScorer(zh, en, band)
    return dp.run(SHAPES, band, scorer, scorer.skip_en(), cancel=cancel)
