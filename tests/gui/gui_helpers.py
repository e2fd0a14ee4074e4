"""Shared helpers for GUI tests: open a window on a bitext, press keys on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.model import Bitext, Provenance, Source, make_sentences
from editor.gui.mainwindow import MainWindow


@contextmanager
def open_window(qtbot: object, bitext: Bitext, name: str = "test",
                sources: dict[str, Path | None] | None = None) -> Iterator[MainWindow]:
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    window.set_bitext(bitext, None, {}, name, sources or {})
    window.view.setFocus()
    QApplication.processEvents()
    try:
        yield window
    finally:
        window.session.undo_stack.setClean()
        window.close()


def press(window: MainWindow, keys: str) -> None:
    """Type a key sequence ("Ctrl+M") at whatever has focus, as a user would."""
    sequence = QKeySequence(keys)
    combo = sequence[0]
    target = QApplication.focusWidget() or window.view
    QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


def type_text(text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClicks(target, text)


def key(k: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, k)
    QApplication.processEvents()


def small_bitext(n: int = 12, source: Source | None = None) -> Bitext:
    """n one-to-one links with growing confidence; sentence texts name their number."""
    zh = make_sentences("zh", [f"第{i}句，測試文字。" for i in range(n)])
    en = make_sentences("en", [f"Sentence {i} of the test." for i in range(n)])
    beads = [((i,), (i,)) for i in range(n)]
    return Bitext.from_beads(zh, en, beads, sources=[source] if source else [],
                             confidences=[round(i / n, 3) for i in range(n)])


def pdf_bitext(tmp_path: Path) -> tuple[Bitext, Path]:
    """A two-column PDF made here, and a bitext whose sentences point at its lines."""
    import pymupdf

    path = tmp_path / "two-columns.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    zh_texts = ["第一句。", "第二句。", "第三句。"]
    en_texts = ["First sentence.", "Second sentence.", "Third sentence."]
    zh_prov, en_prov = [], []
    for i, (zt, et) in enumerate(zip(zh_texts, en_texts, strict=True)):
        y = 100 + 40 * i
        page.insert_text((50, y), zt, fontname="china-t", fontsize=12)
        page.insert_text((320, y), et, fontsize=12)
        zh_prov.append(Provenance("s1", 0, ((50.0, y - 12.0, 110.0, y + 3.0),)))
        en_prov.append(Provenance("s1", 0, ((320.0, y - 12.0, 420.0, y + 3.0),)))
    doc.save(path)
    doc.close()
    source = Source("s1", str(path), kind="pdf", languages=("zh", "en"))
    zh = make_sentences("zh", zh_texts, provenances=zh_prov)
    en = make_sentences("en", en_texts, provenances=en_prov)
    bt = Bitext.from_beads(zh, en, [((i,), (i,)) for i in range(3)], sources=[source],
                           confidences=[0.9, 0.3, 0.8])
    return bt, path
