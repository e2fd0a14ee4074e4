"""The PDF pane: a selected sentence is highlighted on its page; a click selects."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui_helpers import open_window, pdf_bitext, small_bitext
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from editor.gui.pdfpane import EN_COLOUR, ZH_COLOUR, PdfPane


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
        assert not window.pdf.page_spin.isEnabled()  # nothing to page through


def _three_pages(tmp_path: Path) -> Path:
    import pymupdf

    path = tmp_path / "three-pages.pdf"
    doc = pymupdf.open()
    for n in range(3):
        doc.new_page(width=595, height=842).insert_text((50, 100), f"Page {n + 1}.")
    doc.save(path)
    doc.close()
    return path


@contextmanager
def _three_page_pane(qtbot, tmp_path: Path, zoom: str) -> Iterator[PdfPane]:
    """The PDF pane of an open window showing a three-page PDF at ``zoom``, its first
    page rendered."""
    pdf = _three_pages(tmp_path)
    with open_window(qtbot, small_bitext(1)) as window:
        window.pdf.show_document(str(pdf), pdf.name)
        window.pdf.set_zoom(zoom)
        _wait_for_page(qtbot, window)
        yield window.pdf


def _wheel(pane, notches: int) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = pane.scroll_area.viewport()
    centre = QPointF(viewport.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(0, 0),
                            QPoint(0, -120 if notches > 0 else 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)


def test_the_wheel_scrolls_continuously_through_the_pages(qtbot, tmp_path: Path):
    with _three_page_pane(qtbot, tmp_path, "1.5") as pane:
        bar = pane.scroll_area.verticalScrollBar()
        second = pane.canvas.page_rect(1)
        assert second.top() > pane.canvas.page_rect(0).bottom()  # one under the other
        bar.setValue(int(second.top()) - pane.scroll_area.viewport().height() // 2 - 30)
        assert pane.page == 0
        _wheel(pane, 2)  # scrolling on brings the second page to the middle of the view
        assert pane.page == 1 and pane.page_spin.value() == 2
        assert 1 in pane.visible_pages()
        qtbot.waitUntil(lambda: pane.canvas.image_for(1) is not None, timeout=10_000)
        _wheel(pane, -1000)
        assert pane.page == 0 and bar.value() == 0
        _wheel(pane, 1000)
        assert pane.page == 2 and bar.value() == bar.maximum()


def test_page_navigation_scrolls_to_the_page_and_highlights_stay_on_theirs(qtbot,
                                                                           tmp_path: Path):
    from editor.gui.pdfpane import Highlight

    with _three_page_pane(qtbot, tmp_path, "1.0") as pane:
        mark = QRectF(50, 90, 60, 15)
        pane.show_page(2, [Highlight(mark, ZH_COLOUR)], mark)
        assert pane.page == 2 and pane.canvas.page == 2
        view = pane.canvas.to_view(mark)
        assert pane.canvas.page_at(view.center().y()) == 2
        pane.previous_page()
        assert pane.page == 1 and pane.canvas.page == 2  # the mark stays on page 3
        top = pane.canvas.page_rect(1).top()
        assert abs(pane.scroll_area.verticalScrollBar().value() - top) <= 10


def test_a_sentence_on_a_later_page_is_shown_once_the_document_opens(qtbot, tmp_path: Path):
    from editor.core.model import Bitext, Provenance, Source, make_sentences

    pdf = _three_pages(tmp_path)
    source = Source("s1", str(pdf), kind="pdf", languages=("zh", "en"))
    where = Provenance("s1", 2, ((50.0, 80.0, 200.0, 105.0),))
    bt = Bitext.from_beads(make_sentences("zh", ["第三頁。"], provenances=[where]),
                           make_sentences("en", ["Page three."], provenances=[where]),
                           [((0,), (0,))], sources=[source])
    with open_window(qtbot, bt, sources={"s1": pdf}) as window:
        window.select_row(0, "zh")  # asked while the document is still opening
        pane = window.pdf
        qtbot.waitUntil(lambda: pane.canvas.image is not None, timeout=10_000)
        assert pane.canvas.page == 2 and 2 in pane.visible_pages()
        mark = pane.canvas.to_view(pane.canvas.highlights[0].rect)
        top = pane.scroll_area.verticalScrollBar().value()
        assert top <= mark.top() and mark.bottom() <= top + pane.scroll_area.viewport().height()


def test_ctrl_wheel_zooms_around_the_pointer(qtbot, tmp_path: Path):
    from PySide6.QtCore import QPointF

    bt, pdf = pdf_bitext(tmp_path)
    with open_window(qtbot, bt, sources={"s1": pdf}) as window:
        window.resize(1200, 800)
        window.select_row(0)
        _wait_for_page(qtbot, window)
        pane, canvas = window.pdf, window.pdf.canvas
        viewport = pane.scroll_area.viewport()
        pane.set_zoom("1.0")
        pointer = QPointF(viewport.width() * 0.8, viewport.height() * 0.6)

        def spot_under_pointer() -> QPointF:
            return canvas.to_page(QPointF(canvas.mapFrom(viewport, pointer.toPoint())))[1]

        before = spot_under_pointer()
        for _ in range(3):
            pane.scroll_area.zoom_step.emit(1, pointer)  # what Ctrl+wheel up sends
        assert canvas.zoom > 1.5
        after = spot_under_pointer()
        assert abs(after.x() - before.x()) < 3 and abs(after.y() - before.y()) < 3


def _requests(renderer) -> list[set[int]]:
    """From now on, the pages of each request the pane makes (its keep_only calls); the
    real renderer still gets them."""
    asked: list[set[int]] = []
    keep_only = renderer.keep_only

    def counting(keys):
        asked.append({page for _, page, _ in keys})
        keep_only(keys)

    renderer.keep_only = counting
    return asked


def test_going_to_a_page_asks_the_renderer_once_for_where_the_view_ends_up(qtbot,
                                                                          tmp_path: Path):
    with _three_page_pane(qtbot, tmp_path, "1.0") as pane:
        asked = _requests(pane.renderer)
        for go in (lambda: pane.show_page(2), pane.previous_page,
                   lambda: pane.show_page(0, [], QRectF(50, 90, 60, 15))):
            asked.clear()
            go()
            shown = set(pane.visible_pages())
            assert len(asked) == 1 and shown <= asked[0]


def test_opening_a_document_asks_the_renderer_once_for_the_page_asked_for(qtbot,
                                                                         tmp_path: Path):
    pdf = _three_pages(tmp_path)
    with open_window(qtbot, small_bitext(1)) as window:
        pane, renderer = window.pdf, window.renderer
        asked = _requests(renderer)
        mark = QRectF(50, 90, 60, 15)
        on_opening: list[tuple[list[set[int]], set[int], bool]] = []

        def opened(path: str) -> None:  # connected after the pane: sees what it just did
            top = pane.scroll_area.verticalScrollBar().value()
            view = pane.canvas.to_view(mark, 2)
            in_view = top <= view.top() and view.bottom() <= top + pane.visible_rect().height()
            on_opening.append((list(asked), set(pane.visible_pages()), in_view))

        renderer.document_ready.connect(opened)
        pane.show_document(str(pdf), pdf.name)
        pane.show_page(2, [], mark)  # asked for while the document is still opening
        assert asked == []
        qtbot.waitUntil(lambda: bool(on_opening), timeout=10_000)
        requests, shown, mark_in_view = on_opening[0]
        assert mark_in_view and 2 in shown
        assert len(requests) == 1 and shown <= requests[0]
