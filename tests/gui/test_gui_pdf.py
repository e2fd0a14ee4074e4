"""The PDF pane: a selected sentence is highlighted on its page; a click selects."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_window, pdf_bitext, small_bitext
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from editor.gui.pdfpane import EN_COLOUR, ZH_COLOUR


def _wait_for_page(qtbot, window):
    pane = window.pdf
    qtbot.waitUntil(lambda: pane.canvas.image is not None and pane.scroll_area.isVisible(),
                    timeout=10_000)


def test_selected_link_is_highlighted_on_the_page(qtbot, tmp_path: Path):
    bt, pdf = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": pdf}) as window:
        window.select_row(1, "zh")
        _wait_for_page(qtbot, window)
        highlights = window.pdf.canvas.highlights
        zh = [h.rect for h in highlights if h.colour == ZH_COLOUR]
        en = [h.rect for h in highlights if h.colour == EN_COLOUR]
        assert zh == [QRectF(50, 128, 60, 15)]
        assert en == [QRectF(320, 128, 100, 15)]
        assert window.pdf.doc_label.text() == "two-columns.pdf"


def test_click_on_page_selects_that_sentence(qtbot, tmp_path: Path):
    bt, pdf = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": pdf}) as window:
        window.select_row(0, "zh")
        _wait_for_page(qtbot, window)
        canvas = window.pdf.canvas
        target = canvas.to_view(QRectF(320, 168, 100, 15)).center().toPoint()  # 3rd English
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(target))
        assert window.focus == (2, "en", 0)
        assert window.view.currentIndex().row() == 2


def test_zoom_keys_change_the_scale(qtbot, tmp_path: Path):
    bt, pdf = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": pdf}) as window:
        window.select_row(0)
        _wait_for_page(qtbot, window)
        window.pdf.set_zoom("1.0")
        window.pdf.zoom_by(1)
        assert window.pdf.canvas.zoom == 1.25
        window.pdf.set_zoom("fit-page")
        assert window.pdf.canvas.zoom < 1.25


def test_missing_source_is_said_in_the_pane(qtbot, tmp_path: Path):
    bt, _ = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": None}) as window:
        window.select_row(0)
        assert "missing" in window.pdf.message.text()
        assert window.pdf.message.isVisibleTo(window)


def test_text_without_pdf_has_no_page(qtbot):
    with open_window(qtbot, small_bitext(2)) as window:
        window.select_row(0)
        assert not window.pdf.scroll_area.isVisibleTo(window)
