"""Promise 1 at the GUI level: random fixes through the real undo stack over the real
Qt model never lose or duplicate text, and undo/redo of everything is exact.

Each step goes through :meth:`EditSession.perform` / :meth:`EditSession.perform_all`,
the very calls the fix handlers make, so the ``QUndoCommand`` s, the model's row
signals and the filter proxy above it are all exercised, not just the core.
"""

from __future__ import annotations

import os
import random
from functools import partial

import regex
from bitext_factory import random_bitext, random_text, try_plan
from gui_helpers import small_bitext
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtTest import QAbstractItemModelTester

from editor.core import ops
from editor.core.edits import Edit
from editor.core.model import LANGS, Bitext
from editor.gui.commands import EditSession, Planner
from editor.gui.filters import LinkFilterProxy

_SPACE = regex.compile(r"\s+")
#: every CI run tries 60 random sessions; the dedicated reliability run 1,000
EXAMPLES = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "dedicated" else 60


def _letters(bt: Bitext, lang: str, override: dict[str, str] | None = None) -> str:
    """One language's text in document order, whitespace removed."""
    return "".join(_SPACE.sub("", (override or {}).get(sid, bt.sentences[sid].text))
                   for sid in bt.sentence_ids(lang))  # type: ignore[arg-type]


def _swap(session: EditSession, rng: random.Random) -> dict[str, str]:
    """What Swap (and a two-hit Replace All) pushes: two text edits as one macro.
    Returns the text each language should have afterwards."""
    bt = session.bitext
    a, b = rng.choice(list(bt.sentences)), rng.choice(list(bt.sentences))
    new_a, old_a = random_text(rng, bt.sentences[a].lang), bt.sentences[a].text
    steps: list[tuple[Planner, tuple[int, ...]]] = [
        (partial(ops.edit_text, sid=a, text=new_a), ()),
        (partial(ops.edit_text, sid=b, text=old_a), ())]
    before = {lang: _letters(bt, lang) for lang in LANGS}
    after = {lang: _letters(bt, lang, {a: new_a, b: old_a}) for lang in LANGS}
    count, could_redo = session.undo_stack.count(), session.undo_stack.canRedo()
    done = session.perform_all("Swap", steps)
    if done:
        assert not session.undo_stack.canRedo()
    else:  # a refused group leaves the history as it was: nothing half-done to redo
        assert (session.undo_stack.count(), session.undo_stack.canRedo()) == (count,
                                                                               could_redo)
    return after if done else before


def _expected(bt: Bitext, edits: list[Edit]) -> dict[str, str]:
    """Text after ``edits``: unchanged, except sentences whose wording they set."""
    override: dict[str, str] = {}
    for edit in edits:
        if not edit.old_links and not edit.new_links:
            override.update({s.id: s.text for s in edit.new_sentences if s.id in bt.sentences})
    return {lang: _letters(bt, lang, override) for lang in LANGS}


def _step(session: EditSession, rng: random.Random) -> None:
    """One random fix (or an undo of the last one), checking text after it."""
    bt = session.bitext
    if rng.random() < 0.1 and session.undo_stack.canUndo():
        session.undo_stack.undo()
        return
    if rng.random() < 0.1 and bt.sentences:
        expected = _swap(session, rng)
        for lang in LANGS:
            assert _letters(bt, lang) == expected[lang], "Swap"
        return
    edit = try_plan(bt, rng)
    if edit is None:
        return
    expected = _expected(bt, [edit])
    assert session.perform(lambda _bt: edit, (rng.randrange(max(len(bt.links), 1)),))
    for lang in LANGS:
        assert _letters(bt, lang) == expected[lang], edit.label


@settings(max_examples=EXAMPLES, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n_zh=st.integers(1, 10), n_en=st.integers(0, 10),
       steps=st.integers(1, 50))
def test_random_fixes_through_the_undo_stack_keep_text_and_undo_exactly(
        qapp: object, seed: int, n_zh: int, n_en: int, steps: int) -> None:
    rng = random.Random(seed)
    session = EditSession(random_bitext(rng, n_zh, n_en))
    proxy = LinkFilterProxy()
    proxy.setSourceModel(session.model)
    tester = QAbstractItemModelTester(
        session.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    bt, stack = session.bitext, session.undo_stack
    start = bt.snapshot(order_keys=True)
    for _ in range(steps):
        _step(session, rng)
        bt.check()
        assert session.model.rowCount() == len(bt.links) == proxy.rowCount()
    end, end_index = bt.snapshot(order_keys=True), stack.index()
    while stack.canUndo():
        stack.undo()
        assert session.model.rowCount() == len(bt.links)
    assert bt.snapshot(order_keys=True) == start
    for _ in range(end_index):
        stack.redo()
        bt.check()
    assert bt.snapshot(order_keys=True) == end
    assert session.model.rowCount() == len(bt.links) == proxy.rowCount()
    assert session.model.confirmed_count == sum(link.status == "confirmed" for link in bt.links)
    del tester


def test_a_refused_group_leaves_nothing_to_redo(qapp: object) -> None:
    """Regression: a Swap whose second half is refused used to stay on the stack as a
    redoable step, so Redo applied half a swap."""
    session = EditSession(small_bitext(3))
    bt = session.bitext
    a, b = bt.links[0].zh[0], bt.links[1].zh[0]
    before = bt.snapshot()
    refused = [(partial(ops.edit_text, sid=a, text="新的。"), ()),
               (partial(ops.edit_text, sid=b, text=bt.sentences[b].text), ())]
    assert not session.perform_all("Swap", refused)  # type: ignore[arg-type]
    assert bt.snapshot() == before
    assert not session.undo_stack.canUndo() and not session.undo_stack.canRedo()
