"""A confidence in [0, 1] for every bead: its posterior probability among all paths,
checked clause by clause.

(The fast mode uses a cheaper curve over the bead's own score, see :func:`of_gains`.)

The scores of every possible path are turned into weights ``exp(score / T)``; a bead's
posterior is the share of the total weight carried by paths that contain it (one
forward and one backward pass over the same band). A bead that barely beat another
way of grouping the same sentences gets a low value.

Sentence similarity cannot see a translator's liberties, though: a clause carried into
the next sentence, or dropped, leaves two sentence pairs that each look like fair
translations. So the full mode looks again with every sentence cut into its clauses
(``boundaries``): the probability that a clause-level path passes through the bead's
start and end, and that it does not cut the bead inside. The confidence is a logistic
function of the posterior's logit and those two log-probabilities
(:data:`CLAUSE_WEIGHTS`, fitted on MAC-Dev by ``bench/fit_confidence.py``, which also
prints the held-out figures). Fitted on five chapters and applied to the sixth, the
share of all wrong links among the 10% least confident is 64.7% (66 of 102), against
49.0% for the posterior alone; the expected calibration error is 0.010 (0.007 as
shipped, fitted on all six). Every chapter gains (held out: 5/6, 22/34, 16/25, 8/12,
9/15 and 6/10 of its wrong links in the pooled lowest tenth, against 3, 20, 13, 3, 7
and 4). On Bible 001's verse gold (another genre, never fitted on) the lowest tenth
holds 17.9% of the wrong links (17.2% before), with a worse calibration error (0.058
against 0.034): verse alignment's errors are not where MAC-Dev's are. Documents whose
clauses are not embedded (over ``full.TURNS_MAX_SENTENCES``), and windows with more
clauses than ``boundaries.MAX_UNITS``, get the posterior alone, Platt-scaled
(:data:`PLATT_A`, :data:`PLATT_B`).

Tried on MAC-Dev for ranking the wrong links first (share of all wrong links among the
10% least confident: 37% with this posterior; goal 60%), each a logistic model fitted
leave-one-chapter-out: posteriors at T = 0.05, 0.1, 0.2 and of the bead's start and end
cells (29-39%), bead shape and size (37%), the margin to the best merge with a
neighbour or split of the bead (18-30% alone, 36-37% with the posterior), the bead's
similarity, length and punctuation terms (40%), the neighbours' and a ±5-bead
window's confidence and share of non-1-1 beads (34-38%): no combination beat 40%.
Most wrong links are confident on purpose: 73 of the 129 are finer than the gold (two
1-1 links where the translator grouped a 2-2), which no local feature tells apart.

Tried next (session 2), scored leave-one-chapter-out the same way (the figure is the
pooled held-out share; with 129 wrong links one standard error is about 4 points, so
anything within 33-41% is no change):

* The split reading against the merged one, each group re-embedded from the sentences'
  token sums (USE pools over tokens, so a group costs one output-layer pass): the
  bead's own cosine, the merged pair's cosine with the previous and the next link, the
  best cross pairing (this link's Chinese with the neighbour's English and back), one
  side merged against the other side alone, and the DP score of the merged bead minus
  the two split ones. Alone 9-29%; with the posterior 34-37%; the posterior, these six
  and the bead's shape (nine features) 39.5% (other subsets, ridge 0.1-100: 32-38%). Among
  the links the posterior already doubts (below 0.9), these features tell wrong from
  right with an AUC of 0.47-0.60 only: where the aligner splits wrongly, the merged
  reading does not look better by embedding similarity either. The aligner made no
  1-0/0-1 link on MAC-Dev, so absorbing one changed nothing.
* The posterior of the same path under other scoring weights (shape costs x0-4,
  per-sentence gain 0-0.5, no length or punctuation term): the best on the pooled dev
  set (shape costs x1.5: 42.6%) is 38.0% when the multiplier is chosen on five
  chapters and applied to the sixth, i.e. a dev-set fluke. Mixing all of them: 37%.
* Ranking within each chapter instead of over all links: 28% (two chapters hold 83 of
  the wrong links, and they should fill the list).

Tried in session 3 (after the quotation-state term; the posterior catches 39-40%):

* The posterior under a model that adds a translated bag-of-words cosine (CC-CEDICT
  glosses of jieba words against the English content words, IDF-weighted, summed over
  runs like the embeddings): 43-47%, strict F1 unchanged at a small weight. Within two
  standard errors, for 3 s of dictionary and jieba loading per process: not adopted.
* A lexicon learned from the first pass (Dice over the words of its links): 43-45%
  in the re-aligned path, but strict F1 falls by 0.005.
* Stability: the share of 4-60 re-alignments under weights perturbed by 10-25% that
  keep the link: 16-35%.

Session 4: with the clause turns in the scores (``full._turns``) and the temperature
refitted to 0.1, the posterior finds 49.0% (50 of 102 wrong links; 44-51% at
T = 0.07-0.15). The turns put doubt where a translator carried a clause across a
sentence boundary, which sentence embeddings alone could not see.

Also tried in session 4, not adopted: CRF confidences (the bead terms
spread into 58 features plus clause "spills" at the bead's edges, fitted as a
semi-Markov CRF on the gold paths, L2 towards the hand weights; 61% on the path before
the turns) ported onto the turns, with the full mode's own clause embeddings and the
turn as one more feature (an experiment; its code was not kept). Refitted leave-one-chapter-out and
scored on this path's beads, pooled held out: 52.9%, 54.9%, 54.9%, 52.0% at L2 0.1,
0.3, 1, 3 (ECE 0.012-0.017 after a leave-one-out Platt curve, against 0.006 here);
without the spills 55.9%; the spills alone on top of this scorer 49.0%; the two
posteriors' logits averaged or combined by a fitted logistic model 51.0-56.9%. At
L2 0.3 the CRF finds 15 wrong links this posterior misses and misses 9 it finds (sign
test p = 0.3): the turns already carry most of what the clause spills found on the
old path, and what is left is a refit of the same terms on six chapters. On Bible 001
(never fitted on) it is worse: 14.7% (16.4% without the spills) against 17.2%, ECE
0.037-0.053 against 0.034. Cost +0.27 CPU-s a MAC-Dev chapter.

The wrong links that stayed confident were translators' liberties (a clause dropped or
added, a line of dialogue spread over three English sentences): sentence embeddings
see nothing wrong with the split. Session 5 looked at them clause by clause
(``boundaries``), which is what worked. Clause shapes up to 1-3/3-1 in the clause path
gave 65.7%, with 3-2 67.6%, all 13 of the sentence path's shapes 66.7%; the five
shapes up to 2-2 give 64.7% for a third less cost (MAC-Dev 0.96 → 0.86 s a chapter),
and one wrong link is within the noise. The clause band's width (2 to 40 columns)
changes the figures in the fourth decimal only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from editor.core.align import dp

#: Temperature of the full mode's scores: the log-loss optimum on MAC-Dev once the
#: clause turns are scored (0.085-0.12 give the same), where the raw posteriors are
#: already calibrated (expected calibration error 0.012 before the Platt curve).
TEMPERATURE = 0.1
#: Columns either side of the chosen path that the posterior passes visit. A path
#: straying further carries almost no weight: on MAC-Dev the confidences equal those
#: of the whole band to eight decimals at T = 0.1 (four at 0.05), and the two
#: passes cost a third of what they did over the aligner's band on long documents.
POSTERIOR_WIDTH = 4
#: Platt scaling of the posterior, ``sigmoid(a · logit(p) + b)``, fitted on MAC-Dev:
#: fitted on five chapters and applied to the sixth, the expected calibration error
#: over the bench's buckets is 0.006 (0.012 raw; log loss 0.188). The order of the
#: links, and so the share of wrong links among the least confident, does not change.
#: (Session 3's values at T = 0.05, before the clause turns: 0.627, 0.719.)
PLATT_A, PLATT_B = 1.038, 0.159
#: With the clause check (``boundaries``): weights of the posterior's logit, of the
#: log-probability of the bead's start and end, and of its not being cut inside, and
#: the offset, fitted on MAC-Dev by ``bench/fit_confidence.py``.
CLAUSE_WEIGHTS = (0.841, 0.478, 1.476, 1.448)
#: Fast mode: logistic curve of a bead's own score (fitted on the Bible's verse gold);
#: cheaper than the two extra passes, and the fast mode is a first view.
FAST_SLOPE, FAST_OFFSET = 0.24, 1.34


def of_path(shapes: Sequence[dp.Shape], band: dp.Band, scores: dp.RowScorer,
            skip_en: np.ndarray, path: dp.Path, cancel: dp.Cancel | None = None) -> np.ndarray:
    """Posterior probability of each bead of ``path`` (full mode), before calibration."""
    low, high = path.extremes(band.rows - 1)
    near = dp.Band.around(low, high, int(band.hi[-1]), POSTERIOR_WIDTH).inside(band)
    return np.clip(dp.posteriors(shapes, near, scores, skip_en, path, TEMPERATURE,
                                 cancel=cancel),
                   1e-12, 1.0 - 1e-12)


def calibrated(posteriors: np.ndarray, clauses: np.ndarray | None = None) -> list[float]:
    """The confidence of each bead from its posterior and, when the clauses were
    embedded, the clause-level check of its boundaries (``boundaries.check``)."""
    logit = np.log(posteriors / (1.0 - posteriors))
    if clauses is None:
        z = PLATT_A * logit + PLATT_B
    else:
        z = (CLAUSE_WEIGHTS[0] * logit + CLAUSE_WEIGHTS[1] * clauses[:, 0]
             + CLAUSE_WEIGHTS[2] * clauses[:, 1] + CLAUSE_WEIGHTS[3])
    return _sigmoid(z)


def of_gains(path: dp.Path) -> list[float]:
    """Confidence from each bead's own score (fast mode)."""
    return _sigmoid(FAST_SLOPE * np.asarray(path.scores, dtype=np.float64) + FAST_OFFSET)


def _sigmoid(z: np.ndarray) -> list[float]:
    return [float(v) for v in 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))]
