"""From documents to an aligned bitext: the function an import job runs.

Pure Python over the core (extraction, segmentation, alignment); the GUI runs it on the
worker thread through :class:`~editor.gui.workers.Job` (PDFs are read in a child
process). The segmentation exceptions are read from the settings on the GUI thread and
handed in, so the job's inputs are fixed when it starts; the outcome carries them as the
new project's settings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from editor.core.extract.types import ImportWarning
from editor.core.model import Bitext, Lang
from editor.core.segment_exceptions import to_settings


def _tr(text: str) -> str:
    """Translated on the job's thread (``QCoreApplication.translate`` is thread-safe)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Importing", text)


@dataclass(slots=True)
class ImportOutcome:
    bitext: Bitext
    warnings: list[ImportWarning] = field(default_factory=list)
    #: the new project's ``settings`` (the segmentation exceptions the import used)
    settings: dict[str, Any] = field(default_factory=dict)


def import_and_align(paths: Sequence[str], password: str | None,
                     progress: Callable[..., None], cancel: Callable[[], bool],
                     exceptions: Mapping[Lang, Sequence[str]] | None = None) -> ImportOutcome:
    """Extract, segment (with the user's ``exceptions``) and align ``paths`` (one
    bilingual file or a pair)."""
    from editor.core.align import align_sentences
    from editor.core.extract.api import import_documents
    from editor.core.extract.limits import pdf_stall_seconds

    reading_label, aligning_label = _tr("Reading documents…"), _tr("Aligning sentences…")

    def reading(done: int, total: int) -> None:  # import reports pages done of total
        progress(reading_label, 0.6 * done / total if total else 0.0)

    def aligning(_stage: str, fraction: float) -> None:  # the aligner's own 0..1
        progress(aligning_label, 0.6 + 0.4 * min(max(fraction, 0.0), 1.0))

    progress(reading_label, 0.0)
    # Each PDF is read in a child process: a file that crashes or hangs MuPDF costs the
    # import, not the window (and PyMuPDF stays off this thread; the page renderer owns it).
    result: Any = import_documents(list(paths), password=password, progress=reading,
                                   cancel=cancel, exceptions=exceptions,
                                   timeout=pdf_stall_seconds(True))
    zh, en = list(result.zh), list(result.en)
    progress(aligning_label, 0.6)
    beads = align_sentences([s.text for s in zh], [s.text for s in en], progress=aligning,
                            cancel=cancel)
    bitext = Bitext.from_beads(zh, en, [(b.zh, b.en) for b in beads],
                               sources=result.extraction.sources,
                               confidences=[b.confidence for b in beads])
    return ImportOutcome(bitext, list(result.extraction.warnings), to_settings(exceptions))
