"""``bitext align``: pre-segmented input, output formats, job files, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli.main import main
from editor.core.score import read_beads

ZH = ["今天早上下雨了。", "我带着一把红色的雨伞去了学校。", "", "我们吃了米饭和鱼。"]
EN = ["It rained this morning.", "I took a red umbrella to school.", "We ate rice and fish."]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "doc.zh", tmp_path / "doc.en"
    zh.write_text("\n".join(ZH) + "\n", encoding="utf-8")
    en.write_text("\n".join(EN) + "\n", encoding="utf-8")
    return zh, en


def test_presegmented_ids_keep_line_numbers(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert main(["align", "--presegmented", str(pair[0]), str(pair[1]),
                 "-o", str(out), "-f", "ids"]) == 0
    assert read_beads(out) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    gold = tmp_path / "gold.align"
    gold.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["score", str(gold), str(out)]) == 0


def test_format_follows_the_extension(pair: tuple[Path, Path], tmp_path: Path) -> None:
    tsv = tmp_path / "out.tsv"
    assert main(["align", "--presegmented", "--mode", "fast", *map(str, pair),
                 "-o", str(tsv)]) == 0
    assert "It rained this morning." in tsv.read_text(encoding="utf-8")
    project = tmp_path / "out.bitext"
    assert main(["align", "--presegmented", "--mode", "fast", *map(str, pair),
                 "-o", str(project)]) == 0
    from editor.core.project import load_project

    assert len(load_project(project).bitext.sentences) == len(ZH) + len(EN)


def test_unknown_extension_asks_for_format(pair: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "--presegmented", *map(str, pair), "-o",
                 str(tmp_path / "out.xyz")]) == 2
    assert "-f" in capsys.readouterr().err


def test_invalid_utf8_names_the_file(pair: tuple[Path, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.zh"
    broken.write_bytes("好".encode() + b"\xff\xfe\n")
    assert main(["align", "--presegmented", str(broken), str(pair[1]),
                 "-o", str(tmp_path / "o.ids")]) == 2
    err = capsys.readouterr().err
    assert "broken.zh" in err and "UTF-8" in err
    assert not (tmp_path / "o.ids").exists()


def test_job_file_runs_every_line_and_reports_failures(
        pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.tsv"
    job.write_text(f"# a comment\n{pair[0].name}\t{pair[1].name}\tone.ids\n"
                   f"missing.zh\t{pair[1].name}\ttwo.ids\n"
                   f"{pair[0].name}\t{pair[1].name}\tthree.tsv\n", encoding="utf-8")
    assert main(["align", "--job", str(job), "--presegmented", "--mode", "fast"]) == 2
    err = capsys.readouterr().err
    assert "[2/3]" in err and "missing.zh" in err
    assert (tmp_path / "one.ids").exists() and (tmp_path / "three.tsv").exists()
    assert not (tmp_path / "two.ids").exists()


def test_bad_job_line_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.txt"
    job.write_text("only-one-field\n", encoding="utf-8")
    assert main(["align", "--job", str(job)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_missing_output_or_inputs_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "a.zh", "b.en"]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["align", "-o", "x.ids"]) == 2


def test_documents_are_imported_segmented_and_aligned(tmp_path: Path) -> None:
    zh, en = tmp_path / "story.zh.txt", tmp_path / "story.en.txt"
    zh.write_text("今天早上下雨了。我带着一把红色的雨伞去了学校。\n\n我们吃了米饭和鱼。\n",
                  encoding="utf-8")
    en.write_text("It rained this morning. I took a red umbrella to school.\n\n"
                  "We ate rice and fish.\n", encoding="utf-8")
    out = tmp_path / "story.ids"
    assert main(["align", "--mode", "fast", str(zh), str(en), "-o", str(out)]) == 0
    assert read_beads(out) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
