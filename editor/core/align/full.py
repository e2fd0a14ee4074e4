"""The full aligner's bead scores: USE embeddings of runs, margin-normalised.

A bead's score is its similarity above what the two runs score against a spread of
sentences of the other document (hubness correction, as Vecalign does), minus a
length-ratio penalty and a fixed cost per shape, and minus a cost when it ends while
the English is inside a quotation the Chinese has closed (``text.quote_states``:
strict F1 on MAC-Dev 0.907 → 0.915, chapter 003 0.855 → 0.896; with the punctuation
weight lowered to match, 0.9185, and 0.917 once the punctuation term counts opened
quotations with the same reader), plus how well the two sides' *turns* agree where
the bead ends (:func:`_turns`: the last clause before the boundary against the first
clause after it, each clause embedded on its own; strict F1 0.917 → 0.930: 002
0.801 → 0.858, 004 and 005 up 0.01-0.03, 001 the same, 003 0.907 → 0.901 and 006
0.962 → 0.947; Bible 001, never used for tuning, 0.895 → 0.926; the
weight is on a plateau from 0.35 to 0.55 and leave-one-chapter-out selection gives
the same 0.930). English-only or Chinese-only beads score a constant. The parameters
are few and were set on the development data (``bench/bench_align.py`` reports the
figures).

The clauses cost a second encoding of every sentence that has more than one (each of
its clauses on its own: the turns use the first and the last, the confidence's clause
check all of them, see ``boundaries``): with the check, MAC-Dev 0.67 → about 0.9 s a
chapter, Bible 001 13.7 → 17-20 s, 003 40.5 → 50-62 s (README). Documents over
:data:`TURNS_MAX_SENTENCES` are aligned without them. Cheaper variants scored lower:
clause sums taken from the sentence's own token features (in context, or with the
n-gram windows stopped at the cut: 0.922–0.925), the sentence built from its
separately encoded clauses (0.924), clauses cut to their 8 characters or 6 words
next to the boundary (0.929, Bible 001 0.921; a quarter less clause encoding).
Clipping the term to a penalty only (no reward for a clean boundary) gives 0.926;
giving it to 1-0 links as well makes lone Chinese sentences cheap (lax F1 0.9967).

Scores are computed a block of rows at a time over the columns the band allows for that
block, so a row costs a slice, not a matrix product.

Tried on MAC-Dev without gain (strict F1 0.907 before each; all six chapters measured):
a CC-CEDICT coverage term (jieba-free longest-match segmentation, content-word stems,
both directions; 0.904–0.908), pinyin name anchors (0.882–0.907: translators move names
across sentence boundaries), k-nearest-neighbour margins instead of the fixed spread
(0.894–0.903), a larger or smaller spread (0.902–0.906), the weakest member of a group
(0.899–0.903), length-proportional gains (0.843–0.892), closing-quote counts (0.903),
3-3/3-4 beads (no change) and minimum-Bayes-risk decoding over bead posteriors
(0.898–0.903). The scores are a tuned balance: a new term needs the others re-tuned.

Tried in session 3 on top of the quotation term (0.9151 before each): a lexicon learned
from the first pass's links (Dice, jieba words or character bigrams, as a cosine over
runs: 0.889–0.905; as an unnormalised sum it rewards every merge: 0.41–0.86), a
CC-CEDICT translated bag-of-words cosine (0.911–0.915; where our path and the gold
differ it prefers the gold in 60% of the stretches only, with or without lemmatising),
re-encoding every run's joined text exactly instead of summing tokens (0.908), a
document-adapted shape prior (0.889–0.914), a cheaper 1-0/0-1 skip (0.830–0.916),
trailing dashes and ellipses as punctuation (no change), and 110 random settings of
all weights within ±10% and ±25% (none better; leave-one-chapter-out selection 0.9155).
The stretches where the path differs from the gold are near ties (a quarter within
0.05 of the gold's score): translators' groupings that sentence similarity cannot see.
The clause turns (session 4) see some of them: a translator who moves the end of a
Chinese sentence into the next English one leaves a boundary where the two sides turn
differently.

Also tried in session 4 before the turns (0.917 before each; leave-one-chapter-out):
a CC-CEDICT gloss of the Chinese embedded as English and compared English to English
(blended or as its own term: 0.894–0.9155; it finds the right 1-1 partner more often
but prefers the gold grouping in 20 of 57 differing stretches), a jieba word-spaced or
Traditional second view of the Chinese (0.917), and an IBM-Model-1 term with a
CC-CEDICT prior (it prefers the gold in 40 of 57 differing stretches, but breaks as
many links as it mends: 0.913–0.918; one random search over it and the shape costs
reached 0.9225 held out and did not replicate, 0.909–0.910 on fresh draws).

Tried in session 5: the clause-level path of the confidence's check (``boundaries``,
over the whole band) as a score, its log-probability of passing each bead's end added
to the bead (weights 0.005–0.08): strict F1 0.928–0.933 against 0.930, lax 0.9974–0.9985,
for about 0.2 s more a chapter: within the noise, not adopted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from editor.core.align import encoder, text
from editor.core.align.dp import NEG, Band, Shape

MAX_RUN = 5
#: Every bead shape the many-to-many pass may use (0-1 is handled by the DP itself).
SHAPES: tuple[Shape, ...] = (
    (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
    (1, 5), (2, 4),
)
BLOCK_ROWS = 64
INVALID = NEG
#: Most scores kept between passes (float32: 80 MB); longer documents recompute them.
KEEP_VALUES = 20_000_000
#: How much wider a block's column window is than its rows' own windows, at most.
BLOCK_SPREAD = 2
#: Longest document (both sides together) whose clauses are embedded, for the turns and
#: the confidence's clause check: they cost about as much encoding again. Bible 003
#: (34,653 sentences) takes 50 s in the full mode with them; Bible 006 (72,687) took 92 s
#: with the first and last clauses alone instead of about 55 s, over the 90 s the full
#: mode is held to, so longer documents are aligned without.
TURNS_MAX_SENTENCES = 40_000


@dataclass(frozen=True)
class Params:
    """Scoring weights (coordinate search on MAC-Dev strict F1; see the bench)."""

    skip: float = -0.305
    length_weight: float = 0.32
    #: Extra weight of a bead's similarity per sentence beyond two (0: per bead).
    per_sentence: float = 0.25
    mark_weight: float = 0.22
    #: Cost of a link whose sentences on one side span a paragraph break (not tuned:
    #: the development data has no paragraphs).
    paragraph_cost: float = 0.3
    #: Cost of a link that ends while the English is inside a quotation and the
    #: Chinese is not (see :func:`editor.core.align.text.quote_states`); the reverse is
    #: common (English closes a quote to name the speaker mid-speech) and costs nothing.
    quote_cost: float = 0.25
    #: Weight of the agreement of the two sides' turns at a link's end (see
    #: :attr:`Embedded.turns`).
    turn_weight: float = 0.45
    shape_cost: dict[Shape, float] = field(default_factory=lambda: {
        (1, 1): 0.0, (1, 2): 0.13, (2, 1): 0.025, (2, 2): 0.21, (1, 3): 0.25, (3, 1): 0.2,
        (2, 3): 0.32, (3, 2): 0.35, (1, 4): 0.355, (4, 1): 0.35, (1, 5): 0.48, (2, 4): 0.5,
    })


PARAMS = Params()


class Embedded:
    """Run embeddings and run lengths of one side, indexed by the run's end."""

    def __init__(self, texts: Sequence[str], sums: encoder.SideSums, lang: str,
                 paragraphs: Sequence[int] | None = None,
                 shapes: Sequence[Shape] = SHAPES) -> None:
        self.size = len(texts)
        longest = max(s[0] if lang == "zh" else s[1] for s in shapes)
        # Half precision: five run lengths of a 40,000-sentence side would take 400 MB
        # in single precision; similarities need no more than three digits.
        self.runs = [encoder.run_embeddings(sums.sentences, k, np.float16)
                     for k in range(1, longest + 1)]
        self.turns = None
        if sums.clauses:
            self.turns = _turns(sums.rows, sums.ends(), self.runs[0])
        self.run_len = _run_sums(text.lengths(texts))
        self.run_marks = _run_sums(text.mark_counts(texts, lang))
        self.run_cross = text.crossings(paragraphs, self.size, MAX_RUN)
        self.quotes = text.quote_states(texts, lang)

    @property
    def total_length(self) -> float:
        return float(self.run_len[0].sum())


def _turns(rows: np.ndarray, ends: tuple[np.ndarray, np.ndarray], whole: np.ndarray
           ) -> np.ndarray:
    """Row ``k`` (``0 < k < n``): the embedding of the last clause before the boundary
    after ``k`` sentences minus that of the first clause after it; rows 0 and ``n`` are 0.

    Where a link ends, both sides should turn the same way: the Chinese and the English
    leave the same content behind and start the same new content. When a translator
    carries the end of a Chinese sentence into the next English one, the Chinese turn
    at that boundary points towards the English that comes *after* the English
    boundary, and the product of the two turns is low or negative. (``whole`` is the
    sentences' own embeddings, ``runs[0]``: a one-clause sentence is its own clauses.)
    Strict F1 on MAC-Dev 0.917 → 0.93; Bible 001 0.895 → 0.926.
    """
    n = len(whole) - 1
    first = whole[1:].copy()
    last = whole[1:].copy()
    first[rows], last[rows] = ends
    out = np.zeros_like(whole)
    out[1:n] = last[:-1] - first[1:]
    return out


def _run_sums(values: np.ndarray) -> list[np.ndarray]:
    """Per run length k: row ``j`` sums ``values[j-k:j]`` (fewer rows near the start)."""
    cum = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    ends = np.arange(len(values) + 1)
    return [cum - cum[np.maximum(ends - k, 0)] for k in range(1, MAX_RUN + 1)]


def _hub(runs: np.ndarray, other: np.ndarray, sample: int = 24) -> np.ndarray:
    """Mean similarity of each run to a fixed spread of sentences of the other side."""
    if len(other) == 0:
        return np.zeros(len(runs))
    picks = np.linspace(0, len(other) - 1, num=min(sample, len(other))).astype(int)
    spread = other[picks].astype(np.float32).T
    out = np.empty(len(runs))
    for first in range(0, len(runs), 4096):
        chunk = runs[first:first + 4096].astype(np.float32)
        out[first:first + 4096] = (chunk @ spread).mean(axis=1)
    return out


class BlockScorer:
    """Row scorer that computes a block of rows at once and hands out row slices.

    With a fixed band the block spans the columns the band allows for its rows; with
    ``band=None`` (an adaptive pass) it spans a generous window from the first row's
    start and is recomputed whenever a row asks for more.
    """

    skip: float

    def __init__(self, band: Band | None, rows: int, columns: int) -> None:
        self.band, self.rows, self.columns = band, rows, columns
        self._first, self._last, self._lo, self._hi = 0, -1, 0, -1
        self._cache = np.zeros((0, 0, 0), dtype=np.float32)
        #: Blocks kept for the confidence passes (which visit every row again), when
        #: they fit in :data:`KEEP_VALUES`.
        self._kept: dict[int, np.ndarray] = {}

    def block_scores(self, first: int, last: int, lo: int, hi: int) -> np.ndarray:
        """Scores ``(shape, row, column)`` for rows ``first … last``, columns ``lo … hi``."""
        raise NotImplementedError

    def __call__(self, i: int, lo: int, hi: int) -> np.ndarray:
        if not (self._first <= i <= self._last and self._lo <= lo and hi <= self._hi):
            self._fill(i, lo, hi)
        r = i - self._first
        return self._cache[:, r, lo - self._lo:hi - self._lo + 1]

    def _fill(self, i: int, lo: int, hi: int) -> None:
        first = i
        last = min(first + BLOCK_ROWS - 1, self.rows - 1)
        if self.band is not None:
            first = i - i % BLOCK_ROWS
            last = min(first + BLOCK_ROWS - 1, self.rows - 1)
            lo, hi = int(self.band.lo[first]), int(self.band.hi[last])
        else:
            hi = min(self.columns, hi + BLOCK_ROWS)
        kept = self._kept.get(first) if self.band is not None else None
        if kept is None:
            kept = self.block_scores(first, last, lo, hi).astype(np.float32)
            if self.band is not None and self._keeps(len(kept)):
                self._kept[first] = kept
        self._cache = kept
        self._first, self._last, self._lo, self._hi = first, last, lo, hi

    def _keeps(self, shapes: int) -> bool:
        assert self.band is not None
        return self.band.cells() * BLOCK_SPREAD * shapes <= KEEP_VALUES

    def skip_en(self) -> np.ndarray:
        """Score of each 0-1 bead, by column (see :func:`editor.core.align.dp.run`)."""
        return np.full(self.columns + 1, self.skip)


class FullScorer(BlockScorer):
    """Row scorer for :func:`editor.core.align.dp.run` over embedded runs."""

    def __init__(self, zh: Embedded, en: Embedded, band: Band | None,
                 params: Params | None = None, shapes: Sequence[Shape] = SHAPES) -> None:
        super().__init__(band, zh.size + 1, en.size)
        params = PARAMS if params is None else params
        self.zh, self.en, self.params = zh, en, params
        self.shapes = tuple(shapes)
        self.skip = params.skip
        ratio = max(en.total_length, 1.0) / max(zh.total_length, 1.0)
        self.zh_len = [r * ratio for r in zh.run_len]
        self.zh_hub = [_hub(r, en.runs[0][1:]) for r in zh.runs]
        self.en_hub = [_hub(r, zh.runs[0][1:]) for r in en.runs]

    def features(self, a: int, b: int, rows: slice, cols: slice,
                 vectors: tuple[list[np.ndarray], list[np.ndarray]] | None = None
                 ) -> tuple[np.ndarray, ...]:
        """Margin similarity, squared log length ratio, punctuation mismatch and
        paragraph crossing of beads ``(a, b)`` ending in ``rows × cols``.

        ``vectors`` are the block's run embeddings in single precision, if converted.
        """
        if vectors is None:
            vectors = ([r[rows].astype(np.float32) for r in self.zh.runs],
                       [r[cols].astype(np.float32) for r in self.en.runs])
        sims = vectors[0][a - 1] @ vectors[1][b - 1].T
        margin = sims - 0.5 * (self.zh_hub[a - 1][rows][:, None] + self.en_hub[b - 1][cols])
        dev = np.log((self.en.run_len[b - 1][cols][None, :] + 10.0)
                     / (self.zh_len[a - 1][rows][:, None] + 10.0))
        zm, em = self.zh.run_marks[a - 1][rows], self.en.run_marks[b - 1][cols]
        marks = np.zeros(sims.shape)
        for k in range(zm.shape[1]):  # per mark: 2-D temporaries are 8x cheaper than 3-D
            z, e = zm[:, k, None], em[None, :, k]
            marks += np.abs(z - e) / (1.0 + z + e)
        cross = (self.zh.run_cross[a - 1][rows][:, None] + self.en.run_cross[b - 1][cols]) > 0
        return margin, dev * dev, marks, cross

    def combine(self, a: int, b: int, margin: np.ndarray, dev2: np.ndarray,
                marks: np.ndarray, cross: np.ndarray) -> np.ndarray:
        p = self.params
        gain = 1.0 + p.per_sentence * (a + b - 2)
        return (gain * margin - p.length_weight * dev2 - p.mark_weight * marks
                - p.paragraph_cost * cross - p.shape_cost.get((a, b), 0.0))

    def block_scores(self, first: int, last: int, lo: int, hi: int) -> np.ndarray:
        rows, cols = slice(first, last + 1), slice(lo, hi + 1)
        i = np.arange(first, last + 1)[:, None]
        j = np.arange(lo, hi + 1)[None, :]
        out = np.empty((len(self.shapes), last - first + 1, hi - lo + 1))
        vectors = ([r[rows].astype(np.float32) for r in self.zh.runs],
                   [r[cols].astype(np.float32) for r in self.en.runs])
        open_quote = self.params.quote_cost * (
            self.zh.quotes[first:last + 1, None] < self.en.quotes[None, lo:hi + 1])
        # A 1-0 link ends no English sentence: the English turn there belongs to the
        # link before it, which has already counted it.
        turn: np.ndarray | float = 0.0
        if self.zh.turns is not None and self.en.turns is not None:
            turn = self.params.turn_weight * (self.zh.turns[rows].astype(np.float32)
                                              @ self.en.turns[lo:hi + 1].astype(np.float32).T)
        for k, (a, b) in enumerate(self.shapes):
            if b == 0:
                out[k] = self.params.skip - open_quote
            else:
                out[k] = self.combine(a, b, *self.features(a, b, rows, cols, vectors))
                out[k] += turn - open_quote
            out[k][(i < a) | (j < b)] = INVALID
        return out
