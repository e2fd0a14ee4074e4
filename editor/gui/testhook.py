"""A scripted session for tests that must run the real application in a child process.

Only active when ``BITEXT_TEST_SCRIPT`` names a JSON file; a real user never sets it.
The script says how many edits to make after start-up (each pushed through the undo
stack, as the fix actions do), where to write the resulting document (so the parent can
compare it with what a later start recovers) and a few facts about the window, and
whether to quit afterwards. The
crash-recovery test uses it to kill the app after real edits and check the next start.
"""

from __future__ import annotations

import json
import logging
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from editor.core import ops
from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.model import Bitext
from editor.core.project import save_project

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
ENV = "BITEXT_TEST_SCRIPT"


def script() -> dict[str, Any] | None:
    path = os.environ.get(ENV)
    if not path:
        return None
    return dict(json.loads(Path(path).read_text(encoding="utf-8")))


def run(window: MainWindow) -> None:
    """Apply the scripted edits, write the state the parent expects, maybe quit."""
    spec = script()
    if spec is None:
        return
    session = window.session
    for i in range(int(spec.get("edits", 0))):
        session.perform(partial(_scripted_edit, i=i))
    state = spec.get("state")
    if state:
        save_project(session.bitext, Path(state), {}, backup=False)
    report = spec.get("report")
    if report:  # what the user would see: is it unsaved, where would Save write
        facts = {"modified": not session.undo_stack.isClean(), "title": window.windowTitle(),
                 "path": str(window.files.path) if window.files.path else ""}
        Path(report).write_text(json.dumps(facts), encoding="utf-8")
    log.info("test script: %d edits done", session.undo_stack.index())
    if spec.get("quit"):
        QApplication.exit(0)


def _scripted_edit(bt: Bitext, i: int) -> Edit:
    """Edit i: alternately merge a link with the next, reword a sentence, confirm a link."""
    row = i % max(len(bt.links) - 1, 1)
    kind = i % 3
    if kind == 0:
        return ops.merge_with_next(bt, row)
    link = bt.links[row]
    if kind == 1 and (link.zh or link.en):
        sid = (link.zh or link.en)[0]
        return ops.edit_text(bt, sid, f"{bt.sentences[sid].text} [{i}]")
    if kind == 2 or not (link.zh or link.en):
        return ops.set_status(bt, row, row + 1,
                              "auto" if link.status == "confirmed" else "confirmed")
    raise OperationError("nothing to edit")
