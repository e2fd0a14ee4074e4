"""What every exporter shares: the rows to write, and text made safe for any file.

A *row* is one link as the user sees it: its number in the editor, the joined Chinese
and English text, status, confidence and note. Exporters write rows, so the options
(confirmed only, unpaired links, original text) mean the same thing in every format;
the plain-text exporter, which needs single sentences and paragraphs, walks the links
itself through the same :func:`keep` filter.

Sanitising, one rule for every format: each character XML 1.0 forbids (U+0000–U+0008,
U+000B, U+000C, U+000E–U+001F, lone surrogates, U+FFFE, U+FFFF) becomes U+FFFD, the
replacement character, so the file is never broken and the reader can see where
something unprintable was. Markup-like text (``<script>``, ``&``, ``]]>``) is escaped
by each writer and survives verbatim; private-use characters (Hong Kong EUDC,
U+E000–U+F8FF) pass through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from editor.core.model import Bitext, Lang, Link, Status

from .options import ExportOptions, LangCodes

Progress = Callable[[int, int], None]
REPLACEMENT = "\ufffd"
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
PROGRESS_EVERY = 1000


@dataclass(frozen=True, slots=True)
class Row:
    """One link ready to write; texts are already sanitised and joined."""

    number: int  # 1-based position of the link in the editor
    zh: str
    en: str
    status: Status
    confidence: float | None
    note: str

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def paired(self) -> bool:
        return bool(self.zh) and bool(self.en)


def clean(text: str) -> str:
    """Replace XML-forbidden characters by U+FFFD (see the module docstring)."""
    return _XML_FORBIDDEN.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """``clean`` plus line breaks as spaces, for formats with one unit per line."""
    return clean(_LINE_BREAKS.sub(" ", text))


def join_sentences(texts: list[str], lang: Lang) -> str:
    """Sentence texts as one string: no space between Chinese sentences, one in English.

    A Chinese sentence that ends in a Latin letter or digit, followed by one that starts
    with one, still gets a space so words do not run together.
    """
    if lang == "en":
        return " ".join(t for t in texts if t)
    out = ""
    for text in texts:
        if out and text and _needs_space(out[-1], text[0]):
            out += " "
        out += text
    return out


def _needs_space(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def link_text(bitext: Bitext, link: Link, lang: Lang, *, original: bool = False) -> str:
    sentences = (bitext.sentences[sid] for sid in link.side(lang))
    texts = [s.original if original else s.text for s in sentences]
    return clean(join_sentences(texts, lang))


def keep(link: Link, options: ExportOptions) -> bool:
    """Whether the options let this link into the export."""
    if options.confirmed_only and link.status != "confirmed":
        return False
    return options.include_unpaired or (bool(link.zh) and bool(link.en))


def iter_rows(bitext: Bitext, options: ExportOptions,
              progress: Progress | None = None) -> Iterator[Row]:
    """The rows of an export, in link order; reports progress every 1000 links."""
    total = len(bitext.links)
    for index, link in enumerate(bitext.links):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index, total)
        if not keep(link, options):
            continue
        yield Row(
            number=index + 1,
            zh=link_text(bitext, link, "zh", original=options.use_original_text),
            en=link_text(bitext, link, "en", original=options.use_original_text),
            status=link.status,
            confidence=link.confidence,
            note=clean(link.note),
        )
    if progress is not None:
        progress(total, total)


def rows(bitext: Bitext, options: ExportOptions, progress: Progress | None = None) -> list[Row]:
    return list(iter_rows(bitext, options, progress))


def format_confidence(value: float | None) -> str:
    """Shortest text that reads back as the same float (machine formats)."""
    return "" if value is None else repr(float(value))


@dataclass(frozen=True, slots=True)
class Job:
    """One export: the document, the choices, the resolved codes and a progress hook."""

    bitext: Bitext
    options: ExportOptions
    codes: LangCodes
    progress: Progress | None = None

    def rows(self) -> list[Row]:
        return rows(self.bitext, self.options, self.progress)

    def iter_rows(self) -> Iterator[Row]:
        return iter_rows(self.bitext, self.options, self.progress)

    def code(self, lang: Lang) -> str:
        return self.codes.code(lang)


def parse_confidence(text: str) -> float | None:
    """A confidence cell read back; anything unreadable is "unknown", clamped to [0, 1]."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    if value != value:  # NaN
        return None
    return min(1.0, max(0.0, value))


def parse_status(text: object) -> Status:
    return "confirmed" if str(text).strip().lower() == "confirmed" else "auto"
