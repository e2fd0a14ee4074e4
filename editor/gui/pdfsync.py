"""Keep the PDF pane and the text panes in step.

The focused sentence decides which document and page the pane shows (with a pair of
PDFs, the focused side's document, or the other one after *Show the Other Document*)
and which rectangles are marked: Chinese and English in their own colours. A click on
the page finds the sentence whose rectangle holds the point and focuses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF

from editor.core.model import LANGS, Link, RectTuple, other_lang
from editor.gui.pdfpane import EN_COLOUR, ZH_COLOUR, Highlight

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfSync", text)


class PdfSync:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        window.pdf.clicked.connect(self.on_click)

    def show_focus(self) -> None:
        """Show the focused side's document and page with the link's sentences marked."""
        w = self.w
        if w.focus is None:
            return
        row, lang, k = w.focus
        bt = w.session.bitext
        link = bt.links[row]
        # Show the Other Document does something only with a pair of PDFs
        w.pdf.switch_button.setEnabled(sum(s.kind == "pdf" for s in bt.sources) > 1)
        shown_lang = other_lang(lang) if w.pdf_other_side else lang
        ids = link.side(shown_lang) or link.side(other_lang(shown_lang))
        anchor = ids[k if shown_lang == lang and k < len(ids) else 0] if ids else None
        provenance = bt.sentences[anchor].provenance if anchor else None
        if anchor is None or provenance is None or provenance.source is None:
            w.pdf.show_document(None, "", _tr("This sentence has no place in a source PDF."))
            return
        path, label, problem = w.files.pdf_for(provenance.source)
        w.pdf.show_document(path, label, problem)
        if path is None or provenance.page is None:
            return
        marks, focus = self.highlights(link, provenance.source, provenance.page, anchor)
        w.pdf.show_page(provenance.page, marks, focus)

    def highlights(self, link: Link, source: str, page: int, focus_sid: str
                   ) -> tuple[list[Highlight], QRectF | None]:
        """The link's rectangles on that page, and the focused sentence's outline."""
        bt = self.w.session.bitext
        out: list[Highlight] = []
        focus: QRectF | None = None
        for lang, colour in zip(LANGS, (ZH_COLOUR, EN_COLOUR), strict=True):
            for sid in link.side(lang):
                prov = bt.sentences[sid].provenance
                if prov is None or prov.source != source or prov.page != page:
                    continue
                for x0, y0, x1, y1 in prov.rects:
                    rect = QRectF(x0, y0, x1 - x0, y1 - y0)
                    out.append(Highlight(rect, colour))
                    if sid == focus_sid:
                        focus = rect if focus is None else focus.united(rect)
        return out, focus

    def on_click(self, path: str, page: int, point: QPointF) -> None:
        sid = self.sentence_at(path, page, point.x(), point.y())
        if sid is None:
            return
        from editor.core.ops import locate

        row, lang, k = locate(self.w.session.bitext, sid)
        self.w.pdf_other_side = False
        self.w.select_row(row, lang, k)

    def sentence_at(self, path: str, page: int, x: float, y: float) -> str | None:
        """The sentence whose rectangle on that page holds the point (the smallest wins)."""
        best: tuple[float, str] | None = None
        for (x0, y0, x1, y1), sid in self._page_rects(path, page):
            if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
                area = (x1 - x0) * (y1 - y0)
                if best is None or area < best[0]:
                    best = (area, sid)
        return best[1] if best else None

    def _page_rects(self, path: str, page: int) -> list[tuple[RectTuple, str]]:
        """Every sentence rectangle on one page (one pass over the sentences per click)."""
        bt = self.w.session.bitext
        ids = {sid for sid, p in self.w.files.source_paths.items()
               if p is not None and str(p) == path}
        return [(r, s.id) for s in bt.sentences.values()
                if s.provenance is not None and s.provenance.source in ids
                and s.provenance.page == page for r in s.provenance.rects]
