"""``bitext-editor --smoke-test OUT``: prove a (frozen) build works, then quit.

Opens the bundled sample through the real import-and-align path of the window, waits
for it, exports a TMX and a DOCX into ``OUT`` and quits with status 0; any failure or a
stall longer than :data:`TIME_LIMIT` quits with status 1 and says why on stderr.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

TIME_LIMIT = 180.0


class SmokeTest:
    def __init__(self, window: Any, out: Path) -> None:
        self.window = window
        self.out = out
        self.started = time.monotonic()
        self.timer = QTimer(window)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        from editor.gui.files import sample_path

        sample = sample_path()
        if not sample.is_file():
            self.finish(1, f"the bundled sample is missing: {sample}")
            return
        self.window.files.import_documents([str(sample)], cache=False)
        self.timer.start()

    def poll(self) -> None:
        if time.monotonic() - self.started > TIME_LIMIT:
            self.finish(1, f"the sample was not aligned within {TIME_LIMIT:.0f} s")
            return
        bitext = self.window.session.bitext
        if self.window.files.job is not None or not bitext.links:
            return
        self.timer.stop()
        try:
            self.export(bitext)
        except Exception as exc:  # report, do not hang: this is the test's verdict
            self.finish(1, f"export failed: {exc}")
            return
        self.finish(0, f"aligned {len(bitext.links)} links; wrote {self.out}")

    def export(self, bitext: Any) -> None:
        from editor.core.export import export_bitext

        self.out.mkdir(parents=True, exist_ok=True)
        export_bitext(bitext, self.out / "sample.tmx", "tmx")
        export_bitext(bitext, self.out / "sample.docx", "docx")

    def finish(self, code: int, message: str) -> None:
        self.timer.stop()
        print(f"smoke test: {message}", file=sys.stderr if code else sys.stdout, flush=True)
        self.window.session.undo_stack.setClean()  # nothing to ask about on close
        QApplication.instance().exit(code)  # type: ignore[union-attr]


def run(window: Any, out: str) -> SmokeTest:
    test = SmokeTest(window, Path(out))
    QTimer.singleShot(0, test.start)
    return test


def report_ready(window: Any) -> QTimer:
    """``--report-ready``: print "ready" once the window shows a document, then quit.

    Benchmarks time the cold start from launch to that line; the document is whatever
    a normal start opens (the sample, through its shipped alignment when present).
    """
    timer = QTimer(window)
    timer.setInterval(10)
    started = time.monotonic()

    def poll() -> None:
        if window.session.bitext.links and window.files.job is None:
            timer.stop()
            QApplication.processEvents()  # the first paint of the rows
            print(f"ready {time.monotonic() - started:.3f}", flush=True)
            window.session.undo_stack.setClean()
            QApplication.instance().exit(0)  # type: ignore[union-attr]
        elif time.monotonic() - started > TIME_LIMIT:
            timer.stop()
            print("smoke test: no document became ready", file=sys.stderr, flush=True)
            QApplication.instance().exit(1)  # type: ignore[union-attr]

    timer.timeout.connect(poll)
    timer.start()
    return timer
