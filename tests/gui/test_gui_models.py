"""The Qt models checked by pytest-qt's model tester, before and after edits."""

from __future__ import annotations

from gui_helpers import small_bitext

from editor.core import ops
from editor.gui.commands import EditSession
from editor.gui.filters import LinkFilterProxy
from editor.gui.linkmodel import COL_EN, COL_GUTTER, COL_ZH, SentencesRole


def test_link_model_passes_model_tester(qtmodeltester):
    session = EditSession(small_bitext(8))
    qtmodeltester.check(session.model)
    session.perform(lambda bt: ops.merge_with_next(bt, 2))
    session.perform(lambda bt: ops.split_link(bt, 2, 1, 1))
    session.perform(lambda bt: ops.insert_empty(bt, 0, "zh"))
    session.undo_stack.undo()
    qtmodeltester.check(session.model)


def test_filter_proxy_passes_model_tester(qtmodeltester):
    session = EditSession(small_bitext(8))
    proxy = LinkFilterProxy()
    proxy.setSourceModel(session.model)
    proxy.set_state({"low"}, 0.5, None)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4  # confidences 0, .125, .25, .375


def test_model_rows_follow_edits_and_undo(qtbot):
    session = EditSession(small_bitext(5))
    model = session.model
    with qtbot.waitSignal(model.rowsRemoved):
        session.perform(lambda bt: ops.merge_with_next(bt, 1))
    assert model.rowCount() == 4
    assert model.index(1, COL_GUTTER).data() == "2-2"
    assert model.index(1, COL_ZH).data() == "第1句，測試文字。\n第2句，測試文字。"
    with qtbot.waitSignal(model.rowsInserted):
        session.undo_stack.undo()
    assert model.rowCount() == 5
    numbers = [s.number for s in model.index(4, COL_EN).data(SentencesRole)]
    assert numbers == [5]


def test_sentence_numbers_follow_splits(qtbot):
    session = EditSession(small_bitext(4))
    session.perform(lambda bt: ops.split_sentence(bt, 0, "en", 0, 8), (0,))
    model = session.model
    assert [s.number for s in model.index(0, COL_EN).data(SentencesRole)] == [1, 2]
    assert [s.number for s in model.index(3, COL_EN).data(SentencesRole)] == [5]
