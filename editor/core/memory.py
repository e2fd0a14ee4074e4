"""Keep freed memory reusable across threads (glibc's malloc arenas).

glibc gives each thread that allocates its own malloc arena, up to eight per CPU.
The aligner's encoder workers and background encoding each allocate and free large
numpy buffers; memory freed in one thread's arena is not reused by another, so the
process holds several copies of its working set: Bible 006 in the full mode peaked at
761 MB with the default and at 634 MB with two arenas, at the same speed
(``bench/bench_align.py``). Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache

#: ``M_ARENA_MAX`` of glibc's ``mallopt``.
_M_ARENA_MAX = -8
#: Arenas: the main thread's and one shared by the workers.
ARENAS = 2


@lru_cache(maxsize=1)
def share_malloc_arenas() -> bool:
    """Cap glibc's malloc arenas at :data:`ARENAS`; ``True`` where that took effect.

    Called when the window starts (before Qt's threads) and before a full-mode
    alignment, which starts the command line's first threads (once per process):
    arenas already made stay, later threads share the capped ones.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_ARENA_MAX, ARENAS))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
