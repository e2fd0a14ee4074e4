"""One schema for every user setting, read and written through :class:`QSettings`.

Each :class:`Setting` names its key, type, default and purpose; :func:`get` converts
what QSettings returns (strings on some platforms) back to that type and falls back to
the default when a stored value is corrupt, so a damaged settings file never stops the
application from starting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from editor.core.model import LANGS
from editor.core.segment_exceptions import ExceptionLists, normalized_quietly

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


SCHEMA: dict[str, Setting] = {s.key: s for s in (
    Setting("ui/language", str, "", "UI language: '' follows the system, or en, zh_CN, zh_TW"),
    Setting("ui/geometry", bytes, b"", "main window geometry"),
    Setting("ui/state", bytes, b"", "main window dock/toolbar state"),
    Setting("ui/splitter", list, [], "sizes of the PDF pane and the text panes"),
    Setting("fonts/zh", str, "", "font of the Chinese pane (QFont.toString(); '' = default)"),
    Setting("fonts/en", str, "", "font of the English pane (QFont.toString(); '' = default)"),
    # Confidences are calibrated (see editor.core.align.confidence): below 0.75 a link
    # is wrong about one time in three, and about a tenth of the links of MAC-Dev's
    # literary chapters fall there.
    Setting("review/threshold", float, 0.75, "links below this confidence count as doubtful"),
    Setting("files/recent", list, [], "recently opened files, newest first"),
    Setting("files/autosave_seconds", int, 30,
            "how often unsaved work goes to the recovery file (1–30 s)"),
    Setting("shortcuts", dict, {}, "user key sequences by action id (overrides defaults)"),
    Setting("export/format", str, "tmx", "the export format chosen last"),
    Setting("export/open_result", bool, False, "open an export in the system viewer"),
    Setting("pdf/zoom", str, "fit-width", "PDF zoom: fit-width, fit-page or a factor"),
    Setting("segment/exceptions_en", list, [],
            "English segmentation exceptions: additions to the built-in list, '-X.' "
            "removes a built-in entry (editor.core.segment_exceptions)"),
    Setting("segment/exceptions_zh", list, [],
            "Chinese segmentation exceptions, in the same form"),
)}


def store() -> QSettings:
    """The application's settings store (organisation and app names set in app.main)."""
    return QSettings()


def get(key: str, settings: QSettings | None = None) -> Any:
    spec = SCHEMA[key]
    raw = (settings or store()).value(key, spec.default)
    try:
        return _convert(spec, raw)
    except (TypeError, ValueError) as exc:
        log.warning("setting %s is corrupt (%s); using the default", key, exc)
        return spec.default


def put(key: str, value: Any, settings: QSettings | None = None) -> None:
    spec = SCHEMA[key]
    (settings or store()).setValue(key, _convert(spec, value))


def segmentation_exceptions(settings: QSettings | None = None) -> ExceptionLists:
    """The user's exception changes per language, cleaned (an entry a newer rule refuses
    is dropped with a log message rather than stopping an import)."""
    return {lang: normalized_quietly((str(v) for v in get(f"segment/exceptions_{lang}",
                                                           settings)), lang)
            for lang in LANGS}


def put_segmentation_exceptions(lists: ExceptionLists,
                                settings: QSettings | None = None) -> None:
    for lang in LANGS:
        put(f"segment/exceptions_{lang}", list(lists.get(lang, [])), settings)


def _convert(spec: Setting, raw: Any) -> Any:
    if raw is None:
        return spec.default
    if spec.type is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true", "yes"}
    if spec.type is list:
        if isinstance(raw, str):
            return [raw]
        return list(raw)
    if spec.type is dict:
        if not isinstance(raw, dict):
            raise TypeError(f"expected a mapping, got {type(raw).__name__}")
        return {str(k): str(v) for k, v in raw.items()}
    if spec.type is bytes:
        return bytes(raw)
    return spec.type(raw)
