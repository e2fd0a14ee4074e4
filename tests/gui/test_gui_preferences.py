"""Preferences: segmentation exceptions are edited, remembered, used by an import and
recorded in the project it makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import open_window, small_bitext
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QPushButton

from editor.core.project import load_project
from editor.core.segment_exceptions import SETTINGS_KEY
from editor.core.segment_lexicon import DEFAULT_EXCEPTIONS
from editor.gui import settings
from editor.gui.dialogs import PreferencesDialog

EN_TEXT = "See Tbl. Five rows are listed. See Fig. Two here.\n\nAnother paragraph here.\n"
ZH_TEXT = "我常用Yahoo!奇摩搜尋資料。見圖二。\n\n另一段。\n"


@pytest.fixture(autouse=True)
def _clean_exceptions() -> Iterator[None]:
    settings.put_segmentation_exceptions({"en": [], "zh": []})
    yield
    settings.put_segmentation_exceptions({"en": [], "zh": []})


def _box(dialog: PreferencesDialog, lang: str) -> QPlainTextEdit:
    box = dialog.findChild(QPlainTextEdit, f"exceptions_{lang}")
    assert box is not None
    return box


def test_exception_lists_round_trip_through_preferences(qtbot) -> None:
    with open_window(qtbot, small_bitext(1)) as window:
        dialog = PreferencesDialog(window)
        en = _box(dialog, "en")
        assert en.toPlainText().splitlines() == list(DEFAULT_EXCEPTIONS["en"])
        assert _box(dialog, "zh").toPlainText() == ""
        lines = [e for e in en.toPlainText().splitlines() if e != "Fig."]
        en.setPlainText("\n".join([*lines, "# tables", "Tbl"]))
        _box(dialog, "zh").setPlainText("見表五，")
        dialog.accept()
        assert settings.segmentation_exceptions() == {"en": ["Tbl.", "-Fig."],
                                                      "zh": ["見表五，"]}

        again = PreferencesDialog(window)
        shown = _box(again, "en").toPlainText().splitlines()
        assert "Fig." not in shown and shown[-1] == "Tbl." and "Dr." in shown
        assert _box(again, "zh").toPlainText() == "見表五，"
        restore = again.findChild(QPushButton, "exceptions_defaults_en")
        assert restore is not None
        restore.click()
        assert _box(again, "en").toPlainText().splitlines() == list(DEFAULT_EXCEPTIONS["en"])
        again.reject()  # cancelled: nothing stored
        assert settings.segmentation_exceptions()["en"] == ["Tbl.", "-Fig."]


def test_an_entry_that_cannot_match_is_reported_and_nothing_is_stored(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    with open_window(qtbot, small_bitext(1)) as window:
        dialog = PreferencesDialog(window)
        _box(dialog, "en").setPlainText("Tbl\nYahoo!\n")
        dialog.accept()
        assert dialog.result() != PreferencesDialog.DialogCode.Accepted
        assert len(shown) == 1 and "English" in shown[0] and "line 2" in shown[0]
        assert settings.segmentation_exceptions() == {"en": [], "zh": []}


def _import(qtbot, window, paths: list[Path], lang: str = "en") -> list[str]:
    window.files.import_documents([str(p) for p in paths])
    qtbot.waitUntil(lambda: window.files.job is None, timeout=120_000)
    bitext = window.session.bitext
    return [bitext.sentences[sid].text for sid in bitext.sentence_ids(lang)]


def test_an_import_uses_the_exceptions_and_the_project_keeps_them(qtbot, tmp_path: Path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH_TEXT, encoding="utf-8")
    en.write_text(EN_TEXT, encoding="utf-8")
    with open_window(qtbot, small_bitext(1)) as window:
        plain = _import(qtbot, window, [zh, en])
        assert plain[:2] == ["See Tbl.", "Five rows are listed."]
        assert window.files.project_settings == {SETTINGS_KEY: {"zh": [], "en": []}}
        bitext = window.session.bitext
        assert [bitext.sentences[sid].text for sid in bitext.sentence_ids("zh")][:2] == [
            "我常用Yahoo!", "奇摩搜尋資料。"]

        settings.put_segmentation_exceptions({"en": ["Tbl.", "-Fig."], "zh": ["Yahoo!"]})
        listed = _import(qtbot, window, [zh, en])
        assert listed[:3] == ["See Tbl. Five rows are listed.", "See Fig.", "Two here."]
        assert _import(qtbot, window, [zh, en], "zh")[0] == "我常用Yahoo!奇摩搜尋資料。"
        recorded = {SETTINGS_KEY: {"zh": ["Yahoo!"], "en": ["Tbl.", "-Fig."]}}
        assert window.files.project_settings == recorded

        project = tmp_path / "made.bitext"
        assert window.files._save_to(project)
        assert load_project(project).settings == recorded
        settings.put_segmentation_exceptions({"en": [], "zh": []})
        window.files.open_project(project)  # reopened and saved: the record stays
        assert window.files._save_to(tmp_path / "again.bitext")
        assert load_project(tmp_path / "again.bitext").settings == recorded


@pytest.mark.parametrize(("language", "title"), [("zh_CN", "分句例外"), ("zh_TW", "分句例外")])
def test_the_exception_editor_is_translated(language: str, title: str) -> None:
    from PySide6.QtCore import QTranslator

    from editor.resources import resource_path

    translator = QTranslator()
    assert translator.load(f"bitext_{language}", str(resource_path("i18n")))
    assert translator.translate("dialogs", "Sentence segmentation exceptions") == title
    assert translator.translate("dialogs", "Chinese") == "中文"


def test_with_user_exceptions_a_stored_alignment_is_not_reused(qtbot, tmp_path: Path):
    """A shipped or cached project was segmented with the built-in lists only."""
    import hashlib
    from dataclasses import replace

    from gui_helpers import pdf_bitext

    from editor.core.project import save_project

    bitext, pdf = pdf_bitext(tmp_path)
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    bitext.sources = [replace(s, sha256=digest) for s in bitext.sources]
    save_project(bitext, pdf.with_suffix(".bitext"), {}, backup=False)
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)], cache=True)
        assert window.files.job is None  # the shipped project, at once
        settings.put_segmentation_exceptions({"en": ["Tbl."], "zh": []})
        window.files.import_documents([str(pdf)], cache=True)
        job = window.files.job
        assert job is not None  # imported afresh with the user's lists
        job.cancel()
        qtbot.waitUntil(lambda: window.files.job is None, timeout=60_000)
