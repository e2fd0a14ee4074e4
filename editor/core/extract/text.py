"""Import text documents (.txt, .md, .html/.htm, .docx) as paragraphs per language.

A text document is either bilingual — paragraphs alternate between the languages, or
the markup tags them (layout ``"alternating"``) — or one side of a pair (layout
``"text"``). Each reader yields raw paragraphs; here every paragraph gets its language
(markup tag when the page sets one on the element, else the script of its text), the
unwanted Chinese variant is dropped from pages that carry both, and warnings are made.

``zh_variant``: pages such as the W3C clreq document give each paragraph in English,
Simplified and Traditional Chinese. The default keeps Traditional (``"hant"``), the
variant of this product's first users (Hong Kong, Macau, Taiwan); pass ``"hans"`` for
Simplified. Pages with only one variant keep it whatever this says.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from editor.core.encoding import decode_bytes
from editor.core.errors import InputError
from editor.core.extract.limits import MAX_TEXT_BYTES, refuse_chars, refuse_size
from editor.core.extract.text_common import RawBlock, tidy_chinese
from editor.core.extract.text_docx import docx_blocks
from editor.core.extract.text_html import html_blocks
from editor.core.extract.text_markdown import markdown_blocks
from editor.core.extract.text_plain import plain_blocks
from editor.core.extract.types import Extraction, ImportWarning, Paragraph
from editor.core.model import LANGS, Lang, Source, other_lang
from editor.core.script import detect_lang, private_use_chars

ZhVariant = Literal["hans", "hant"]

#: File name endings this module reads, and the kind recorded in the Source.
KINDS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx",
}
LANG_NAMES: dict[Lang, str] = {"zh": "Chinese", "en": "English"}
_META_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.I)
CHARSET_SUPERSETS: dict[str, str] = {
    "big5": "big5hkscs", "x-big5": "big5hkscs", "cp950": "big5hkscs",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
}
_HANS_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh-my")
_HANT_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def extract_text(path: str | Path, *, lang_hint: Lang | None = None,
                 zh_variant: ZhVariant = "hant") -> Extraction:
    """Read one text document into an :class:`Extraction` (one source, ``"s0"``).

    ``lang_hint`` declares the whole file to be in one language (one file of a pair):
    every paragraph gets it, and a ``language-missing`` warning says when the text is
    not in it. Without a hint a one-language file is not a problem here (it may be one
    half of a pair); :func:`editor.core.extract.api.import_documents` warns when a
    single document lacks a language.
    """
    if zh_variant not in ("hans", "hant"):
        raise ValueError(f"zh_variant must be 'hans' or 'hant', not {zh_variant!r}")
    path = Path(path)
    kind = _kind(path)
    data = _read(path)
    warnings: list[ImportWarning] = []
    blocks = _blocks(path, kind, data, warnings)
    paragraphs = _paragraphs(blocks, lang_hint, zh_variant)
    if not paragraphs:
        raise InputError(path, "no text found in the document")
    languages = tuple(lang for lang in LANGS if any(p.lang == lang for p in paragraphs))
    source = Source(id="s0", path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                    kind=kind, languages=languages)
    warnings += _content_warnings(paragraphs, blocks, lang_hint)
    layout = "alternating" if len(languages) == 2 else "text"
    return Extraction(sources=[source], paragraphs=paragraphs, layout=layout,
                      warnings=warnings)


# ---------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------

def _kind(path: Path) -> str:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise InputError(path, f"unsupported file type {path.suffix or '(none)'!r} "
                               f"(text documents: {known})")
    return kind


def _read(path: Path) -> bytes:
    """The file's bytes, or an :class:`InputError` saying why there are none."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a document")
    refuse_size(path, info.st_size, MAX_TEXT_BYTES, "a text document")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def _blocks(path: Path, kind: str, data: bytes,
            warnings: list[ImportWarning]) -> list[RawBlock]:
    if kind == "docx":  # the file size says little about how much text it unpacks to
        blocks = docx_blocks(path)
        refuse_chars(path, sum(len(block.text) for block in blocks))
        return blocks
    text = _decode(path, kind, data, warnings)
    if kind == "md":
        return markdown_blocks(text)
    if kind == "html":
        return html_blocks(text)
    return plain_blocks(text)


def _decode(path: Path, kind: str, data: bytes, warnings: list[ImportWarning]) -> str:
    if data[:4] == b"PK\x03\x04":
        raise InputError(path, f"not a text file: a zip archive (a .docx or .xlsx?) "
                               f"named .{kind}")
    if data.startswith(b"%PDF"):
        raise InputError(path, f"not a text file: a PDF named .{kind}")
    declared = _declared_charset(data) if kind == "html" else None
    if declared is not None:
        return declared
    text, encoding, guessed = decode_bytes(data, path)
    if guessed:
        warnings.append(ImportWarning(
            "encoding-guessed",
            f"no byte-order mark and not plain UTF-8: read as {encoding} (detected); "
            f"if the text looks wrong, convert the file to UTF-8",
            source="s0"))
    return text


def _declared_charset(data: bytes) -> str | None:
    """The page decoded by its own ``<meta charset>`` (or XML declaration), if that works.

    Legacy Chinese pages declare ``big5`` or ``gb2312`` and use the supersets' extra
    characters, so those names are read as Big5-HKSCS and GB18030.
    """
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    name = CHARSET_SUPERSETS.get(name, name)
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration: detect instead


# ---------------------------------------------------------------------------------
# Languages
# ---------------------------------------------------------------------------------

def _paragraphs(blocks: Sequence[RawBlock], lang_hint: Lang | None,
                zh_variant: ZhVariant) -> list[Paragraph]:
    keep = _variant_filter(blocks, zh_variant)
    if _tags_its_languages(blocks):
        blocks = [b for b in blocks if b.strong and _tag_lang(b.lang_tag)]
    fallback = lang_hint or _majority(blocks)
    paragraphs: list[Paragraph] = []
    for block in blocks:
        if not keep(block):
            continue
        lang = lang_hint or _block_lang(block) or fallback
        if lang is not None:
            text = tidy_chinese(block.text) if lang == "zh" else block.text
            paragraphs.append(Paragraph(lang=lang, text=text, source="s0",
                                        index=len(paragraphs)))
    return paragraphs if lang_hint else _untranslated_twins(paragraphs)


def _untranslated_twins(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """"Goroutines" then "Goroutines": a heading left untranslated is its own translation.

    In an alternating document two identical neighbours of one language are a pair;
    the paragraph before them tells the order (after a Chinese paragraph an English one
    comes first).
    """
    out = list(paragraphs)
    paired: set[int] = set()
    for k in range(1, len(out)):
        first, second = out[k - 1], out[k]
        if k - 1 in paired or first.text != second.text or first.lang != second.lang:
            continue
        before = out[k - 2].lang if k >= 2 else other_lang(first.lang)
        out[k - 1] = replace(first, lang=other_lang(before))
        out[k] = replace(second, lang=before)
        paired.update((k - 1, k))
    return out


def _block_lang(block: RawBlock) -> Lang | None:
    """A tag set on the element itself wins; otherwise the script; then any tag."""
    tagged = _tag_lang(block.lang_tag)
    if block.strong and tagged is not None:
        return tagged
    return _script_lang(block.text) or tagged


@lru_cache(maxsize=4096)
def _script_lang(text: str) -> Lang | None:
    """:func:`detect_lang`, remembered: every block is asked about several times."""
    return detect_lang(text)


def _tag_lang(tag: str | None) -> Lang | None:
    if tag is None:
        return None
    primary = tag.split("-")[0]
    if primary in ("zh", "cmn", "yue", "lzh"):
        return "zh"
    return "en" if primary == "en" else None


def _variant(tag: str | None) -> ZhVariant | None:
    if tag is None:
        return None
    if tag.startswith(_HANS_TAGS):
        return "hans"
    return "hant" if tag.startswith(_HANT_TAGS) else None


def _variant_filter(blocks: Sequence[RawBlock],
                    zh_variant: ZhVariant) -> Callable[[RawBlock], bool]:
    """Keep every block, unless both variants are tagged: then drop the unwanted one."""
    present = {_variant(b.lang_tag) for b in blocks} - {None}
    if present != {"hans", "hant"}:
        return lambda block: True
    return lambda block: _variant(block.lang_tag) in (None, zh_variant)


def _tags_its_languages(blocks: Sequence[RawBlock]) -> bool:
    """A page tagging most blocks with zh and en is a parallel page by design.

    Its untagged blocks are page furniture (tables of code points, a one-variant
    glossary) whose order does not follow the parallel text, so they are left out.
    """
    tagged = [_tag_lang(b.lang_tag) for b in blocks if b.strong]
    return ({"zh", "en"} <= set(tagged)
            and sum(1 for lang in tagged if lang) > len(blocks) / 2)


def _majority(blocks: Sequence[RawBlock]) -> Lang | None:
    """The language of a single-language document, for paragraphs of digits only."""
    langs = {_script_lang(b.text) for b in blocks} - {None}
    return langs.pop() if len(langs) == 1 else None


# ---------------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------------

def _content_warnings(paragraphs: Sequence[Paragraph], blocks: Sequence[RawBlock],
                      lang_hint: Lang | None) -> list[ImportWarning]:
    warnings = []
    private = [ch for p in paragraphs for ch in private_use_chars(p.text)]
    if private:
        sample = " ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(private))
        warnings.append(ImportWarning(
            "private-use-characters",
            f"{len(private)} private-use character(s) kept as they are ({sample[:80]}); "
            f"they show correctly only with the font or EUDC table they were made for",
            source="s0"))
    if lang_hint is not None and lang_hint not in {_script_lang(b.text) for b in blocks}:
        warnings.append(ImportWarning(
            "language-missing",
            f"expected {LANG_NAMES[lang_hint]} but found no {LANG_NAMES[lang_hint]} text "
            f"in the document", source="s0"))
    return warnings
