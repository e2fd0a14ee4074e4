"""What every importer produces: paragraphs per language with their location, and warnings.

Importers (PDF, text, DOCX, HTML, Markdown) return an :class:`Extraction`; segmentation
turns its paragraphs into :class:`~editor.core.model.Sentence` objects whose provenance
keeps page, paragraph id and the rectangles of the lines each sentence spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.model import Lang, RectTuple, Source


@dataclass(frozen=True, slots=True)
class LineSpan:
    """Characters ``start:stop`` of a paragraph's text were drawn in ``rect`` on ``page``."""

    start: int
    stop: int
    page: int
    rect: RectTuple


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of one language, text already cleaned and re-joined."""

    lang: Lang
    text: str
    source: str  # Source.id
    index: int  # paragraph id, unique within the extraction
    page: int | None = None
    lines: tuple[LineSpan, ...] = ()
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """A problem worth telling the user. ``code`` is stable (tests and tools rely on it).

    Codes: ``garbled-text``, ``no-text-layer``, ``ocr-used``, ``ocr-unavailable``,
    ``encrypted``, ``repeated-text-removed``, ``private-use-characters``,
    ``encoding-guessed``, ``layout-uncertain``, ``language-missing``,
    ``page-text-over-limit``, ``damaged-file``, ``rotated-text-skipped``.
    """

    code: str
    message: str
    source: str | None = None
    page: int | None = None  # zero-based page index, None for the whole document


@dataclass(slots=True)
class Extraction:
    """Result of importing one bilingual document or a pair of documents."""

    sources: list[Source] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    layout: str = "unknown"  # columns | alternating | sequential | table | pair | text
    warnings: list[ImportWarning] = field(default_factory=list)

    def of(self, lang: Lang) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.lang == lang]
