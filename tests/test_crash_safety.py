"""Promise: a crash during save never corrupts the project.

A child process saves two versions of a large project in turn; the test kills it with
SIGKILL at random moments. Afterwards the project file is always the complete old or the
complete new version, and the backup loads. ``BITEXT_KILL_RUNS`` sets the number of kills
(10 in the everyday suite, 100 in the dedicated run).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core.project import load_project, save_project

KILLS = int(os.environ.get("BITEXT_KILL_RUNS", "10"))

CHILD = r"""
import random, sys
sys.path.insert(0, {tests!r})
from bitext_factory import random_bitext
from editor.core.project import save_project
versions = [random_bitext(random.Random(seed), 4000, 4000) for seed in (1, 2)]
print("ready", flush=True)
n = 0
while True:
    save_project(versions[n % 2], {path!r}, {{"version": n % 2}})
    n += 1
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def _version(path: Path) -> int:
    project = load_project(path)
    project.bitext.check()
    return int(project.view_state["version"])


def test_killing_a_save_never_leaves_a_broken_project(tmp_path: Path) -> None:
    path = tmp_path / "big.bitext"
    code = CHILD.format(tests=str(Path(__file__).parent), path=str(path))
    rng = random.Random(1234)
    seen: set[int] = set()
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if path.exists():
            seen.add(_version(path))
        backup = path.with_name(path.name + ".bak")
        if backup.exists():
            _version(backup)
    assert seen, "the child never finished a save; the test proves nothing"
    leftovers = list(tmp_path.glob(".*.tmp"))
    for tmp in leftovers:  # age them: the next save clears what crashed saves left
        os.utime(tmp, (time.time() - 60, time.time() - 60))
    save_project(load_project(path).bitext, path)
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []
