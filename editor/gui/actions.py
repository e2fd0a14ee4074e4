"""Every user action declared once: id, menu, text, default shortcut, objectName.

Menus, the Keyboard Shortcuts dialog and the tests all read :data:`ACTIONS`; the main
window connects each id to a handler. User shortcuts are stored in settings by id and
override the defaults here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from editor.gui import settings


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    menu: str
    text: str
    shortcut: str = ""
    checkable: bool = False
    tip: str = ""

    @property
    def object_name(self) -> str:
        return "action_" + self.id


def _a(id: str, menu: str, text: str, shortcut: str = "", checkable: bool = False,
       tip: str = "") -> ActionSpec:
    return ActionSpec(id, menu, text, shortcut, checkable, tip)


# The strings are wrapped by QT_TRANSLATE_NOOP-style extraction: lupdate reads the
# ``_a(...)`` calls through the translate context "actions" (see resources/i18n).
ACTIONS: tuple[ActionSpec, ...] = (
    _a("open", "file", "&Open…", "Ctrl+O", tip="Open a project, a bundle or documents"),
    _a("import", "file", "&Import Documents…", "Ctrl+I",
       tip="Import one bilingual PDF, a pair of documents or text files"),
    _a("open_sample", "file", "Open the &Sample"),
    _a("save", "file", "&Save", "Ctrl+S"),
    _a("save_as", "file", "Save &As…", "Ctrl+Shift+S"),
    _a("save_bundle", "file", "Save &Bundle…", "Ctrl+Alt+S",
       tip="One file holding the project and its source documents"),
    _a("export", "file", "&Export…", "Ctrl+E"),
    _a("quit", "file", "&Quit", "Ctrl+Q"),
    _a("undo", "edit", "&Undo", "Ctrl+Z"),
    _a("redo", "edit", "&Redo", "Ctrl+Shift+Z"),
    _a("edit_sentence", "edit", "&Edit Sentence", "F2"),
    _a("show_original", "edit", "Show &Original Text", "Ctrl+Shift+O", checkable=True),
    _a("restore_original", "edit", "Restore O&riginal Text", "Ctrl+Alt+O"),
    _a("find", "edit", "&Find and Replace…", "Ctrl+F"),
    _a("find_next", "edit", "Find &Next", "F3"),
    _a("find_previous", "edit", "Find Pre&vious", "Shift+F3"),
    _a("replace_all", "edit", "Replace &All", "Ctrl+Shift+H"),
    _a("goto", "edit", "&Go to Link…", "Ctrl+G"),
    _a("next_sentence", "edit", "Next Sen&tence", "Alt+Down",
       tip="Move to the next sentence of this side (inside a link first)"),
    _a("previous_sentence", "edit", "Previous Sent&ence", "Alt+Up"),
    _a("merge", "align", "&Merge with Next Link", "Ctrl+M"),
    _a("split_link", "align", "&Split Link After Sentence", "Ctrl+Shift+M"),
    _a("shift_up", "align", "Shift First Sentence &Up", "Ctrl+Up"),
    _a("shift_down", "align", "Shift Last Sentence &Down", "Ctrl+Down"),
    _a("insert_empty", "align", "&Insert Empty Counterpart", "Ctrl+Shift+E"),
    _a("delete_empty", "align", "&Delete Empty Counterpart", "Ctrl+Shift+D"),
    _a("split_sentence", "align", "Split Sentence at &Cursor", "Alt+Return"),
    _a("join_sentence", "align", "&Join Sentence with Next", "Ctrl+J"),
    _a("swap", "align", "S&wap Text with Next Link", "Ctrl+Shift+W",
       tip="Swap the focused side's text with the next link's (a reordered translation)"),
    _a("realign_selection", "align", "&Re-align Selection", "Ctrl+R"),
    _a("realign_rest", "align", "Re-align &Everything After This Link", "Ctrl+Shift+R"),
    _a("confirm_next", "review", "&Confirm and Go to Next Unconfirmed", "Ctrl+Return"),
    _a("unconfirm", "review", "&Unconfirm", "Ctrl+U"),
    _a("next_doubtful", "review", "&Next Doubtful Link", "F8"),
    _a("previous_doubtful", "review", "&Previous Doubtful Link", "Shift+F8"),
    _a("lowest_confidence", "review", "&Lowest Confidence Unconfirmed Link", "Ctrl+F8"),
    _a("bookmark", "review", "Toggle &Bookmark", "Ctrl+B"),
    _a("next_bookmark", "review", "Next Boo&kmark", "F9"),
    _a("previous_bookmark", "review", "Previous Bookm&ark", "Shift+F9"),
    _a("note", "review", "Edit N&ote…", "Ctrl+Shift+N"),
    _a("filter_unconfirmed", "filter", "&Unconfirmed", "Alt+1", checkable=True),
    _a("filter_low", "filter", "&Low Confidence", "Alt+2", checkable=True),
    _a("filter_edited", "filter", "&Edited", "Alt+3", checkable=True),
    _a("filter_empty", "filter", "&1-0 and 0-1", "Alt+4", checkable=True),
    _a("filter_notes", "filter", "With &Notes", "Alt+5", checkable=True),
    _a("filter_search", "filter", "&Search Results", "Alt+6", checkable=True),
    _a("filter_bookmarks", "filter", "&Bookmarked", "Alt+7", checkable=True),
    _a("filter_clear", "filter", "Show &All Links", "Alt+0"),
    _a("zoom_in", "view", "Zoom &In", "Ctrl++"),
    _a("zoom_out", "view", "Zoom &Out", "Ctrl+-"),
    _a("fit_width", "view", "Fit &Width", "Ctrl+0"),
    _a("fit_page", "view", "Fit &Page", "Ctrl+Alt+0"),
    _a("next_page", "view", "Ne&xt Page", "Ctrl+PgDown"),
    _a("previous_page", "view", "Pre&vious Page", "Ctrl+PgUp"),
    _a("switch_document", "view", "Show the &Other Document", "F4",
       tip="With a pair of PDFs, show the other language's document"),
    _a("shortcuts", "settings", "&Keyboard Shortcuts…", "Ctrl+Alt+K"),
    _a("preferences", "settings", "&Preferences…", "Ctrl+,"),
    _a("about", "help", "&About Bitext Editor"),
)

MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"), ("edit", "&Edit"), ("align", "&Align"), ("review", "&Review"),
    ("filter", "F&ilter"), ("view", "&View"), ("settings", "&Settings"), ("help", "&Help"),
)

BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}


def menu_title(menu: str) -> str:
    return QCoreApplication.translate("menus", dict(MENUS)[menu])


def user_shortcuts() -> dict[str, str]:
    """Shortcuts the user changed, by action id (only known ids are kept)."""
    stored = settings.get("shortcuts")
    return {k: v for k, v in stored.items() if k in BY_ID}


def effective_shortcut(spec: ActionSpec, overrides: dict[str, str]) -> str:
    return overrides.get(spec.id, spec.shortcut)


def build_actions(parent: QObject, handlers: dict[str, Callable[[], object]]
                  ) -> dict[str, QAction]:
    """Create one QAction per spec, wired to ``handlers[id]`` when present."""
    overrides = user_shortcuts()
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(_tr(spec.text), parent)
        action.setObjectName(spec.object_name)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
        action.setShortcut(QKeySequence(effective_shortcut(spec, overrides)))
        handler = handlers.get(spec.id)
        if handler is not None:
            action.triggered.connect(handler)
        actions[spec.id] = action
    return actions


def retranslate_actions(actions: dict[str, QAction]) -> None:
    """Texts in the current UI language (after the user switched it)."""
    for spec in ACTIONS:
        actions[spec.id].setText(_tr(spec.text))
        if spec.tip:
            actions[spec.id].setStatusTip(_tr(spec.tip))


def apply_shortcuts(actions: dict[str, QAction], overrides: dict[str, str]) -> None:
    for spec in ACTIONS:
        actions[spec.id].setShortcut(QKeySequence(effective_shortcut(spec, overrides)))


def specs_of(menu: str) -> Iterable[ActionSpec]:
    return (spec for spec in ACTIONS if spec.menu == menu)
