"""``bitext export``: options reach the exporters, memories convert, errors are one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_helpers import sample_bitext

from editor.cli.main import main
from editor.core.export import read_bitext
from editor.core.project import save_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "doc.bitext"
    save_project(sample_bitext(), path)
    return path


def test_export_tmx_with_codes(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    assert main(["export", str(project), "-o", str(out), "--zh-code", "zh-Hant-HK",
                 "--en-code", "en-GB", "--confirmed-only"]) == 0
    text = out.read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hant-HK"' in text and 'xml:lang="en-GB"' in text
    assert text.count("<tu ") == 2


def test_format_from_extension_and_text_pair(project: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(project), "-o", str(tmp_path / "plain.txt"),
                 "--no-unpaired", "--original"]) == 0
    zh = (tmp_path / "plain.zh.txt").read_text(encoding="utf-8").splitlines()
    en = (tmp_path / "plain.en.txt").read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en) == 3
    assert en[0] == "The HKSAR Government announced new measures today."
    assert "plain.zh.txt and" in capsys.readouterr().out


def test_memory_converts_to_spreadsheet(project: Path, tmp_path: Path) -> None:
    tmx = tmp_path / "m.tmx"
    xlsx = tmp_path / "m.xlsx"
    assert main(["export", str(project), "-o", str(tmx), "-q"]) == 0
    assert main(["export", str(tmx), "-f", "xlsx", "-o", str(xlsx), "-q"]) == 0
    back = read_bitext(xlsx)
    assert [link.status for link in back.links] == ["confirmed", "auto", "confirmed"]


def test_unknown_extension_is_one_line_error(project: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(project), "-o", str(tmp_path / "out.odt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out.odt" in err and "-f" in err


def test_missing_project_is_one_line_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nope.tmx"), "-o", str(tmp_path / "x.csv")]) == 2
    assert "nope.tmx" in capsys.readouterr().err
