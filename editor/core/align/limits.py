"""How many sentences one alignment accepts, and the memory that keeps it under.

Both modes hold a few small numbers per sentence for the whole document (the
sentences themselves, lengths, the guide of the fast mode, which the full mode also
follows, the result); the full mode's embeddings and scores are bounded by its window
(:mod:`editor.core.align.windows`), not by the document. Measured with
``bench/bench_align.py --big`` (whole ``bitext align --presegmented`` process, start-up
included, two cores, load 2-3):

* 213,435 + 150,000 sentences (the Bible five times): fast mode 25 s and 389 MB; full
  mode 917 MB in session 3, 780 MB since the process keeps two malloc arenas
  (:mod:`editor.core.memory`; 335 s, 462 CPU-s); 907 MB when the clause turns were
  still computed at this size (they stop at ``full.TURNS_MAX_SENTENCES``);
* Bible 006 (72,687 sentences): full mode 549 MB.

Memory grows by about 0.8 kB a sentence beyond some 500 MB (model, one window, the
start of the document): about 810 MB at the limit. So :data:`MAX_SENTENCES` (both
sides together) keeps an alignment within :data:`MEMORY_BOUND_BYTES` in either mode; a
larger pair is refused at once, before any work, with a message that names the file
and the limit.
"""

from __future__ import annotations

from editor.core.errors import InputError

MB = 1024 * 1024
#: Most sentences, Chinese and English together, one alignment takes.
MAX_SENTENCES = 400_000
#: Peak memory of an alignment within the limit (whole process, either mode).
MEMORY_BOUND_BYTES = 1024 * MB


def refuse_too_many(n_zh: int, n_en: int, where: str = "input") -> None:
    """:class:`InputError` naming ``where`` when ``n_zh + n_en`` exceeds the limit."""
    if n_zh + n_en > MAX_SENTENCES:
        raise InputError(where, f"too many sentences to align: {n_zh + n_en:,} "
                                f"({n_zh:,} Chinese + {n_en:,} English); the limit is "
                                f"{MAX_SENTENCES:,} in all, to stay within "
                                f"{MEMORY_BOUND_BYTES // MB:,} MB of memory (split the "
                                "document)")
