"""The full mode's confidence: exact posteriors, and the clause check of link boundaries."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest
from test_align import CARRIED_EN, CARRIED_ZH

from editor.core.align import align_sentences, dp

SHAPES: tuple[dp.Shape, ...] = ((1, 0), (1, 1), (1, 2), (2, 1))


def _table(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Random bead scores by (shape, end row, end column); like the aligner's scorers,
    a bead that would start before the first sentence is impossible."""
    rng = np.random.default_rng(seed)
    table = rng.normal(0.0, 1.0, (len(SHAPES), n + 1, m + 1))
    for k, (a, b) in enumerate(SHAPES):
        table[k, :a] = table[k, :, :b] = dp.NEG
    return table, rng.normal(-0.5, 0.3, m + 1)


def _paths(n: int, m: int) -> list[list[tuple[int, int, int, int]]]:
    """Every path from (0, 0) to (n, m) as (i, j, i2, j2) steps (0-1 steps included)."""
    if (n, m) == (0, 0):
        return [[]]
    out = []
    for a, b in [*SHAPES, (0, 1)]:
        if n >= a and m >= b:
            out += [[*p, (n - a, m - b, n, m)] for p in _paths(n - a, m - b)]
    return out


def _weight(step: tuple[int, int, int, int], table: np.ndarray, skip: np.ndarray,
            t: float) -> float:
    i, j, i2, j2 = step
    if i2 == i:
        return float(skip[j2]) / t
    return float(table[SHAPES.index((i2 - i, j2 - j)), i2, j2]) / t


@pytest.mark.parametrize("seed", range(3))
def test_node_posteriors_are_the_share_of_paths_through_each_cell(seed: int) -> None:
    n, m, t = 3, 4, 0.7
    table, skip = _table(n, m, seed)
    paths = _paths(n, m)
    weights = np.array([np.exp(sum(_weight(s, table, skip, t) for s in p)) for p in paths])
    cells = list(itertools.product(range(n + 1), range(m + 1)))
    expected = [sum(w for p, w in zip(paths, weights, strict=True)
                    if (i, j) in {(s[2], s[3]) for s in p} | {(0, 0)}) / weights.sum()
                for i, j in cells]
    got = dp.node_posteriors(SHAPES, dp.Band.full(n, m), lambda i, lo, hi: table[:, i, lo:hi + 1],
                             skip, np.array([c[0] for c in cells]), np.array([c[1] for c in cells]),
                             t)
    assert np.allclose(np.exp(got), expected, atol=1e-9)


def test_in_a_band_node_posteriors_count_the_paths_that_stay_inside() -> None:
    n, m, t = 3, 4, 0.7
    table, skip = _table(n, m, 3)
    band = dp.Band(np.array([0, 0, 1, 2]), np.array([2, 3, 4, 4]))

    def inside(p: list[tuple[int, int, int, int]]) -> bool:
        return all(band.lo[s[2]] <= s[3] <= band.hi[s[2]] for s in p)

    paths = [p for p in _paths(n, m) if inside(p)]
    weights = np.array([np.exp(sum(_weight(s, table, skip, t) for s in p)) for p in paths])
    cells = [(i, j) for i in range(n + 1) for j in range(int(band.lo[i]), int(band.hi[i]) + 1)]
    expected = [sum(w for p, w in zip(paths, weights, strict=True)
                    if (i, j) in {(s[2], s[3]) for s in p} | {(0, 0)}) / weights.sum()
                for i, j in cells]
    got = dp.node_posteriors(SHAPES, band, lambda i, lo, hi: table[:, i, lo:hi + 1], skip,
                             np.array([c[0] for c in cells]), np.array([c[1] for c in cells]), t)
    assert np.allclose(np.exp(got), expected, atol=1e-9)


def test_the_passes_stop_when_cancelled() -> None:
    from editor.core.errors import OperationError

    table, skip = _table(3, 3, 0)
    with pytest.raises(OperationError, match="cancelled"):
        dp.node_posteriors(SHAPES, dp.Band.full(3, 3), lambda i, lo, hi: table[:, i, lo:hi + 1],
                           skip, np.array([0]), np.array([0]), 1.0, cancel=lambda: True)


def test_a_cell_outside_the_band_has_no_path() -> None:
    table, skip = _table(3, 3, 0)
    band = dp.Band(np.array([0, 0, 1, 2]), np.array([1, 2, 3, 3]))
    got = dp.node_posteriors(SHAPES, band, lambda i, lo, hi: table[:, i, lo:hi + 1], skip,
                             np.array([0, 3, 3]), np.array([3, 0, 3]), 1.0)
    assert got[0] == got[1] == dp.NEG and got[2] == pytest.approx(0.0)


def test_a_split_the_clauses_contradict_is_flagged_for_review(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The translator carried the end of the third Chinese sentence into the fourth
    English one. Without the clause turns the aligner makes two 1-1 links there; the
    sentences alone look like fair translations of each other, but no clause-level
    path passes the boundary between them, so both links are sent to review."""
    from editor.core.align import full

    monkeypatch.setattr(full, "PARAMS", replace(full.PARAMS, turn_weight=0.0))
    beads = align_sentences(CARRIED_ZH, CARRIED_EN)
    assert [(b.zh, b.en) for b in beads[2:4]] == [((2,), (2,)), ((3,), (3,))]
    assert max(b.confidence for b in beads[2:4]) < 0.5
    assert min(b.confidence for k, b in enumerate(beads) if k not in (2, 3)) > 0.95
    # Without the clauses (a document over the turns limit) only the sentences speak.
    monkeypatch.setattr(full, "TURNS_MAX_SENTENCES", 1)
    alone = align_sentences(CARRIED_ZH, CARRIED_EN)
    assert [(b.zh, b.en) for b in alone] == [(b.zh, b.en) for b in beads]
    assert min(b.confidence for b in alone[2:4]) > 0.8


def test_the_clauses_back_a_link_that_joins_a_carried_clause() -> None:
    beads = align_sentences(CARRIED_ZH, CARRIED_EN)
    assert (beads[2].zh, beads[2].en) == ((2, 3), (2, 3))
    assert beads[2].confidence > 0.8


def test_a_window_with_too_many_clauses_gets_the_posterior_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core.align import boundaries

    checked = align_sentences(CARRIED_ZH, CARRIED_EN)
    monkeypatch.setattr(boundaries, "MAX_UNITS", len(CARRIED_ZH) + len(CARRIED_EN))
    monkeypatch.setattr(boundaries, "check", lambda *_: pytest.fail("clauses checked"))
    alone = align_sentences(CARRIED_ZH, CARRIED_EN)
    assert [(b.zh, b.en) for b in alone] == [(b.zh, b.en) for b in checked]  # turns kept
    # the sentences alone are less sure of the 2-2 link the clauses back
    assert alone[2].confidence < checked[2].confidence - 0.1


def test_a_link_the_clauses_cut_inside_is_doubted() -> None:
    """Two clean pairs joined into one 2-2 link by hand: the clause path passes the
    boundary inside it, so its "not cut" figure is low; the clean links' are not."""
    from editor.core.align import boundaries, encoder

    zh, en = CARRIED_ZH[:2] + CARRIED_ZH[4:], CARRIED_EN[:2] + CARRIED_EN[4:]
    units = (boundaries.Units.of(zh, encoder.side_sums(encoder.to_simplified(zh), "zh"), "zh"),
             boundaries.Units.of(en, encoder.side_sums(en, "en"), "en"))
    joined = dp.Path([((0, 1), (0, 1)), ((2,), (2,)), ((3,), (3,))], [0.0] * 3)
    ends, uncut = boundaries.check(*units, joined).T
    assert uncut[0] < np.log(0.5) and min(uncut[1:]) > np.log(0.9)
    assert min(ends) > np.log(0.5)  # its start and end are fine


def test_a_line_of_thousands_of_clauses_is_cut_into_a_few() -> None:
    from editor.core.align import text

    line = "，".join(["我们一起去学校上课"] * 5000) + "。"
    parts = text.clauses(line, "zh")
    assert len(parts) == text.MAX_CLAUSES and "".join(parts) == line
    beads = align_sentences([line, "今天下雨了。"], [", ".join(["we went to school"] * 5000) + ".",
                                                 "It rained today."])
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,))]
