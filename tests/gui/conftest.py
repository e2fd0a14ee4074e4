"""GUI test set-up: offscreen Qt, a private settings/data folder, strict Qt logging.

The environment is set before anything imports Qt. The folder (settings, recovery files
and their locks, caches, the log) is this test process's own, so test runs side by side
share none of it; it is removed when the run ends. Every test here is marked ``gui``.
A Qt warning during a test fails it (pytest-qt records them in ``qtlog``), except the
offscreen platform's own notice about size hints, which says nothing about the app.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="bitext-gui-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(Path(_HOME) / _var.lower())

import pytest  # noqa: E402  (after the environment is set)

PLATFORM_NOISE = ("propagateSizeHints",)


def pytest_sessionfinish(session: pytest.Session) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_qt_warnings(qtlog: object) -> Iterator[None]:
    yield
    records = getattr(qtlog, "records", [])
    bad = [r.message for r in records
           if r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
           and not any(n in r.message for n in PLATFORM_NOISE)]
    assert not bad, f"Qt warnings: {bad}"
