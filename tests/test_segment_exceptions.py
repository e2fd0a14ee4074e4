"""User segmentation exceptions: list files, changes to the built-in list, CLI, projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.cli.main import main
from editor.core.errors import FileProblem
from editor.core.project import load_project
from editor.core.segment import split_sentences
from editor.core.segment_exceptions import (
    SETTINGS_KEY,
    EntryError,
    ExceptionListError,
    changes_from_full_list,
    effective_exceptions,
    from_settings,
    parse_exceptions,
    read_exceptions_file,
    to_settings,
    write_exceptions_file,
)
from editor.core.segment_lexicon import DEFAULT_EXCEPTIONS

EN_TEXT = "See Tbl. Five rows are listed. The Dr. Who show is long. See Fig. Two here."
ZH_TEXT = "我常用Yahoo!奇摩搜尋資料。神秘博士節目很長。\n\n另一段。\n"


def sentences(text: str, changes: tuple[str, ...] = ()) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, "en", changes)]


# -- the rules ------------------------------------------------------------------------------

def test_an_addition_keeps_a_sentence_together_and_a_removal_splits_it_again() -> None:
    assert sentences(EN_TEXT) == ["See Tbl.", "Five rows are listed.",
                                  "The Dr. Who show is long.", "See Fig. Two here."]
    assert sentences(EN_TEXT, ("Tbl", "-Dr.", "-Fig.")) == [
        "See Tbl. Five rows are listed.", "The Dr.", "Who show is long.", "See Fig.",
        "Two here."]


def test_the_later_of_an_addition_and_its_removal_wins() -> None:
    assert sentences("See Tbl. Five.", ("Tbl.", "-Tbl.")) == ["See Tbl.", "Five."]
    assert sentences("See Tbl. Five.", ("-Tbl.", "Tbl.")) == ["See Tbl. Five."]


def test_removing_an_entry_that_is_not_built_in_changes_nothing() -> None:
    assert sentences(EN_TEXT, ("-Xyz.",)) == sentences(EN_TEXT)


# -- entries and lists ----------------------------------------------------------------------

def test_parse_skips_comments_and_blanks_and_normalises_entries() -> None:
    text = "# my list\n\n  Tbl \n et   al. \n- Fig\nTbl.\n  # indented comment\n"
    assert parse_exceptions(text, "en") == ["Tbl.", "et al.", "-Fig."]
    assert parse_exceptions("子曰。\n# 註\n 第  \n", "zh") == ["子曰。", "第"]


@pytest.mark.parametrize(("line", "problem"), [
    ("one two three.", "more than 2 words"),
    ("Yahoo!", "must end with a period"),
    ("-", "names no entry"),
    ("x" * 50, "longer than 40"),
])
def test_parse_names_the_line_of_an_entry_that_could_never_match(line: str,
                                                                 problem: str) -> None:
    with pytest.raises(EntryError, match=rf"^line 2: .*{problem}"):
        parse_exceptions(f"Tbl.\n{line}\n", "en")


def test_the_full_list_a_user_edits_is_stored_as_changes_to_the_built_in_list() -> None:
    defaults = list(DEFAULT_EXCEPTIONS["en"])
    full = [e for e in defaults if e != "Fig."] + ["Tbl", "-Dr."]
    changes = changes_from_full_list("en", full)
    assert changes == ["Tbl.", "-Dr.", "-Fig."]
    shown = effective_exceptions("en", changes)
    assert "Tbl." in shown and "Fig." not in shown and "Dr." not in shown
    assert shown[:2] == defaults[:2]  # built-in entries first, in their order
    assert changes_from_full_list("en", defaults) == []
    assert changes_from_full_list("zh", ["子曰。"]) == ["子曰。"]


@settings(max_examples=100, deadline=None)
@given(kept=st.lists(st.sampled_from(DEFAULT_EXCEPTIONS["en"]), unique=True),
       added=st.lists(st.from_regex(r"[A-Za-z]{1,6}\.", fullmatch=True), max_size=5))
def test_changes_from_a_full_list_rebuild_that_list(kept: list[str], added: list[str]) -> None:
    full = kept + added
    assert set(effective_exceptions("en", changes_from_full_list("en", full))) == set(full)


# -- files ------------------------------------------------------------------------------------

def test_a_written_list_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    write_exceptions_file(path, "en", ["Tbl", "-Fig.", "et al."])
    assert path.read_text("utf-8").startswith("# English segmentation exceptions")
    assert read_exceptions_file(path, "en") == ["Tbl.", "-Fig.", "et al."]


def test_utf16_with_a_byte_order_mark_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("子曰。\n", encoding="utf-16")
    assert read_exceptions_file(path, "zh") == ["子曰。"]


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    cases = {"missing": (tmp_path / "nope.txt", "does not exist"),
             "folder": (tmp_path, "is a folder"),
             "latin1": (tmp_path / "latin1.txt", "is not UTF-8"),
             "binary": (tmp_path / "nul.txt", "not a text file"),
             "bad line": (tmp_path / "three.txt", "line 3: 'a b c.' has more than 2 words")}
    (tmp_path / "latin1.txt").write_bytes("Fig.\nCaf\u00e9.\n".encode("latin-1"))
    (tmp_path / "nul.txt").write_bytes(b"Fig.\x00\x00\n")
    (tmp_path / "three.txt").write_text("# list\nTbl.\na b c.\n", encoding="utf-8")
    return cases


@pytest.mark.parametrize("case", ["missing", "folder", "latin1", "binary", "bad line"])
def test_a_bad_list_file_is_a_problem_naming_the_file(tmp_path: Path, case: str) -> None:
    path, problem = _bad_files(tmp_path)[case]
    with pytest.raises(ExceptionListError, match=problem) as info:
        read_exceptions_file(path, "en")
    assert isinstance(info.value, FileProblem) and info.value.path == str(path)


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("editor.core.segment_exceptions.MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("Tbl.\n" * 5, encoding="utf-8")
    with pytest.raises(ExceptionListError, match="too large"):
        read_exceptions_file(path, "en")


# -- project settings ---------------------------------------------------------------------------

def test_settings_round_trip_and_malformed_records_are_ignored() -> None:
    stored = to_settings({"en": ["Tbl.", "-Fig."]})
    assert stored == {SETTINGS_KEY: {"zh": [], "en": ["Tbl.", "-Fig."]}}
    assert from_settings(stored) == {"zh": [], "en": ["Tbl.", "-Fig."]}
    assert from_settings({}) == {"zh": [], "en": []}
    assert from_settings({SETTINGS_KEY: "Tbl."}) == {"zh": [], "en": []}
    odd = {SETTINGS_KEY: {"en": ["Tbl", 3, "a b c."], "zh": "子曰。"}}
    assert from_settings(odd) == {"zh": [], "en": ["Tbl."]}


# -- the command line -----------------------------------------------------------------------------

@pytest.fixture
def documents(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH_TEXT, encoding="utf-8")
    en.write_text(EN_TEXT + "\n\nAnother paragraph here.\n", encoding="utf-8")
    return zh, en


def _english(out: str) -> list[str]:
    return [line.split("\t")[2] for line in out.splitlines() if line.startswith("en\t")]


def test_extract_uses_the_lists_given(documents: tuple[Path, Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    zh, en = documents
    assert main(["extract", str(zh), str(en)]) == 0
    out = capsys.readouterr().out
    assert _english(out)[:2] == ["See Tbl.", "Five rows are listed."]
    assert "zh\t-\t我常用Yahoo!\n" in out
    (tmp_path / "en-list.txt").write_text("# tables\nTbl\n-Fig.\n", encoding="utf-8")
    (tmp_path / "zh-list.txt").write_text("# 台灣雅虎\nYahoo!\n", encoding="utf-8")
    assert main(["extract", str(zh), str(en), "--exceptions-en", str(tmp_path / "en-list.txt"),
                 "--exceptions-zh", str(tmp_path / "zh-list.txt"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    en_out = [s["text"] for s in doc["sentences"] if s["lang"] == "en"]
    zh_out = [s["text"] for s in doc["sentences"] if s["lang"] == "zh"]
    assert en_out[:4] == ["See Tbl. Five rows are listed.", "The Dr. Who show is long.",
                          "See Fig.", "Two here."]
    assert zh_out[:2] == ["我常用Yahoo!奇摩搜尋資料。", "神秘博士節目很長。"]


@pytest.mark.parametrize("command", ["extract", "align"])
@pytest.mark.parametrize("case", ["missing", "latin1", "bad line"])
def test_a_bad_list_fails_with_one_line_naming_it(documents: tuple[Path, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  command: str, case: str) -> None:
    zh, en = documents
    path, problem = _bad_files(tmp_path)[case]
    out = ["-o", str(tmp_path / "out.bitext"), "--mode", "fast"] if command == "align" else []
    assert main([command, str(zh), str(en), *out, "--exceptions-en", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert str(path) in captured.err and problem in captured.err
    assert not (tmp_path / "out.bitext").exists()


def test_align_records_the_lists_in_the_project(documents: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    zh, en = documents
    (tmp_path / "en-list.txt").write_text("Tbl\n-Dr.\n", encoding="utf-8")
    for name, extra in (("plain", []), ("listed", ["--exceptions-en",
                                                   str(tmp_path / "en-list.txt")])):
        assert main(["align", str(zh), str(en), "-o", str(tmp_path / f"{name}.bitext"),
                     "--mode", "fast", *extra]) == 0
    plain = load_project(tmp_path / "plain.bitext")
    listed = load_project(tmp_path / "listed.bitext")
    assert plain.settings == {SETTINGS_KEY: {"zh": [], "en": []}}
    assert listed.settings == {SETTINGS_KEY: {"zh": [], "en": ["Tbl.", "-Dr."]}}
    texts = [s.text for s in listed.bitext.sentences.values() if s.lang == "en"]
    assert "See Tbl. Five rows are listed." in texts and "The Dr." in texts
    assert len(texts) == len([s for s in plain.bitext.sentences.values()
                              if s.lang == "en"])  # one joined, one split


def test_align_refuses_lists_for_presegmented_input(documents: tuple[Path, Path],
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    zh, en = documents
    (tmp_path / "en-list.txt").write_text("Tbl\n", encoding="utf-8")
    assert main(["align", str(zh), str(en), "-o", str(tmp_path / "out.ids"), "--presegmented",
                 "--exceptions-en", str(tmp_path / "en-list.txt")]) == 2
    err = capsys.readouterr().err
    assert "en-list.txt" in err and "--presegmented" in err


def test_help_explains_the_list_format(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("extract", "align"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "--exceptions-en FILE" in out and "--exceptions-zh FILE" in out
        assert "one entry per line" in out and "'-Fig.'" in out


def test_a_job_uses_the_lists_for_every_line(documents: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    zh, en = documents
    (tmp_path / "en-list.txt").write_text("Tbl\n", encoding="utf-8")
    job = tmp_path / "job.tsv"
    job.write_text(f"{zh.name}\t{en.name}\tone.bitext\n{zh.name}\t{en.name}\ttwo.bitext\n",
                   encoding="utf-8")
    assert main(["align", "--job", str(job), "--mode", "fast",
                 "--exceptions-en", str(tmp_path / "en-list.txt")]) == 0
    for name in ("one", "two"):
        project = load_project(tmp_path / f"{name}.bitext")
        assert project.settings[SETTINGS_KEY]["en"] == ["Tbl."]
        texts = [s.text for s in project.bitext.sentences.values()]
        assert "See Tbl. Five rows are listed." in texts
