"""Fonts: make sure Chinese never renders as boxes, and the user's per-pane choice.

When the system has no CJK font family (a bare Linux box, a CI runner), the Droid Sans
Fallback font PyMuPDF carries is registered with Qt from memory; nothing is written to
disk and nothing is installed.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from editor.core.model import Lang
from editor.gui import settings

log = logging.getLogger(__name__)

CJK_HINTS = ("CJK", "Hei", "Song", "Ming", "Kai", "Fallback", "WenQuanYi", "YaHei",
             "PingFang", "Hiragino", "Noto Sans TC", "Noto Sans SC", "Source Han")
_registered: list[str] = []


def cjk_families() -> list[str]:
    """Installed families that can write Traditional and Simplified Chinese."""
    out = []
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese):
        if family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            out.append(family)
    return out


def ensure_cjk_font() -> str | None:
    """Return a CJK family, registering PyMuPDF's fallback font when none is installed."""
    families = cjk_families()
    if families:
        preferred = [f for f in families if any(h in f for h in CJK_HINTS)]
        return (preferred or families)[0]
    if _registered:
        return _registered[0]
    try:
        import pymupdf

        data = pymupdf.Font("cjk").buffer
    except Exception as exc:  # PyMuPDF built without its CJK font
        log.warning("no CJK font available: %s", exc)
        return None
    font_id = QFontDatabase.addApplicationFontFromData(bytes(data))
    loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not loaded:
        log.warning("Qt refused PyMuPDF's CJK font")
        return None
    _registered.extend(loaded)
    log.info("registered PyMuPDF's CJK font as %s", loaded[0])
    return loaded[0]


def pane_font(lang: Lang) -> QFont:
    """The user's font for a pane, or the application font (with a CJK family for zh)."""
    stored = settings.get(f"fonts/{lang}")
    font = QFont()
    if stored and font.fromString(stored):
        return font
    font = QFont()
    if lang == "zh":
        family = ensure_cjk_font()
        if family:
            font.setFamilies([family, *font.families()])
    return font
