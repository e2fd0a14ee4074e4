"""Strict/lax bead scores on hand-made alignments whose figures are computed by hand."""

from __future__ import annotations

import pytest

from editor.cli.main import main
from editor.core.errors import InputError
from editor.core.score import format_bead, parse_bead, read_beads, score, score_many

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), ())]


def test_identical_alignment_scores_one() -> None:
    s = score(GOLD, GOLD)
    assert (s.precision_strict, s.recall_strict, s.f1_strict) == (1.0, 1.0, 1.0)
    assert s.f1_lax == 1.0


def test_split_bead_is_strictly_wrong_but_laxly_right() -> None:
    # test splits gold's 2-1 into 1-1 + 1-0: precision strict = 3/5 (the 1-0 [2]:[] and
    # [1]:[1] are wrong); lax: [1]:[1] overlaps gold, [2]:[] has no target → 4/5.
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2, 3)), ((4,), ())]
    s = score(GOLD, test)
    assert s.precision_strict == pytest.approx(3 / 5)
    assert s.precision_lax == pytest.approx(4 / 5)
    # recall: the three linked gold beads against test's linked beads: 2 of 3 strictly,
    # all three laxly ([1,2]:[1] meets [1]:[1]).
    assert s.recall_strict == pytest.approx(2 / 3)
    assert s.recall_lax == 1.0
    assert s.f1_strict == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))


def test_deletions_count_in_precision_only() -> None:
    gold = [((0,), (0,)), ((1,), ())]
    test = [((0,), (0,)), ((), (1,)), ((1,), ())]  # a spurious 0-1 bead
    s = score(gold, test)
    assert s.precision_strict == pytest.approx(2 / 3)
    assert s.recall_strict == 1.0


def test_several_documents_add_counts_before_dividing() -> None:
    right = [((0,), (0,))]
    wrong = [((0,), (1,)), ((1,), (0,))]
    s = score_many([(right, right), ([((0,), (0,)), ((1,), (1,))], wrong)])
    assert s.precision_strict == pytest.approx(1 / 3)
    assert s.recall_strict == pytest.approx(1 / 3)


def test_bead_lines_round_trip() -> None:
    assert parse_bead("[8,9]:[8]") == ((8, 9), (8,))
    assert parse_bead(" [5]:[] ") == ((5,), ())
    assert parse_bead("8:9") is None
    assert format_bead((0, 1), ()) == "[0,1]:[]"


def test_read_beads_swaps_and_names_bad_line(tmp_path) -> None:
    good = tmp_path / "g.align"
    good.write_text("[0]:[0,1]\n\n[1]:[]\n", encoding="utf-8")
    assert read_beads(good, swap=True) == [((0, 1), (0,)), ((), (1,))]
    bad = tmp_path / "b.align"
    bad.write_text("[0]:[0]\nnonsense\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_beads(bad)


def test_cli_prints_figures(tmp_path, capsys) -> None:
    gold, auto = tmp_path / "gold.align", tmp_path / "auto.align"
    gold.write_text("[0]:[0]\n[1,2]:[1]\n", encoding="utf-8")
    auto.write_text("[0]:[0]\n[1]:[1]\n[2]:[]\n", encoding="utf-8")
    assert main(["score", str(gold), str(auto)]) == 0
    out = capsys.readouterr().out
    # precision strict 1/3, recall strict 1/2 → F1 0.4
    f1_line = next(line for line in out.splitlines() if line.startswith("F1"))
    assert f1_line.split()[1] == "0.4000"
    assert main(["score", str(gold)]) == 2
