"""Paragraphs of a plain-text file.

Blank lines separate paragraphs. Within a block of lines, a line break also ends a
paragraph when the line ends a sentence, is clearly shorter than the block's wrap
width, or the next line is in the other language (a bilingual file often puts an
English line and its Chinese line one under the other); otherwise the line was just
wrapped and is re-joined. An indented line starts a paragraph (Chinese text files mark
paragraphs with "　　"), unless every line is indented.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from editor.core.extract.text_common import RawBlock, clean_inline, join_lines
from editor.core.model import Lang
from editor.core.script import detect_lang

_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
#: A line ending a sentence may end its paragraph; ")" or ";" alone may not (the
#: sentence would be cut in two).
_ENDS_PARAGRAPH = regex.compile(r"[.!?。！？…][”」』’\"')）]*\s*$")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•·]\s|\(?[0-9]{1,3}[.)、]\s?|\([a-zA-Z]\)\s)")
_INDENT = regex.compile(r"^(?:\u3000|[ \t]{2,})")  # "　　" opens a Chinese paragraph
SHORT_LINE = 0.6  # of the wrap width: a line this short ended its paragraph


def plain_blocks(text: str) -> list[RawBlock]:
    blocks = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    for chunk in _BLANK_LINE.split(text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        for paragraph in unwrap(lines):
            cleaned = clean_inline(paragraph)
            if cleaned:
                blocks.append(RawBlock(cleaned))
    return blocks


def unwrap(lines: Sequence[str]) -> list[str]:
    """Group wrapped lines into paragraphs and re-join each."""
    langs = [detect_lang(line) for line in lines]
    widths = _widths(lines, langs)
    indents = [bool(_INDENT.match(line)) for line in lines]
    mark_paragraphs = any(indents) and not all(indents)
    paragraphs: list[list[str]] = []
    for k, line in enumerate(lines):
        if k == 0 or (mark_paragraphs and indents[k]) or _breaks_before(lines, langs, widths, k):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [join_lines(group) for group in paragraphs]


def _widths(lines: Sequence[str], langs: Sequence[Lang | None]) -> dict[Lang | None, int]:
    widths: dict[Lang | None, int] = {}
    for line, lang in zip(lines, langs, strict=True):
        widths[lang] = max(widths.get(lang, 0), len(line.strip()))
    return widths


def _breaks_before(lines: Sequence[str], langs: Sequence[Lang | None],
                   widths: dict[Lang | None, int], k: int) -> bool:
    previous = lines[k - 1].strip()
    if langs[k] is not None and langs[k - 1] is not None and langs[k] != langs[k - 1]:
        return True
    if _ENDS_PARAGRAPH.search(previous) or _LIST_ITEM.match(lines[k]):
        return True
    return len(previous) < SHORT_LINE * widths[langs[k - 1]]
