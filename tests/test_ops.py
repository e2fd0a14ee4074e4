"""What each alignment and wording fix does, as a translator sees it."""

from __future__ import annotations

import pytest

from editor.core import edits, ops
from editor.core.errors import OperationError
from editor.core.model import Bitext, make_sentences


def _bt(beads: list[tuple[list[int], list[int]]], n_zh: int = 4, n_en: int = 4) -> Bitext:
    zh = make_sentences("zh", [f"中文{i}。" for i in range(n_zh)])
    en = make_sentences("en", [f"English {i}." for i in range(n_en)])
    return Bitext.from_beads(zh, en, beads)


def _shapes(bt: Bitext) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(link.zh, link.en) for link in bt.links]


def test_merge_split_and_undo() -> None:
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    undo = edits.apply(bt, ops.merge_with_next(bt, 0))
    assert _shapes(bt)[0] == (("z0", "z1"), ("e0", "e1"))
    edits.apply(bt, undo)
    assert _shapes(bt)[0] == (("z0",), ("e0",))
    edits.apply(bt, ops.split_link(bt, 2, 1, 1))
    assert _shapes(bt)[2:] == [(("z2",), ("e2",)), (("z3",), ("e3",))]


def test_shift_moves_one_sentence_and_drops_an_emptied_link() -> None:
    bt = _bt([([0], [0]), ([1], [1, 2]), ([2, 3], [3])])
    edits.apply(bt, ops.shift_up(bt, 1, "en"))
    assert _shapes(bt)[:2] == [(("z0",), ("e0", "e1")), (("z1",), ("e2",))]
    edits.apply(bt, ops.shift_down(bt, 1, "en"))
    assert _shapes(bt)[1:] == [(("z1",), ()), (("z2", "z3"), ("e2", "e3"))]


def test_insert_and_delete_empty_counterpart_are_inverse() -> None:
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    edits.apply(bt, ops.insert_empty(bt, 1, "zh"))
    assert _shapes(bt)[1:3] == [(("z1",), ()), ((), ("e1",))]
    edits.apply(bt, ops.delete_empty(bt, 1))
    assert _shapes(bt)[1] == (("z1",), ("e1",))


def test_regrouping_resets_confirmation() -> None:
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    edits.apply(bt, ops.set_status(bt, 0, 3, "confirmed"))
    edits.apply(bt, ops.shift_up(bt, 1, "zh"))
    assert [link.status for link in bt.links] == ["auto", "auto", "confirmed"]


def test_split_and_join_sentence_keep_the_text() -> None:
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    edits.apply(bt, ops.split_sentence(bt, 0, "en", 0, 7))
    first, second = (bt.sentences[s] for s in bt.links[0].en)
    assert (first.text, second.text) == ("English", "0.")
    edits.apply(bt, ops.split_sentence(bt, 0, "en", 0, 3))  # split again: order kept
    assert [bt.sentences[s].text for s in bt.links[0].en] == ["Eng", "lish", "0."]
    bt.check()
    edits.apply(bt, ops.join_sentences(bt, 0, "en", 0))
    assert [bt.sentences[s].text for s in bt.links[0].en] == ["Eng lish", "0."]
    edits.apply(bt, ops.join_sentences(bt, 1, "zh", 0))  # joins across links
    assert bt.sentences["z1"].text == "中文1。中文2。"
    assert _shapes(bt)[1:] == [(("z1",), ("e1",)), (("z3",), ("e2", "e3"))]


def test_edit_keeps_original_and_restore_brings_it_back() -> None:
    bt = _bt([([0], [0])], 1, 1)
    edits.apply(bt, ops.edit_text(bt, "e0", "English zero."))
    assert bt.sentences["e0"].edited and bt.sentences["e0"].original == "English 0."
    edits.apply(bt, ops.restore_original(bt, "e0"))
    assert not bt.sentences["e0"].edited


@pytest.mark.parametrize(("plan", "why"), [
    (lambda bt: ops.merge_with_next(bt, 2), "no next link"),
    (lambda bt: ops.shift_up(bt, 0, "zh"), "no previous link"),
    (lambda bt: ops.split_link(bt, 0, 0, 0), "empty link"),
    (lambda bt: ops.delete_empty(bt, 0), "both sides"),
    (lambda bt: ops.split_sentence(bt, 0, "zh", 0, 0), "non-empty parts"),
    (lambda bt: ops.edit_text(bt, "z0", "  "), "cannot be empty"),
    (lambda bt: ops.replace_links(bt, 0, 2, []), "same zh sentences"),
    (lambda bt: ops.merge_with_next(bt, 7), "no link 8"),
])
def test_impossible_requests_say_why(plan, why: str) -> None:  # type: ignore[no-untyped-def]
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    with pytest.raises(OperationError, match=why):
        plan(bt)


def test_a_stale_edit_is_refused_without_damage() -> None:
    bt = _bt([([0], [0]), ([1], [1]), ([2, 3], [2, 3])])
    stale = ops.merge_with_next(bt, 0)
    edits.apply(bt, ops.split_link(bt, 2, 1, 1))
    edits.apply(bt, ops.merge_with_next(bt, 1))
    before = bt.snapshot()
    with pytest.raises(OperationError, match="changed since it was planned"):
        edits.apply(bt, stale)
    assert bt.snapshot() == before
