"""UI translations: built, complete, and loaded for the chosen language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from editor.gui import actions as actions_mod
from editor.resources import resource_path


@pytest.mark.parametrize(("language", "save", "merge"), [
    ("zh_CN", "保存(&S)", "与下一链接合并(&M)"),
    ("zh_TW", "儲存(&S)", "與下一連結合併(&M)"),
])
def test_translation_files_cover_the_menus(language, save, merge):
    translator = QTranslator()
    assert translator.load(f"bitext_{language}", str(resource_path("i18n")))
    assert translator.translate("actions", "&Save") == save
    assert translator.translate("actions", "&Merge with Next Link") == merge
    for spec in actions_mod.ACTIONS:
        assert translator.translate("actions", spec.text), spec.text


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_no_unfinished_translations(language):
    root = ET.parse(resource_path("i18n", f"bitext_{language}.ts")).getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_system_language_choice(monkeypatch):
    from PySide6.QtCore import QLocale

    from editor.gui.dialogs import system_language

    for name, expected in (("zh_HK", "zh_TW"), ("zh_CN", "zh_CN"), ("en_GB", "en")):
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda n=name: QLocale(n)))
        assert system_language() == expected


def test_changing_the_language_applies_without_restart(qtbot):
    from gui_helpers import open_window, small_bitext

    from editor.gui import settings

    with open_window(qtbot, small_bitext(2)) as window:
        try:
            settings.put("ui/language", "zh_TW")
            window.switch_language()
            qtbot.waitUntil(lambda: window.action_map["save"].text() == "儲存(&S)")
            assert window.menus["file"].title() != "&File"
            assert window.findbar.buttons[0].text() != "Next"
            window.update_status()
            assert "links" not in window.counts_label.text()
        finally:
            settings.put("ui/language", "en")
            window.switch_language()
            settings.put("ui/language", "")
        qtbot.waitUntil(lambda: window.action_map["save"].text() == "&Save")
        assert window.menus["file"].title() == "&File"


def test_every_import_warning_code_has_a_translated_title(qtbot):
    """The warnings dialog names each problem in the interface's language (the importer's
    detail stays English): every code the importer documents has a title."""
    import regex
    from gui_helpers import open_window, small_bitext

    from editor.core.extract import types
    from editor.gui import settings
    from editor.gui.dialogs import warning_title

    doc = types.ImportWarning.__doc__ or ""
    codes = regex.findall(r"``([a-z]+(?:-[a-z]+)+)``", doc)
    assert len(codes) >= 10
    assert all(warning_title(code) for code in codes)
    english = {code: warning_title(code) for code in codes}
    with open_window(qtbot, small_bitext(2)) as window:
        try:
            settings.put("ui/language", "zh_CN")
            window.switch_language()
            qtbot.waitUntil(lambda: warning_title("garbled-text") == "文本层无法读取")
            assert [c for c in codes if warning_title(c) == english[c]] == []
        finally:
            settings.put("ui/language", "en")
            window.switch_language()
            settings.put("ui/language", "")
