"""Promise 3: after a crash, at most the last autosave interval of work is lost.

The real application runs in a child process (offscreen, its own home and settings),
makes scripted edits through its undo stack, is killed with SIGKILL once an autosave
interval has passed, and a second start recovers exactly the edited document.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_helpers import open_window, press, small_bitext

from editor import APP_NAME
from editor.core.errors import BitextError
from editor.core.project import load_project, save_project
from editor.gui.app import ORGANISATION
from editor.gui.files import pending_recoveries

AUTOSAVE_SECONDS = 2
PROMISE_SECONDS = 30


def _environment(home: Path, script: Path, recover: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "BITEXT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), BITEXT_TEST_SCRIPT=str(script),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"))
    if recover:
        env["BITEXT_RECOVER"] = recover
    return env


def _configure(home: Path) -> None:
    """The child's settings file: autosave every AUTOSAVE_SECONDS."""
    conf = home / "config" / ORGANISATION / f"{APP_NAME}.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(f"[files]\nautosave_seconds={AUTOSAVE_SECONDS}\n", encoding="utf-8")


def _start(home: Path, script: dict[str, object], args: list[str],
           recover: str = "") -> subprocess.Popen[bytes]:
    path = home / f"script-{len(list(home.glob('script-*')))}.json"
    path.write_text(json.dumps(script), encoding="utf-8")
    with path.with_suffix(".log").open("wb") as output:  # the child keeps its own copy
        return subprocess.Popen([sys.executable, "-m", "editor", "--no-sample", *args],
                                env=_environment(home, path, recover), stdout=output,
                                stderr=subprocess.STDOUT)


def _output(home: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in sorted(home.glob("script-*.log")))


def _wait(what: Callable[[], bool], seconds: float, child: subprocess.Popen[bytes],
          home: Path) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        if child.poll() is not None:
            pytest.fail(f"the app exited early ({child.returncode}):\n{_output(home)}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"gave up after {seconds} s")
        time.sleep(0.1)


def _recovery_matches(home: Path, expected: tuple[object, ...]) -> bool:
    for path in (home / "data").rglob("session-*.bitext"):
        try:
            if load_project(path).bitext.snapshot() == expected:
                return True
        except (BitextError, OSError):
            continue  # being written right now
    return False


def test_a_killed_app_loses_nothing_older_than_the_autosave_interval(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    _configure(home)
    project = tmp_path / "work.bitext"
    save_project(small_bitext(30), project, {})
    expected_file = tmp_path / "expected.bitext"
    child = _start(home, {"edits": 9, "state": str(expected_file)}, [str(project)])
    try:
        _wait(expected_file.is_file, 60, child, home)
        expected = load_project(expected_file).bitext.snapshot()
        assert expected != load_project(project).bitext.snapshot()
        # the promise: within the interval (here 2 s, at most 30 s) the work is on disk
        _wait(lambda: _recovery_matches(home, expected), PROMISE_SECONDS, child, home)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert load_project(project).bitext.snapshot() != expected  # nothing was saved

    recovered_file = tmp_path / "recovered.bitext"
    report = tmp_path / "report.json"
    second = _start(home, {"state": str(recovered_file), "report": str(report), "quit": True},
                    [], recover="yes")
    assert second.wait(60) == 0, _output(home)
    assert load_project(recovered_file).bitext.snapshot() == expected
    facts = json.loads(report.read_text(encoding="utf-8"))
    assert facts["modified"]  # recovered work is not saved yet: closing asks
    assert facts["path"] == str(project)  # Save writes where the work came from
    assert facts["title"].startswith("work")
    leftovers = list((home / "data").rglob("session-*.bitext"))
    assert not [p for p in leftovers if _recovery_matches_file(p, expected)]


def _recovery_matches_file(path: Path, expected: tuple[object, ...]) -> bool:
    try:
        return load_project(path).bitext.snapshot() == expected
    except (BitextError, OSError):
        return False


def test_a_running_session_is_never_offered_for_recovery(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(0)
        press(window, "Ctrl+M")
        window.files.write_recovery()
        assert window.files.recovery_file.is_file()
        assert window.files.recovery_file not in pending_recoveries()
        press(window, "Ctrl+Z")


def test_recovery_is_asked_of_a_person_and_answered_only_by_an_explicit_script(
        qtbot, monkeypatch, tmp_path: Path):
    from editor.gui import app as app_mod

    leftover = tmp_path / "session-dead.bitext"
    save_project(small_bitext(2), leftover, {}, backup=False)
    monkeypatch.delenv(app_mod.RECOVER_ENV, raising=False)
    assert app_mod.recovery_answer(None) is None  # offscreen: nobody could answer
    assert not app_mod.offer_recovery(None, [leftover]) and leftover.is_file()
    monkeypatch.setenv(app_mod.RECOVER_ENV, "no")
    assert not app_mod.offer_recovery(None, [leftover])
    assert not leftover.exists()  # declined: the old work is dropped
