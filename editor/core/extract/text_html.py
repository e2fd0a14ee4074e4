"""Paragraphs of an HTML page, with the page's own language tags as hints.

Block elements (p, h1-h6, li, td, …) become paragraphs; scripts, styles, navigation,
code blocks and ruby annotations are left out. A block whose text lies entirely in
children carrying their own ``lang`` (a heading holding an English, a Simplified and a
Traditional ``<span>``, as the W3C clreq page does) is split into one paragraph per
child; a ``lang`` span inside running text (a quoted character) stays in its paragraph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from editor.core.extract.text_common import RawBlock, clean_inline, join_lines

BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th",
    "caption", "figcaption", "blockquote", "section", "article", "main", "header",
    "footer", "aside", "table", "tr", "ul", "ol", "dl", "figure", "body", "html",
    "address", "details", "summary", "hr", "form", "fieldset", "legend",
})
SKIP_TAGS = frozenset({
    "script", "style", "nav", "noscript", "template", "head", "svg", "math", "pre",
    "rt", "rp", "button", "select", "textarea", "iframe", "object",
})
HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "base", "noscript",
                       "template", "head"})
VOID_TAGS = frozenset({
    "br", "img", "hr", "meta", "link", "input", "wbr", "area", "base", "col", "embed",
    "source", "track", "param",
})
#: Start tag → (open elements it ends, elements that stop the search).
IMPLIED_END: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol")),
    "dt": (("dt", "dd"), ("dl",)),
    "dd": (("dt", "dd"), ("dl",)),
    "tr": (("tr", "td", "th"), ("table",)),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
}
PAGE_TAGS = frozenset({"html", "body"})  # a lang here is a weak, page-wide hint


@dataclass
class _Element:
    tag: str
    lang: str | None  # its own lang attribute
    context: tuple[str | None, bool] = (None, False)  # nearest lang, and is it strong?
    runs: list[tuple[str | None, str]] = field(default_factory=list)  # (child lang, text)


ROOT = "#root"  # an implicit block around everything, so text outside any tag is kept


class _BlockParser(HTMLParser):
    """Collects (text, lang, strong) paragraphs as blocks close.

    Every step is constant time in the nesting depth (open elements are counted by
    name, each element remembers its inherited language), so deeply nested or broken
    pages are read in linear time.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self._stack: list[_Element] = [_Element(ROOT, None)]
        self._open: Counter[str] = Counter({ROOT: 1})
        self._skip_tag: str | None = None  # inside this skipped element …
        self._skip_depth = 0  # … nested this deep in elements of the same name

    # -- element stack ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br" and self._skip_tag is None:
                self._text("\n")
            return
        if self._skip_tag == "head" and tag not in HEAD_TAGS:
            self._skip_tag, self._skip_depth = None, 0  # "</head>" left out, as HTML allows
        if self._skip_tag is not None:
            self._skip_depth += tag == self._skip_tag
            return
        if tag in SKIP_TAGS or _hidden(attrs):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag in BLOCK_TAGS:
            self._close_implied(tag)
            self._close_runs()
        self._push(tag, dict(attrs))

    def _push(self, tag: str, attrs: dict[str, str | None]) -> None:
        raw = attrs.get("lang") or attrs.get("xml:lang")
        lang = raw.strip().lower() if raw and raw.strip() else None
        context = (lang, tag not in PAGE_TAGS) if lang else self._stack[-1].context
        self._stack.append(_Element(tag, lang, context))
        self._open[tag] += 1

    def _pop(self) -> _Element:
        element = self._stack.pop()
        self._open[element.tag] -= 1
        return element

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if self._skip_tag is not None and self._end_of_skipped(tag):
            return
        if tag == ROOT or not self._open[tag]:
            return  # stray end tag
        self._end(tag)

    def _end(self, tag: str) -> None:
        """Close open elements down to and including the innermost ``tag``."""
        while self._stack:
            element = self._pop()
            if element.tag in BLOCK_TAGS or element.tag == ROOT:
                self._emit(element)
            elif self._stack:
                self._stack[-1].runs.extend(self._tagged(element))
            if element.tag == tag:
                break

    def _end_of_skipped(self, tag: str) -> bool:
        """Count an end tag while skipping; True when it belongs to the skipped part.

        Only the skipped element's own name counts, and the end of an element around it
        ends it too (``<ruby>…<rp>（</ruby>``), so an unclosed tag inside a skipped one
        cannot make the rest of the page disappear.
        """
        if tag == self._skip_tag:
            self._skip_depth -= 1
            if not self._skip_depth:
                self._skip_tag = None
            return True
        if self._open[tag]:
            self._skip_tag, self._skip_depth = None, 0
            return False  # the enclosing element ends as usual
        return True

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self._text(data)

    def close(self) -> None:
        super().close()
        self._skip_tag, self._skip_depth = None, 0  # an element skipped to the end
        self._end(ROOT)

    # -- text -----------------------------------------------------------------------------
    def _text(self, data: str) -> None:
        self._stack[-1].runs.append((None, data))

    @staticmethod
    def _tagged(element: _Element) -> list[tuple[str | None, str]]:
        """An inline element's runs, labelled with its lang when it has one."""
        if element.lang is None:
            return element.runs
        return [(lang or element.lang, text) for lang, text in element.runs]

    def _close_implied(self, tag: str) -> None:
        """End the elements HTML ends implicitly: an open <p>, a previous <li>, <td> …"""
        if self._open["p"]:
            self._end("p")
        closes, scope = IMPLIED_END.get(tag, ((), ()))
        if not any(self._open[name] for name in closes):
            return
        for element in reversed(self._stack):
            if element.tag in scope:
                break
            if element.tag in closes:
                self._end(element.tag)
                break

    def _close_runs(self) -> None:
        """A block starts inside an open block: what came before is a paragraph."""
        while self._stack[-1].tag not in BLOCK_TAGS and self._stack[-1].tag != ROOT:
            inline = self._pop()  # <a><div>…: the inline text joins its block
            self._stack[-1].runs.extend(self._tagged(inline))
        block = self._stack[-1]
        if block.runs:
            self._emit(_Element(block.tag, block.lang, block.context, block.runs))
            block.runs = []

    def _emit(self, element: _Element) -> None:
        tagged = [(lang, text) for lang, text in element.runs if text.strip()]
        if tagged and all(lang is not None for lang, _ in tagged):
            for lang, text in _group(tagged):
                self._add(text, lang, strong=True)
        else:
            text = "".join(text for _, text in element.runs)
            self._add(text, element.context[0], strong=element.context[1])
        element.runs = []

    def _add(self, text: str, lang: str | None, *, strong: bool) -> None:
        cleaned = clean_inline(join_lines(text.split("\n")))  # no space between CJK lines
        if cleaned:
            self.blocks.append(RawBlock(cleaned, lang, strong))


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """``hidden`` or ``aria-hidden="true"``: not shown, so not part of the text."""
    named = dict(attrs)
    return "hidden" in named or named.get("aria-hidden") == "true"


def _group(runs: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Join consecutive runs of the same language."""
    grouped: list[tuple[str | None, str]] = []
    for lang, text in runs:
        if grouped and grouped[-1][0] == lang:
            grouped[-1] = (lang, grouped[-1][1] + " " + text)
        else:
            grouped.append((lang, text))
    return grouped


def html_blocks(text: str) -> list[RawBlock]:
    parser = _BlockParser()
    parser.feed(text)
    parser.close()
    return parser.blocks
