"""Generate ``seed-sample.bitext``: the bundled sample, imported and aligned ahead of time.

With no file given, the editor opens the bundled sample. Importing and aligning it takes
seconds on first start; a project shipped beside the PDF (``NAME.bitext`` next to
``NAME.pdf``) opens at once instead. The project records the PDF's SHA-256, and the
editor only uses it while that still matches, so a regenerated PDF never shows a stale
alignment. ``tests/gui/test_gui_sample.py`` regenerates it and compares, so a change in
the importer or the aligner that alters the sample is noticed.

Run: ``python resources/samples/make_sample_project.py [IN.pdf [OUT.bitext]]``
(after ``make_sample.py`` whenever the PDF changes).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF = HERE / "seed-sample.pdf"
OUT = HERE / "seed-sample.bitext"


def build(pdf: Path = PDF, out: Path = OUT) -> Path:
    """Import and align ``pdf`` exactly as the editor does, and save the project."""
    from editor.core.project import save_project
    from editor.gui.importing import import_and_align

    outcome = import_and_align([str(pdf.resolve())], None, lambda *_: None, lambda: False)
    save_project(outcome.bitext, out, {}, backup=False)
    return out


def main(argv: list[str]) -> int:
    pdf = Path(argv[0]) if argv else PDF
    out = Path(argv[1]) if len(argv) > 1 else pdf.with_suffix(".bitext")
    print(build(pdf, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
