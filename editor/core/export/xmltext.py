"""Escaping for the XML formats we write by hand (TMX, XLIFF, the DOCX table).

Writing the markup as text keeps a 50,000-link export fast and streaming; these two
functions are the only place that decides what must become an entity. Text reaching
them has already been through :func:`editor.core.export.common.clean`, so it holds no
character XML 1.0 forbids. A carriage return is written as ``&#13;`` because an XML
parser would otherwise turn it into a line feed.
"""

from __future__ import annotations

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})


def text(value: str) -> str:
    """Element content, ``]]>`` included (its ``>`` is escaped)."""
    return value.translate(_TEXT)


def attr(value: str) -> str:
    """A double-quoted attribute value, whitespace kept exactly."""
    return value.translate(_ATTR)


def element(tag: str, value: str, **attrs: str) -> str:
    """``<tag a="…">value</tag>`` (attribute names with ``_`` become ``:``)."""
    rendered = "".join(f' {k.replace("_", ":")}="{attr(v)}"' for k, v in attrs.items())
    return f"<{tag}{rendered}>{text(value)}</{tag}>"
