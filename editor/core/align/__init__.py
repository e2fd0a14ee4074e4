"""Automatic sentence alignment: n:m beads with a calibrated confidence.

``align_sentences`` is the one entry point the CLI and the GUI share; ``realign`` and
``realign_after`` re-align stretches of a bitext between links the user confirmed.

How the full mode works:

1. Every sentence is embedded once with USE multilingual v3 (``encoder``; Traditional
   Chinese is converted to Simplified first). Runs of up to five consecutive sentences
   are embedded from per-sentence token sums, not re-encoded.
2. For long documents a coarse-to-fine 1-1 pass (``path``) finds where to look; short
   ones are searched whole. The search band is a few columns either side.
3. One DP (``dp``) over beads 1-1 … 1-5, 2-1 … 4-1, 2-2, 2-3, 3-2, 2-4, 1-0 and 0-1 scores
   each candidate (``full``) by run similarity above each run's similarity to random
   sentences, a length-ratio term, punctuation counts (questions, exclamations,
   quotations), paragraph breaks, a cost per shape, whether the English is still
   inside a quotation where the link ends, and whether both sides' clauses turn alike
   there (first and last clauses embedded on their own; documents up to 40,000
   sentences).
4. A forward-backward pass over the same band gives each bead its posterior
   probability. A second one over the sentences cut into clauses (``boundaries``)
   gives the probability that the clauses part where each bead starts and ends, and
   do not part inside it; the confidence is a curve of the three fitted on MAC-Dev
   (``confidence``; documents over 40,000 sentences get the posterior alone).

Documents over 12,000 sentences are aligned in full window by window along the fast
mode's path (``windows``), so memory stays bounded; pairs over 400,000 sentences are
refused (``limits``).

The fast mode (``fast``) scores lengths only (Gale–Church) in a band that follows its
own search. Both modes grow about linearly with the document and are deterministic to
the bit: the encoder runs every product on one BLAS thread over a cut of the work
that depends on the input alone, so neither the CPU count nor the machine's load
changes a result.
"""

from __future__ import annotations

from editor.core.align.api import (
    Bead,
    Mode,
    align_bitext,
    align_sentences,
    align_to_links,
    realign,
    realign_after,
)

__all__ = ["Bead", "Mode", "align_bitext", "align_sentences", "align_to_links", "realign",
           "realign_after"]
