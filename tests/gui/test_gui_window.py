"""The main window driven by key presses: navigate, fix, undo, edit, save, reopen."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import key, open_window, press, small_bitext, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor import APP_NAME, __version__
from editor.core.project import load_project
from editor.gui import actions as actions_mod
from editor.gui.delegates import SentenceEditor
from editor.gui.dialogs import about_text


def texts(window, row, lang):
    bt = window.session.bitext
    return bt.texts(bt.links[row], lang)


def test_title_names_project_and_shows_unsaved_marker(qtbot):
    with open_window(qtbot, small_bitext(), name="report") as window:
        assert window.windowTitle() == f"report[*] — {APP_NAME}"
        assert not window.isWindowModified()
        window.select_row(0)
        press(window, "Ctrl+M")
        assert window.isWindowModified()
        qtbot.waitUntil(lambda: window.modified_label.text() != "")
        press(window, "Ctrl+Z")
        assert not window.isWindowModified()


def test_about_credits_version_and_bundled_components():
    text = about_text()
    assert __version__ in text and "Universal Sentence Encoder" in text and "AGPL" in text


def test_merge_split_shift_by_keys_and_undo_everything(qtbot):
    bt = small_bitext(6)
    start = bt.snapshot()
    with open_window(qtbot, bt) as window:
        window.select_row(1, "zh")
        press(window, "Ctrl+M")  # merge links 2 and 3
        assert window.session.bitext.links[1].shape == "2-2"
        assert window.focus[0] == 1
        press(window, "Ctrl+Shift+M")  # split after the focused sentence
        assert [window.session.bitext.links[i].shape for i in (1, 2)] == ["1-1", "1-1"]
        press(window, "Ctrl+Up")  # first zh sentence of link 2 moves up into link 1
        assert window.session.bitext.links[0].shape == "2-1"
        press(window, "Ctrl+Shift+E")  # the English of the current link gets no partner
        shapes = [link.shape for link in window.session.bitext.links]
        assert "0-1" in shapes or "1-0" in shapes
        for _ in range(4):
            press(window, "Ctrl+Z")
        assert window.session.bitext.snapshot() == start
        press(window, "Ctrl+Shift+Z")
        assert window.session.bitext.links[1].shape == "2-2"


def test_refused_fix_says_why_and_changes_nothing(qtbot):
    bt = small_bitext(3)
    with open_window(qtbot, bt) as window:
        window.select_row(2)
        before = window.session.bitext.snapshot()
        press(window, "Ctrl+M")  # the last link has no next link
        assert window.session.bitext.snapshot() == before
        assert "last link" in window.statusBar().currentMessage()
        assert window.session.undo_stack.count() == 0


def test_edit_in_place_enter_commits_esc_cancels_tab_moves(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(1, "en")
        press(window, "F2")
        editor = QApplication.focusWidget()
        assert isinstance(editor, SentenceEditor)
        type_text(" Really")
        key(Qt.Key.Key_Return)
        assert texts(window, 1, "en") == ["Sentence 1 of the test. Really"]
        sentence = window.session.bitext.sentences[window.session.bitext.links[1].en[0]]
        assert sentence.edited and sentence.original == "Sentence 1 of the test."
        # Esc throws the typing away
        press(window, "F2")
        type_text(" lost")
        key(Qt.Key.Key_Escape)
        assert texts(window, 1, "en") == ["Sentence 1 of the test. Really"]
        # Tab commits and opens the other side of the same link
        press(window, "F2")
        type_text("!")
        key(Qt.Key.Key_Tab)
        assert texts(window, 1, "en") == ["Sentence 1 of the test. Really!"]
        editor = QApplication.focusWidget()
        assert isinstance(editor, SentenceEditor) and editor.objectName() == "editor_zh"
        key(Qt.Key.Key_Escape)
        # restore the original, then undo the restore
        window.select_row(1, "en")
        press(window, "Ctrl+Alt+O")
        assert texts(window, 1, "en") == ["Sentence 1 of the test."]
        press(window, "Ctrl+Z")
        assert texts(window, 1, "en") == ["Sentence 1 of the test. Really!"]


def test_typing_starts_editing(qtbot):
    with open_window(qtbot, small_bitext(2)) as window:
        window.select_row(0, "en")
        press(window, "X")
        assert isinstance(QApplication.focusWidget(), SentenceEditor)
        key(Qt.Key.Key_Return)
        assert texts(window, 0, "en") == ["Sentence 0 of the test.x"]


def test_split_and_join_sentence_at_cursor(qtbot):
    with open_window(qtbot, small_bitext(3)) as window:
        window.select_row(0, "en")
        press(window, "F2")
        editor = QApplication.focusWidget()
        assert isinstance(editor, SentenceEditor)
        cursor = editor.textCursor()
        cursor.setPosition(len("Sentence 0"))
        editor.setTextCursor(cursor)
        press(window, "Alt+Return")
        assert texts(window, 0, "en") == ["Sentence 0", "of the test."]
        window.select_row(0, "en")
        press(window, "Ctrl+J")
        assert texts(window, 0, "en") == ["Sentence 0 of the test."]
        press(window, "Ctrl+Z")
        press(window, "Ctrl+Z")
        assert texts(window, 0, "en") == ["Sentence 0 of the test."]
        assert len(window.session.bitext.sentences) == 6


def test_confirm_and_next_then_doubtful_navigation(qtbot):
    with open_window(qtbot, small_bitext(10)) as window:
        window.select_row(0)
        press(window, "Ctrl+Return")
        assert window.session.bitext.links[0].status == "confirmed"
        assert window.focus[0] == 1
        press(window, "Ctrl+Return")
        assert window.focus[0] == 2
        # default threshold 0.75: confidences are i/10, so links 2-7 are doubtful, 8+ not
        for expected in (3, 4, 5, 6, 7, 2):
            press(window, "F8")
            assert window.focus[0] == expected
        press(window, "Ctrl+F8")  # lowest unconfirmed confidence
        assert window.focus[0] == 2
        press(window, "Ctrl+Z")
        assert window.session.bitext.links[1].status == "auto"


def test_filters_hide_links_and_status_counts(qtbot):
    with open_window(qtbot, small_bitext(10)) as window:
        window.select_row(0)
        press(window, "Ctrl+Return")
        press(window, "Alt+1")  # unconfirmed only
        assert window.proxy.rowCount() == 9
        window.update_status()
        assert "10 links" in window.counts_label.text()
        assert "10 %" in window.counts_label.text()
        assert "9 shown" in window.counts_label.text()
        press(window, "Alt+0")
        assert window.proxy.rowCount() == 10


def test_bookmark_and_note(qtbot):
    from PySide6.QtCore import QTimer

    from editor.gui.notedialog import NoteDialog

    def write_note() -> None:  # in the note dialog once it has the keyboard, by keys only
        dialog = QApplication.activeModalWidget()
        # Shown is not yet active: until then keys go to the window behind (under load the
        # dialog waited for ever for its Ctrl+Return, and the test with it).
        if not isinstance(dialog, NoteDialog) or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(10, write_note)
            return
        type_text("check the figure")
        press(window, "Ctrl+Return")

    def close_note() -> None:  # keys that missed the dialog fail the test, not hang it
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NoteDialog):
            dialog.reject()

    with open_window(qtbot, small_bitext(5)) as window:
        window.select_row(3)
        press(window, "Ctrl+B")
        window.select_row(0)
        press(window, "F9")
        assert window.focus[0] == 3
        QTimer.singleShot(10, write_note)
        QTimer.singleShot(20_000, window, close_note)
        press(window, "Ctrl+Shift+N")
        assert window.session.bitext.links[3].note == "check the figure"
        press(window, "Alt+5")
        assert window.proxy.rowCount() == 1


def test_find_and_replace_all_is_one_undo_step(qtbot):
    with open_window(qtbot, small_bitext(6)) as window:
        window.select_row(0)
        press(window, "Ctrl+F")
        window.findbar.pattern.setText("test")
        window.findbar.replacement.setText("trial")
        window.findbar.langs.setCurrentIndex(2)  # English only
        window.findbar.find_next()
        assert window.focus == (0, "en", 0)
        window.findbar.find_next()
        assert window.focus[0] == 1
        assert window.findbar.replace_all() == 6
        assert all("trial" in texts(window, i, "en")[0] for i in range(6))
        press(window, "Escape")
        window.view.setFocus()
        press(window, "Ctrl+Z")
        assert all("test" in texts(window, i, "en")[0] for i in range(6))
        window.findbar.use_regex.setChecked(True)
        window.findbar.pattern.setText(r"Sentence (\d)")
        window.findbar.replacement.setText(r"No. \1")
        window.findbar.replace_all()
        assert texts(window, 4, "en") == ["No. 4 of the test."]


def test_save_reopen_restores_edits_and_view(qtbot, tmp_path: Path):
    target = tmp_path / "work.bitext"
    with open_window(qtbot, small_bitext(8)) as window:
        window.select_row(2)
        press(window, "Ctrl+M")
        press(window, "Ctrl+Return")
        window.select_row(5, "en")
        press(window, "Alt+1")
        assert window.files._save_to(target)
        assert not window.isWindowModified()
        recent = window.recent_menu.actions()
        assert recent[0].data() == str(target.resolve())
        assert recent[0].text() == f"&1 work.bitext — {target.resolve().parent}"
        saved = window.session.bitext.snapshot()
    project = load_project(target)
    assert project.view_state["current_link"] == 5
    assert project.view_state["filters"] == ["unconfirmed"]
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.open_project(target)
        assert window.session.bitext.snapshot()[1:] == saved[1:]
        assert window.focus == (5, "en", 0)
        assert window.action_map["filter_unconfirmed"].isChecked()
        assert window.windowTitle().startswith("work[*]")
        assert window.files.path == target


def test_every_action_is_in_a_menu_with_unique_shortcut(qtbot):
    ids = [spec.id for spec in actions_mod.ACTIONS]
    assert len(ids) == len(set(ids))
    keys = [spec.shortcut for spec in actions_mod.ACTIONS if spec.shortcut]
    assert len(keys) == len(set(keys))
    with open_window(qtbot, small_bitext(2)) as window:
        in_menus = {a.objectName() for m in window.menus.values() for a in m.actions()}
        assert {spec.object_name for spec in actions_mod.ACTIONS} <= in_menus


def test_changed_shortcut_is_used(qtbot):
    from editor.gui import settings

    settings.put("shortcuts", {"merge": "Ctrl+Alt+J"})
    try:
        with open_window(qtbot, small_bitext(3)) as window:
            window.select_row(0)
            press(window, "Ctrl+Alt+J")
            assert window.session.bitext.links[0].shape == "2-2"
    finally:
        settings.put("shortcuts", {})


def test_realign_selection_in_background_is_one_undo_step(qtbot):
    from editor.core.model import Bitext, make_sentences

    zh = make_sentences("zh", ["今天天氣很好。", "我們去公園散步。", "公園裏有很多花。",
                               "我很喜歡春天。"])
    en = make_sentences("en", ["The weather is fine today.", "We go for a walk in the park.",
                               "There are many flowers in the park.", "I love spring."])
    # a wrong alignment: the first link holds three Chinese sentences
    bt = Bitext.from_beads(zh, en, [((0, 1, 2), (0,)), ((3,), (1, 2, 3))])
    start = bt.snapshot()
    with open_window(qtbot, bt) as window:
        window.select_row(0)
        window.view.selectAll()
        press(window, "Ctrl+R")
        qtbot.waitUntil(lambda: window.files.job is None, timeout=60_000)
        shapes = [link.shape for link in window.session.bitext.links]
        assert shapes == ["1-1", "1-1", "1-1", "1-1"]
        assert window.session.undo_stack.count() == 1
        press(window, "Ctrl+Z")
        assert window.session.bitext.snapshot() == start


def test_shortcuts_dialog_changes_and_refuses_clashes(qtbot, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMessageBox

    from editor.gui import settings
    from editor.gui.dialogs import ShortcutsDialog

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: warned.append(text)))
    with open_window(qtbot, small_bitext(2)) as window:
        dialog = ShortcutsDialog(window, window.action_map)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == len(actions_mod.ACTIONS)
        dialog.edits["merge"].setKeySequence(QKeySequence("Ctrl+S"))  # taken by Save
        dialog.accept()
        assert warned and "Ctrl+S" in warned[0]
        dialog.edits["merge"].setKeySequence(QKeySequence("Ctrl+Alt+M"))
        dialog.accept()
        assert window.action_map["merge"].shortcut().toString() == "Ctrl+Alt+M"
        assert settings.get("shortcuts") == {"merge": "Ctrl+Alt+M"}
        settings.put("shortcuts", {})


def test_sentences_inside_a_link_are_reachable_by_keyboard(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(1, "en")
        press(window, "Ctrl+M")  # link 2 now holds two sentences per side
        press(window, "Alt+Down")
        assert window.focus == (1, "en", 1)
        press(window, "Alt+Up")
        assert window.focus == (1, "en", 0)
        press(window, "Ctrl+Shift+M")  # split after the first sentence
        assert [link.shape for link in window.session.bitext.links] == ["1-1"] * 4
        press(window, "Alt+Down")
        press(window, "Alt+Down")
        assert window.focus == (3, "en", 0)
