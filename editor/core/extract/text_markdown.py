"""Paragraphs of a Markdown file, without its code.

Block structure is read line by line (CommonMark's common subset): fenced and indented
code blocks, HTML comments and YAML front matter are left out of both languages;
headings, list items, block quotes and table cells become paragraphs; inline markup
(links, emphasis, inline code, HTML tags) is reduced to its text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from editor.core.extract.text_common import RawBlock, clean_inline, join_lines

_FRONT_MATTER = regex.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", regex.S)
_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
_FENCE = regex.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT_RULE = regex.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = regex.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_BULLET = regex.compile(r"^\s{0,3}(?:[-*+]\s+|([0-9]{1,9}[.)])\s+)")
_QUOTE = regex.compile(r"^\s{0,3}>\s?")
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INDENTED = regex.compile(r"^(?: {4}|\t)")

# Inline spans are bounded (no link, image, tag or code span is longer than this), so a
# paragraph full of unmatched "[a](" or "`" is read in linear time, not quadratic.
_SPAN = 400
_IMAGE = regex.compile(rf"!\[([^\]]{{0,{_SPAN}}})\]\([^)]{{0,{_SPAN}}}\)")
_LINK = regex.compile(rf"\[([^\]]{{1,{_SPAN}}})\](?:\([^)]{{0,{_SPAN}}}\)|\[[^\]]{{0,{_SPAN}}}\])")
_AUTOLINK = regex.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_TAG = regex.compile(rf"</?[A-Za-z][^<>]{{0,{_SPAN}}}>")
_CODE_SPAN = regex.compile(rf"(`+)(.{{1,{_SPAN}}}?)\1")
# Emphasis markers open a word ("**bold", "_it") or close one ("bold**", "it_"); a
# marker inside a word (snake_case, 2*3) or between spaces (a * b) is text.
_EMPHASIS_OPEN = regex.compile(r"(?<![^\s(\[\"'“‘])(?:\*{1,3}|_{1,3})(?=[^\s*_])")
_EMPHASIS_CLOSE = regex.compile(r"(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![\w*])")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def markdown_blocks(text: str) -> list[RawBlock]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _COMMENT.sub("", _FRONT_MATTER.sub("", text, count=1))
    lines = text.split("\n")
    return [RawBlock(t) for t in (clean_inline(inline_text(p)) for p in _paragraphs(lines))
            if t]


def inline_text(text: str) -> str:
    """The readable text of one paragraph of inline Markdown.

    Code spans keep their content as written ("`*T`" stays "*T"); elsewhere tags,
    emphasis markers and escapes are removed.
    """
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    parts, pos = [], 0
    for code in _CODE_SPAN.finditer(text):
        parts += [_prose(text[pos:code.start()]), code.group(2).strip()]
        pos = code.end()
    parts.append(_prose(text[pos:]))
    return "".join(parts)


def _prose(text: str) -> str:
    """Inline text outside code: HTML tags, emphasis markers and escapes removed."""
    text = _TAG.sub("", text)
    text = _EMPHASIS_OPEN.sub("", text)
    text = _EMPHASIS_CLOSE.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def _paragraphs(lines: Sequence[str]) -> Iterator[str]:
    """Raw paragraph texts in order, code blocks dropped."""
    current: list[str] = []
    fence: str | None = None
    list_indent: int | None = None  # content column of the list item being read
    for k, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            yield from _flush(current)
            fence = opening.group(1)
            continue
        after_blank = k > 0 and not lines[k - 1].strip()
        if line.strip():
            list_indent = _list_indent(line, list_indent, after_blank)
            if list_indent is not None and after_blank and _indent(line) < list_indent + 4:
                line = line.lstrip()  # a further paragraph of the list item, not code
        yield from _block_line(line, current, after_blank)
    yield from _flush(current)


def _list_indent(line: str, previous: int | None, after_blank: bool) -> int | None:
    """Where the current list item's content starts, or ``None`` outside lists.

    A paragraph indented to (at least) that column after a blank line continues the
    item (CommonMark); only four columns more make it code. A line starting left of
    it after a blank line ends the list.
    """
    bullet = _BULLET.match(line)
    if bullet:
        return len(line[:bullet.end()].expandtabs(4))
    if previous is not None and after_blank and _indent(line) < previous:
        return None
    return previous


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _block_line(line: str, current: list[str], after_blank: bool) -> Iterator[str]:
    """Handle one line outside code fences, appending to or flushing ``current``."""
    if not line.strip():
        yield from _flush(current)
        return
    if _INDENTED.match(line) and after_blank and not current:
        return  # indented code block
    if _SETEXT_RULE.match(line) and current:
        yield from _flush(current)  # "Title\n=====": the title is its own paragraph
        return
    if _RULE.match(line) or _TABLE_RULE.match(line):
        yield from _flush(current)
        return
    heading = _HEADING.match(line)
    if heading:
        yield from _flush(current)
        yield heading.group(1)
        return
    if _TABLE_ROW.match(line):
        yield from _flush(current)
        yield from (cell for cell in line.strip().strip("|").split("|") if cell.strip())
        return
    yield from _start_or_continue(line, current)


def _start_or_continue(line: str, current: list[str]) -> Iterator[str]:
    line = _QUOTE.sub("", line)
    bullet = _BULLET.match(line)
    if bullet:
        yield from _flush(current)
        number = bullet.group(1)
        line = (number + " " if number else "") + line[bullet.end():]
    current.append(line)


def _flush(current: list[str]) -> Iterator[str]:
    if current:
        yield join_lines(current)
        current.clear()
