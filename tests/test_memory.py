"""The process caps glibc's malloc arenas (less memory held by the aligner's threads)."""

from __future__ import annotations

import platform
import sys

from editor.core import memory


def test_malloc_arenas_are_capped_on_glibc_and_left_alone_elsewhere() -> None:
    memory.share_malloc_arenas.cache_clear()
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert memory.share_malloc_arenas() is glibc
    assert memory.share_malloc_arenas() is glibc  # once per process, then remembered
