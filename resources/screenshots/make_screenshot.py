"""Render ``main-window.png``: the three panes on the bundled sample, a sentence selected
and highlighted on the page, the first links confirmed, a bookmark and a note.

Run: ``QT_QPA_PLATFORM=offscreen python resources/screenshots/make_screenshot.py [OUT.png]``
(an X server or Xvfb works too). Settings and caches go to a temporary folder, so the
picture does not depend on the user's fonts or window sizes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "main-window.png"


def _private_home() -> None:
    home = tempfile.mkdtemp(prefix="bitext-screenshot-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(Path(home) / var.lower())


def _settle(app: object, seconds: float, until: object = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until and until()):  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def shoot(out: Path = OUT) -> Path:
    from functools import partial

    from editor.core import ops
    from editor.gui.app import make_app
    from editor.gui.files import sample_path
    from editor.gui.fonts import ensure_cjk_font
    from editor.gui.mainwindow import MainWindow

    app = make_app()
    ensure_cjk_font()
    window = MainWindow()
    window.resize(1440, 820)
    window.show()
    window.files.import_documents([str(sample_path())], cache=True)
    _settle(app, 120, lambda: window.files.job is None and window.session.bitext.links)
    session = window.session
    session.perform(partial(ops.set_status, start=0, stop=4, status="confirmed"))
    session.perform(partial(ops.set_flag, i=6, flag="bookmark", on=True))
    session.perform(partial(ops.set_note, i=7, note="Check the term 新質生產力"))
    window.select_row(5, "zh")
    _settle(app, 10, lambda: window.pdf.canvas.image is not None)
    _settle(app, 1.0)
    window.grab().save(str(out))
    session.undo_stack.setClean()
    window.close()
    window.renderer.shutdown()
    return out


if __name__ == "__main__":
    _private_home()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
