"""What the user chooses when exporting, and the language codes derived from the document.

:class:`ExportOptions` is one frozen value shared by every format, so the GUI dialog,
the CLI and the tests describe an export the same way. Options a format has no use for
are ignored by it (a TMX has no page layout, a PDF has no BOM).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from editor.core.model import Bitext, Lang

ColumnOrder = Literal["zh-en", "en-zh"]
TextUnit = Literal["sentence", "paragraph"]
TextSide = Literal["zh", "en", "both"]
PdfLayout = Literal["columns", "alternating"]
XliffVersion = Literal["1.2", "2.1"]

#: Codes CAT tools (Trados, memoQ, OmegaT) all know; the user can pass zh-HK, zh-Hant-HK …
TRADITIONAL_CODE = "zh-TW"
SIMPLIFIED_CODE = "zh-CN"
DEFAULT_EN_CODE = "en-US"
_SAMPLE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Every export choice. ``None`` language codes mean "derive from the document"."""

    confirmed_only: bool = False
    include_unpaired: bool = True  # 1-0 and 0-1 links (TMX never has them: a TU needs both)
    use_original_text: bool = False  # extracted text instead of the edited text
    zh_code: str | None = None  # e.g. "zh-Hant-HK"; None: from the document (zh-TW/zh-CN)
    en_code: str | None = None  # e.g. "en-GB"; None: from the document, else en-US
    source_lang: Lang = "zh"  # TMX srclang, XLIFF source side
    xliff_version: XliffVersion = "1.2"
    column_order: ColumnOrder = "zh-en"  # DOCX, PDF, HTML, TSV/CSV, XLSX
    link_numbers: bool = False  # a "#" column: the link's number in the editor
    notes: bool = True  # link notes (a column, <note>, or a line under the text)
    title: str = ""  # DOCX, PDF, HTML title; TMX header prop; XLSX document property
    pdf_layout: PdfLayout = "columns"
    text_unit: TextUnit = "sentence"  # plain text: a sentence or a paragraph per line
    bom: bool = False  # CSV/TSV: a UTF-8 BOM so Excel reads the file as UTF-8
    text_side: TextSide = "both"  # plain text: OUT.zh.txt + OUT.en.txt for "both"

    @property
    def langs(self) -> tuple[Lang, Lang]:
        """The two languages in column order."""
        return ("zh", "en") if self.column_order == "zh-en" else ("en", "zh")


@dataclass(frozen=True, slots=True)
class LangCodes:
    zh: str
    en: str

    def code(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def resolve_codes(bitext: Bitext, options: ExportOptions) -> LangCodes:
    """The user's codes, else codes recorded by an import (TMX), else detected ones."""
    recorded = [code for src in bitext.sources for code in src.languages]
    zh = options.zh_code or _first_with_prefix(recorded, ("zh", "cmn", "yue"))
    en = options.en_code or _first_with_prefix(recorded, ("en",))
    if zh is None:
        zh = TRADITIONAL_CODE if is_traditional(_zh_sample(bitext)) else SIMPLIFIED_CODE
    return LangCodes(zh=zh, en=en or DEFAULT_EN_CODE)


def is_traditional(text: str) -> bool:
    """True when converting to Simplified changes more characters than to Traditional.

    Characters shared by both scripts change in neither direction, so only the
    distinguishing ones vote; a text with none of them counts as Traditional, the
    script of most documents this editor is made for (Hong Kong, Macau, Taiwan).
    """
    from opencc import OpenCC

    to_simplified = _changed(text, OpenCC("t2s").convert(text))
    to_traditional = _changed(text, OpenCC("s2t").convert(text))
    return to_simplified >= to_traditional


def _changed(before: str, after: str) -> int:
    return sum(1 for a, b in zip(before, after, strict=False) if a != b)


def _zh_sample(bitext: Bitext) -> str:
    parts: list[str] = []
    size = 0
    for sid in bitext.sentence_ids("zh"):
        sentence = bitext.sentences[sid]
        parts.append(sentence.text)
        size += len(sentence.text)
        if size >= _SAMPLE_CHARS:
            break
    return "".join(parts)[:_SAMPLE_CHARS]


def _first_with_prefix(codes: list[str], prefixes: tuple[str, ...]) -> str | None:
    """The first recorded code of the language that says more than the language.

    Importers record bare ``zh`` / ``en``; only a code with a region or script (a TMX's
    ``zh-HK``) is worth more than what detection finds.
    """
    for code in codes:
        parts = code.replace("_", "-").split("-")
        if parts[0].lower() in prefixes and len(parts) > 1:
            return code
    return None
