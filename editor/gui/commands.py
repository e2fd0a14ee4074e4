"""Undo commands: each wraps one core :class:`~editor.core.edits.Edit`.

``redo`` applies the edit through the model (which emits row signals) and keeps the
inverse the core returns; ``undo`` applies that inverse. Commands never touch widgets;
views follow the model's signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.model import Bitext
from editor.gui.linkmodel import LinkTableModel

Planner = Callable[[Bitext], Edit]


def tr_label(label: str) -> str:
    return QCoreApplication.translate("edits", label)


class EditCommand(QUndoCommand):
    def __init__(self, model: LinkTableModel, edit: Edit, rows: tuple[int, ...] = (),
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr_label(edit.label), parent)
        self._model = model
        self._edit = edit
        self._rows = rows
        self._inverse: Edit | None = None

    @property
    def edit(self) -> Edit:
        return self._edit

    def redo(self) -> None:
        self._inverse = self._model.apply_edit(self._edit, self._rows)

    def undo(self) -> None:
        assert self._inverse is not None
        self._model.apply_edit(self._inverse, self._rows)


class EditSession(QObject):
    """A bitext being edited: its model, its undo stack, and how edits get pushed.

    Planning errors (an impossible request) come back as :attr:`refused` messages, not
    exceptions, since they are an everyday answer to a keystroke, not a failure.
    """

    refused = Signal(str)

    def __init__(self, bitext: Bitext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = LinkTableModel(bitext, self)
        self.undo_stack = QUndoStack(self)

    @property
    def bitext(self) -> Bitext:
        return self.model.bitext

    def perform(self, planner: Planner, rows: tuple[int, ...] = ()) -> bool:
        """Plan one edit against the current state and push it; False when refused."""
        try:
            edit = planner(self.bitext)
        except OperationError as exc:
            self.refused.emit(str(exc))
            return False
        self.undo_stack.push(EditCommand(self.model, edit, rows))
        return True

    def perform_all(self, label: str, steps: Sequence[tuple[Planner, tuple[int, ...]]]) -> bool:
        """Several edits as one undo step; rolled back entirely if one is refused.

        Each step is planned against the state the previous ones left, so they are
        applied while planning; only a complete group reaches the undo stack, so a
        refused group leaves nothing behind to redo.
        """
        if not steps:
            return False
        if len(steps) == 1:
            return self.perform(*steps[0])
        group = AppliedGroup(tr_label(label))
        done: list[EditCommand] = []
        for planner, rows in steps:
            try:
                edit = planner(self.bitext)
            except OperationError as exc:
                for command in reversed(done):
                    command.undo()
                self.refused.emit(str(exc))
                return False
            command = EditCommand(self.model, edit, rows)
            command.redo()
            done.append(command)
        group.keep(done)
        self.undo_stack.push(group)
        return True


class AppliedGroup(QUndoCommand):
    """Commands already applied when the group is pushed: the stack's first ``redo`` is
    skipped; later ones (after an undo) redo them in order. The commands are plain
    members, not Qt children, so Python alone owns them."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied = True
        self._commands: list[EditCommand] = []

    def keep(self, commands: list[EditCommand]) -> None:
        self._commands = list(commands)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        for command in self._commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self._commands):
            command.undo()
