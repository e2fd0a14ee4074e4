"""How many CPUs this process may use, for sizing worker pools.

``os.cpu_count()`` counts the machine's CPUs, not the ones this process is allowed to
run on: under ``taskset``, a container's cpuset or a batch scheduler it overstates
them, and a pool sized by it runs more workers than CPUs, each slowed by the others.
"""

from __future__ import annotations

import os


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the OS has one), >= 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no affinity call (macOS, Windows)
        return os.cpu_count() or 1
