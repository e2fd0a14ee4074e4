"""Automatic sentence alignment: n:m beads with a calibrated confidence.

``align_sentences`` is the one entry point the CLI and the GUI share; ``realign`` and
``realign_after`` re-align stretches of a bitext between links the user confirmed.
"""

from __future__ import annotations

from editor.core.align.api import (
    Bead,
    Mode,
    align_bitext,
    align_sentences,
    realign,
    realign_after,
)

__all__ = ["Bead", "Mode", "align_bitext", "align_sentences", "realign", "realign_after"]
