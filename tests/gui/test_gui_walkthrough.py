"""Behaviour found wrong while using the editor in a real window (Xvfb walkthrough).

Each test replays what a translator did and checks what they would see: row heights
that fit the text, a jump that shows its target, marks that are not clipped, dialogs
that answer the keyboard.
"""

from __future__ import annotations

import pytest
from gui_helpers import key, open_window, press, small_bitext
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from editor.core.model import Bitext, make_sentences
from editor.gui.delegates import SentenceEditor
from editor.gui.linkmodel import COL_EN


def _fitted(window, row: int) -> bool:
    """The row is exactly as tall as its text needs (what painting will use)."""
    view = window.view
    needed = max(view.sizeHintForRow(row), 0)
    return view.rowHeight(row) == needed


def _long_bitext(n: int, words: int, every: int = 1) -> Bitext:
    """n one-to-one links; every ``every``-th English sentence wraps over many lines."""
    zh = make_sentences("zh", [f"第{i}句。" for i in range(n)])
    en = make_sentences("en", [" ".join([f"word{i}"] * (words if i % every == 0 else 1)) + "."
                               for i in range(n)])
    return Bitext.from_beads(zh, en, [((i,), (i,)) for i in range(n)])


def test_row_shrinks_back_after_esc_cancels_an_edit(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(1, "en")
        qtbot.waitUntil(lambda: _fitted(window, 1))
        before = window.view.rowHeight(1)
        press(window, "F2")
        assert isinstance(QApplication.focusWidget(), SentenceEditor)
        assert window.view.rowHeight(1) > before  # the editor makes room while typing
        key(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.view.rowHeight(1) == before)


def test_rows_are_measured_again_for_a_new_document(qtbot):
    with open_window(qtbot, _long_bitext(6, 60)) as window:
        qtbot.waitUntil(lambda: window.view.rowHeight(0) > 100)
        window.set_bitext(small_bitext(6), None, {}, "short")
        qtbot.waitUntil(lambda: all(_fitted(window, r) for r in range(3)))
        assert window.view.rowHeight(0) < 100


def test_go_to_a_far_link_shows_it(qtbot):
    with open_window(qtbot, _long_bitext(400, 120, every=3)) as window:
        window.resize(900, 500)
        QApplication.processEvents()
        window.select_row(300, "en")
        view = window.view
        index = window.proxy.index(300, COL_EN)
        qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(index)))
        assert window.focus == (300, "en", 0)


def _has_colour(image, rect, colour, tolerance: int = 40) -> bool:
    """Whether any pixel of ``rect`` in ``image`` is close to ``colour``."""
    rect = rect.intersected(image.rect())
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < tolerance:
                return True
    return False


def test_bookmark_mark_shows_on_a_one_line_link(qtbot):
    from editor.gui.delegates import NOTE_MARK
    from editor.gui.linkmodel import COL_GUTTER

    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(2)
        view = window.view
        rect = view.visualRect(window.proxy.index(1, COL_GUTTER))  # a row not selected
        qtbot.waitUntil(lambda: view.rowHeight(1) < 3 * window.fontMetrics().height())
        assert not _has_colour(view.viewport().grab().toImage(), rect, NOTE_MARK)
        window.select_row(1)
        press(window, "Ctrl+B")
        window.select_row(3)
        QApplication.processEvents()
        assert _has_colour(view.viewport().grab().toImage(), rect, NOTE_MARK)


def test_note_dialog_keys_tab_leaves_the_box_esc_keeps_the_note(qtbot):
    from editor.gui.notedialog import NoteDialog

    dialog = NoteDialog(None, "Note", "Note on link 3:", "old note")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.box)
    key(Qt.Key.Key_Tab)
    assert dialog.box.toPlainText() == "old note"  # Tab moved on instead of typing
    assert QApplication.focusWidget() is not dialog.box
    key(Qt.Key.Key_Escape)
    assert dialog.result() == NoteDialog.DialogCode.Rejected


def test_split_link_keeps_the_lone_counterpart_with_the_first_part(qtbot):
    bt = small_bitext(3)
    with open_window(qtbot, bt) as window:
        window.select_row(2, "en")
        press(window, "Ctrl+Up")  # link 3's English moves up into link 2: 1-2
        assert window.session.bitext.links[1].shape == "1-2"
        window.select_row(1, "en")
        press(window, "Ctrl+Shift+M")  # split after the first English sentence
        shapes = [link.shape for link in window.session.bitext.links]
        assert shapes[1:3] == ["1-1", "0-1"]
        assert window.session.bitext.links[1].zh  # the Chinese stayed in the first part


def test_ctrl_z_in_the_find_bar_after_replace_all_undoes_the_replacement(qtbot):
    from gui_helpers import type_text

    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(0)
        press(window, "Ctrl+F")
        type_text("test")
        key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is window.findbar.replacement
        type_text("trial")
        press(window, "Ctrl+Shift+H")
        assert window.session.bitext.texts(window.session.bitext.links[2], "en") == [
            "Sentence 2 of the trial."]
        press(window, "Ctrl+Z")  # the focus is still in the Replace field
        assert window.session.bitext.texts(window.session.bitext.links[2], "en") == [
            "Sentence 2 of the test."]
        assert window.findbar.replacement.text() == "trial"
        type_text("s")  # typing there again: Ctrl+Z is the field's own again
        press(window, "Ctrl+Z")
        assert window.findbar.replacement.text() == "trial"
        assert window.session.undo_stack.index() == 0


def test_export_of_an_unsaved_import_is_offered_beside_its_source(qtbot, tmp_path):
    from editor.gui.exportdialog import export_folder

    source = tmp_path / "docs" / "pair-zh.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.4")
    with open_window(qtbot, small_bitext(2), sources={"s1": source}) as window:
        assert window.files.path is None
        assert export_folder(window) == source.parent
        window.files.path = tmp_path / "work.bitext"
        assert export_folder(window) == tmp_path


def test_a_failed_job_is_answered_once_the_same_way(qtbot, monkeypatch):
    from editor.core.errors import InputError
    from editor.gui import dialogs
    from editor.gui.jobui import JobTexts, report
    from editor.gui.workers import Cancelled

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_problem", lambda parent, title, exc: shown.append(title))
    texts = JobTexts("working…", "Work", "Cannot work", "Work cancelled.", "Not in this build.")
    with open_window(qtbot, small_bitext(2)) as window:
        report(window, Cancelled(), texts)
        assert window.statusBar().currentMessage() == "Work cancelled."
        report(window, ImportError("no numpy"), texts)
        assert window.statusBar().currentMessage() == "Not in this build."
        report(window, InputError("a.pdf", "broken"), texts)
        assert shown == ["Cannot work"]
        with pytest.raises(KeyError):  # unexpected: on to the crash handler
            report(window, KeyError("bug"), texts)


def test_import_warnings_name_the_document_wrap_and_open_the_page_by_enter(qtbot):
    from editor.core.extract.types import ImportWarning
    from editor.core.model import Source
    from editor.gui.dialogs import show_import_warnings

    sources = [Source("zh", "/docs/zh.pdf", kind="pdf", languages=("zh",)),
               Source("en", "/docs/en.pdf", kind="pdf", languages=("en",))]
    bt = small_bitext(2)
    bt.sources = sources
    long = "private-use characters kept as they are " * 4
    warnings = [ImportWarning("private-use-characters", f"page 8: {long}", "zh", 7),
                ImportWarning("repeated-text-removed", "text drawn twice kept once", "en", 4)]
    opened: list[ImportWarning] = []
    with open_window(qtbot, bt) as window:
        dialog = show_import_warnings(window, warnings, opened.append)
        qtbot.addWidget(dialog)
        items = dialog.findChild(QListWidget, "import_warning_list")
        texts = [items.item(i).text() for i in range(items.count())]
        assert texts == ["en.pdf, page 5 · Repeated text left out: text drawn twice kept once",
                         f"zh.pdf · Private-use characters: page 8: {long}"]
        assert items.wordWrap()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is items)  # keys go to the list
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Return)
        assert opened == [warnings[0]]
        assert dialog.isVisible()  # still there for the next warning


def test_shortcuts_dialog_plain_names_search_and_clear(qtbot):
    from PySide6.QtGui import QKeySequence

    from editor.gui.dialogs import ShortcutsDialog, plain_label

    assert plain_label("打开(&O)…") == "打开…"
    assert plain_label("Save && Quit") == "Save & Quit"
    with open_window(qtbot, small_bitext(2)) as window:
        dialog = ShortcutsDialog(window, window.action_map)
        qtbot.addWidget(dialog)
        names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert "Merge with Next Link" in names and not any("&" in n for n in names)
        dialog.search.setText("bookmark")
        shown = [names[r] for r in range(len(names)) if not dialog.table.isRowHidden(r)]
        assert shown and all("ookmark" in n for n in shown)
        dialog.search.setText("Ctrl+M")  # by shortcut too
        shown = [names[r] for r in range(len(names)) if not dialog.table.isRowHidden(r)]
        assert "Merge with Next Link" in shown
        dialog.edits["merge"].clear()
        dialog.accept()
        assert window.action_map["merge"].shortcut() == QKeySequence()
        from editor.gui import settings

        settings.put("shortcuts", {})


def test_reopening_shows_the_same_link_at_the_top(qtbot, tmp_path):
    target = tmp_path / "long.bitext"
    with open_window(qtbot, _long_bitext(200, 60, every=2)) as window:
        window.resize(900, 600)
        window.select_row(120, "en")
        window._scroll_to_top(117)
        QApplication.processEvents()
        top = window._top_link()
        assert 100 < top <= 120
        assert window.files._save_to(target)
    with open_window(qtbot, small_bitext(1)) as window:
        window.resize(900, 600)
        window.files.open_project(target)
        qtbot.waitUntil(lambda: window._top_link() == top)
        assert window.focus == (120, "en", 0)


def test_opening_the_find_bar_leaves_the_pdf_pane_its_width(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.resize(1200, 800)
        window.splitter.setSizes([420, 780])
        QApplication.processEvents()
        before = window.splitter.sizes()
        press(window, "Ctrl+F")
        QApplication.processEvents()
        assert window.findbar.isVisible()
        assert window.splitter.sizes() == before


def test_switch_document_button_only_with_a_pair_of_pdfs(qtbot, tmp_path):
    from dataclasses import replace

    from gui_helpers import pdf_bitext

    bt, path = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": path}) as window:
        window.select_row(0, "zh")
        assert not window.pdf.switch_button.isEnabled()
    pair, path = pdf_bitext(tmp_path)
    pair.sources.append(replace(pair.sources[0], id="s2", languages=("en",)))
    with open_window(qtbot, pair, sources={"s1": path, "s2": path}) as window:
        window.select_row(0, "zh")
        assert window.pdf.switch_button.isEnabled()


def _yellowish(image, rect) -> int:
    """How many pixels of ``rect`` are marker yellow/orange (matches of the search)."""
    rect = rect.intersected(image.rect())
    count = 0
    for x in range(rect.left(), rect.right() + 1, 2):
        for y in range(rect.top(), rect.bottom() + 1, 2):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() > 120 and c.blue() < 140:
                count += 1
    return count


def test_search_matches_are_marked_in_the_text_while_the_bar_is_open(qtbot):
    from editor.gui.delegates import span_rects
    from editor.gui.linkmodel import COL_ZH

    with open_window(qtbot, small_bitext(6)) as window:
        window.select_row(0)
        press(window, "Ctrl+F")
        window.findbar.pattern.setText("Sentence 3")
        view = window.view
        en3, zh3 = (view.visualRect(window.proxy.index(3, c)) for c in (COL_EN, COL_ZH))
        en1 = view.visualRect(window.proxy.index(1, COL_EN))
        image = view.viewport().grab().toImage()
        assert _yellowish(image, en3) > 0
        assert _yellowish(image, en1) == 0 and _yellowish(image, zh3) == 0
        press(window, "Return")  # Find Next: link 4 becomes current
        assert window.focus[0] == 3
        press(window, "Escape")
        QApplication.processEvents()
        assert _yellowish(view.viewport().grab().toImage(), en3) == 0
    font = window.delegates["en"].font
    [one_line] = span_rects(font, 2000, "Sentence 3 of the test.", [(0, 8)])
    assert len(one_line) == 1 and one_line[0].left() == 0
    [wrapped] = span_rects(font, 60, "aaaa bbbb cccc dddd", [(15, 19)])
    assert len(wrapped) == 1 and wrapped[0].top() > 0  # on a later line
    # several matches of one text: one piece list each, from one layout
    first, last = span_rects(font, 60, "aaaa bbbb cccc dddd", [(0, 4), (15, 19)])
    assert first[0].top() == 0 and last[0].top() > 0


def test_rows_further_down_are_measured_again_for_a_new_document(qtbot):
    with open_window(qtbot, _long_bitext(300, 60)) as window:
        view = window.view
        window.select_row(299)
        qtbot.waitUntil(lambda: view.rowHeight(299) > 100)
        window.set_bitext(small_bitext(300), None, {}, "short")
        window.select_row(299)
        qtbot.waitUntil(lambda: all(_fitted(window, r) for r in range(295, 300)))


def test_ctrl_end_shows_the_last_link_whole(qtbot):
    with open_window(qtbot, _long_bitext(300, 120, every=2)) as window:
        window.resize(900, 500)
        window.select_row(0, "en")
        press(window, "Ctrl+End")
        view = window.view
        last = window.proxy.index(299, COL_EN)
        qtbot.waitUntil(lambda: view.currentIndex().row() == 299)
        qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(last)))


def test_status_bar_says_when_the_original_text_is_shown(qtbot):
    with open_window(qtbot, small_bitext(3)) as window:
        window.select_row(1)
        press(window, "Ctrl+Shift+O")
        assert "original" in window.position_label.text()
        press(window, "Ctrl+Shift+O")
        assert "original" not in window.position_label.text()


def test_shortcut_search_finds_english_names_in_a_chinese_interface(qtbot):
    from editor.gui.dialogs import ShortcutsDialog

    with open_window(qtbot, small_bitext(2)) as window:
        window.action_map["merge"].setText("与下一链接合并(&M)")  # as the zh_CN catalogue says
        dialog = ShortcutsDialog(window, window.action_map)
        qtbot.addWidget(dialog)
        dialog.search.setText("merge")
        shown = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())
                 if not dialog.table.isRowHidden(r)]
        assert "与下一链接合并" in shown
