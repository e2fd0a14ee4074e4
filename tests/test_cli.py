"""The ``bitext`` command line: version, info, and one-line errors with exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor import __version__
from editor.cli.main import main
from editor.core.model import Bitext, make_sentences
from editor.core.project import save_project


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor.cli.main", *args],
                          capture_output=True, text=True, timeout=60)


def test_version() -> None:
    out = _run("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_version_and_help_load_no_command_work() -> None:
    """``bitext --version``/``--help`` build the parser only: the project reader, the
    exceptions reader, the scorer and the export readers (XML, zip) stay unloaded."""
    script = ("import sys\nfrom editor.cli.main import main\n"
              "for argv in (['--version'], ['--help']):\n"
              "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
              "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True)
    loaded = set(out.stderr.split())
    assert "editor.cli.cmd_align" in loaded  # the parser was built
    assert loaded.isdisjoint({"editor.core.project", "editor.core.segment_exceptions",
                              "editor.core.score", "editor.core.export.readers",
                              "xml.etree.ElementTree", "zipfile"})


def test_info_prints_counts_by_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zh = make_sentences("zh", ["一。", "二。", "三。"])
    en = make_sentences("en", ["One and two.", "Three.", "Extra."])
    bt = Bitext.from_beads(zh, en, [([0, 1], [0]), ([2], [1]), ([], [2])])
    path = tmp_path / "p.bitext"
    save_project(bt, path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "sentences: 3 zh, 3 en" in out
    assert "links: 3 (0 confirmed, 0.0%)" in out
    assert "2-1: 1" in out and "1-1: 1" in out and "0-1: 1" in out


@pytest.mark.parametrize("content", [b"{broken", b"", b"\x00\x01binary"])
def test_errors_are_one_line_on_stderr_with_status_2(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.bitext"
    path.write_bytes(content)
    out = _run("info", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_file_and_no_command() -> None:
    out = _run("info", "/nonexistent/x.bitext")
    assert out.returncode == 2 and "/nonexistent/x.bitext" in out.stderr
    assert _run().returncode == 2
