"""Fast mode: no embeddings, a length-based (Gale–Church-style) many-to-many pass.

For an instant first view and for very long documents. Each row of the search looks
only near where the row before did best (:func:`editor.core.align.dp.track`), so no
table ever spans ``n × m`` and a path far from the diagonal is still followed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from editor.core.align import dp, text
from editor.core.align.full import INVALID, BlockScorer

SHAPES: tuple[dp.Shape, ...] = ((1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
#: Minus log prior of each shape, relative to 1-1 (Gale and Church's figures, roughly).
SHAPE_COST: dict[dp.Shape, float] = {
    (1, 1): 0.0, (1, 2): 2.0, (2, 1): 2.0, (2, 2): 3.5, (1, 3): 4.0, (3, 1): 4.0,
    (1, 0): 4.5, (0, 1): 4.5,
}
#: Variance of the length difference per character (the ratio is the document's).
VARIANCE = 4.0
SKIP = -4.5
#: Cost of a link that spans a paragraph break on one side.
PARAGRAPH_COST = 3.0
#: Columns either side of the best cell of the row before.
BAND_WIDTH = 24


class LengthScorer(BlockScorer):
    """Scores beads by how far the length ratio strays from the document's."""

    def __init__(self, zl: np.ndarray, el: np.ndarray, band: dp.Band | None,
                 zh_cross: list[np.ndarray] | None = None,
                 en_cross: list[np.ndarray] | None = None) -> None:
        super().__init__(band, len(zl) + 1, len(el))
        self.zh_cross = zh_cross or text.crossings(None, len(zl), 3)
        self.en_cross = en_cross or text.crossings(None, len(el), 3)
        self.skip = SKIP
        ratio = max(el.sum(), 1.0) / max(zl.sum(), 1.0)
        self.zh_cum = np.concatenate([[0.0], np.cumsum(zl)]) * ratio
        self.en_cum = np.concatenate([[0.0], np.cumsum(el)])

    def block_scores(self, first: int, last: int, lo: int, hi: int) -> np.ndarray:
        i = np.arange(first, last + 1)[:, None]
        j = np.arange(lo, hi + 1)[None, :]
        out = np.empty((len(SHAPES), last - first + 1, hi - lo + 1))
        for k, (a, b) in enumerate(SHAPES):
            zl = self.zh_cum[i] - self.zh_cum[np.maximum(i - a, 0)]
            el = self.en_cum[j] - self.en_cum[np.maximum(j - b, 0)] if b else np.zeros_like(j)
            out[k] = match_score(zl, el) - SHAPE_COST[(a, b)]
            if b:
                cross = (self.zh_cross[a - 1][i] + self.en_cross[b - 1][j]) > 0
                out[k] -= PARAGRAPH_COST * cross
            out[k][(i < a) | (j < b)] = INVALID
        return out

    def skip_en(self) -> np.ndarray:
        el = np.diff(self.en_cum, prepend=0.0)
        return match_score(np.zeros_like(el), el) - SHAPE_COST[(0, 1)]


def match_score(zl: np.ndarray, el: np.ndarray) -> np.ndarray:
    """Gale–Church: the length difference, in standard deviations that grow with the
    square root of the length, scored as a log-likelihood up to a constant."""
    dev = (el - zl) / np.sqrt(VARIANCE * 0.5 * (el + zl) + 4.0)
    return 1.0 - 0.5 * dev * dev


def align(zh: Sequence[str], en: Sequence[str], *,
          paragraphs: tuple[Sequence[int] | None, Sequence[int] | None] = (None, None),
          cancel: Callable[[], bool] | None = None) -> dp.Path:
    """The best length-based path, found in a band that follows the search."""
    zl, el = text.lengths(zh), text.lengths(en)
    scorer = LengthScorer(zl, el, None, text.crossings(paragraphs[0], len(zl), 3),
                          text.crossings(paragraphs[1], len(el), 3))
    return dp.track(SHAPES, len(zl), len(el), scorer, scorer.skip_en(), BAND_WIDTH,
                    cancel=cancel)[0]
