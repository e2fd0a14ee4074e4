"""The project file: round trip, atomic save with backup, typed errors, found sources."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from bitext_factory import random_bitext, try_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core import edits, ops
from editor.core.errors import ProjectFormatError
from editor.core.model import Bitext, Source, make_sentences
from editor.core.project import (
    FORMAT_VERSION,
    MIGRATIONS,
    load_project,
    save_project,
    sha256_file,
)


def _edited_bitext(seed: int) -> Bitext:
    rng = random.Random(seed)
    bt = random_bitext(rng, 8, 9)
    for _ in range(40):
        edit = try_plan(bt, rng)
        if edit is not None:
            edits.apply(bt, edit)
    return bt


@settings(max_examples=100)
@given(seed=st.integers(0, 2**32 - 1))
def test_save_then_load_is_the_identity(tmp_path_factory: pytest.TempPathFactory,
                                        seed: int) -> None:
    bt = _edited_bitext(seed)
    path = tmp_path_factory.mktemp("p") / "work.bitext"
    view = {"current_link": 3, "scroll": 120, "filters": ["unconfirmed"]}
    save_project(bt, path, view)
    project = load_project(path)
    assert project.bitext.snapshot() == bt.snapshot()
    assert project.view_state == view


def test_file_is_one_record_per_line_and_diff_friendly(tmp_path: Path) -> None:
    bt = _edited_bitext(1)
    path = tmp_path / "a.bitext"
    save_project(bt, path)
    first = path.read_text(encoding="utf-8")
    save_project(bt, path)
    assert path.read_text(encoding="utf-8") == first  # stable output
    lines = first.splitlines()
    assert len(lines) >= len(bt.sentences) + len(bt.links)
    sid = next(iter(bt.sentences))
    edits.apply(bt, ops.edit_text(bt, sid, "改了。"))
    save_project(bt, path)
    changed = [a for a, b in zip(first.splitlines(), path.read_text("utf-8").splitlines(),
                                 strict=True) if a != b]
    assert len(changed) == 1 and "改了" not in changed[0]  # old line vs new line


def test_save_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.bitext"
    old, new = _edited_bitext(2), _edited_bitext(3)
    save_project(old, path)
    save_project(new, path)
    assert load_project(path).bitext.snapshot() == new.snapshot()
    assert load_project(tmp_path / "a.bitext.bak").bitext.snapshot() == old.snapshot()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bitext", "a.bitext.bak"]


def test_failed_save_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.bitext"
    save_project(_edited_bitext(4), path)
    before = path.read_bytes()
    broken = _edited_bitext(5)
    broken.links[0] = object()  # type: ignore[call-overload]  # cannot be encoded
    with pytest.raises(AttributeError):
        save_project(broken, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bitext"]


def test_unknown_fields_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.bitext"
    save_project(_edited_bitext(6), path)
    doc = json.loads(path.read_text("utf-8"))
    doc["future_top"] = {"x": 1}
    doc["sentences"][0]["future_field"] = [1, 2]
    doc["links"][0]["reviewer"] = "Chan"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    project = load_project(path)
    save_project(project.bitext, path, extra=project.extra)
    again = json.loads(path.read_text("utf-8"))
    assert again["future_top"] == {"x": 1}
    assert again["sentences"][0]["future_field"] == [1, 2]
    assert again["links"][0]["reviewer"] == "Chan"


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "is not valid JSON (line 1"),
    (b"\xff\xfe\x00garbage", "is not UTF-8"),
    ('{"format": "something-else", "version": 1}', "is not a Bitext Editor project"),
    ('{"format": "bitext-editor-project", "version": 99}', "newer Bitext Editor"),
    ('{"format": "bitext-editor-project", "version": "1"}', "no valid format version"),
    ('{"format": "bitext-editor-project", "version": 1, "links": {}}', "'links' must be a list"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": [{"id": "z0", '
     '"lang": "zh", "text": 5, "order": [0]}]}', "sentence 1: 'text' has the wrong type"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": [{"id": "z0", '
     '"lang": "zh", "text": "a", "order": [0]}], "links": []}', "sentence z0 is in no link"),
    ('{"format": "bitext-editor-project", "version": 1, "links": [{"zh": [], "en": []}]}',
     "link 1 is empty on both sides"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": ['
     '{"id": "z0", "lang": "zh", "text": "一。"}, {"id": "z1", "lang": "zh", "text": "二。"}],'
     ' "links": [{"zh": ["z1"]}, {"zh": ["z0"]}]}', "sentence z0 is out of document order"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": ['
     '{"id": "z0", "lang": "zh", "text": "一。"}], "links": [{"en": ["z0"]}]}',
     "sentence z0 is zh but on the en side"),
    ("[" * 100000, "is not valid JSON"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": ['
     '{"id": "z0", "lang": "zh", "text": "一。"}, {"id": "z0", "lang": "zh", "text": "二。"}],'
     ' "links": [{"zh": ["z0"]}]}', "sentence id 'z0' appears twice"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": [{"id": "z0", '
     '"lang": "zh", "text": "一。", "rects": [[1.0, 2.0, true, 4.0]]}], '
     '"links": [{"zh": ["z0"]}]}', "sentence 1: each rectangle must be four numbers"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": [{"id": "z0", '
     '"lang": "zh", "text": "一。", "rects": [[1.0, 2.0, 4.0]]}], '
     '"links": [{"zh": ["z0"]}]}', "sentence 1: each rectangle must be four numbers"),
    ('{"format": "bitext-editor-project", "version": 1, "sentences": [{"id": "z0", '
     '"lang": "zh", "text": "一。"}], "links": [{"zh": ["z0"], "confidence": 1.5}]}',
     "link 1: confidence must be a number in [0, 1]"),
])
def test_broken_files_give_a_typed_error_naming_the_file(tmp_path: Path, content: str | bytes,
                                                        expected: str) -> None:
    path = _write(tmp_path / "broken.bitext", content)
    with pytest.raises(ProjectFormatError) as info:
        load_project(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_folder_and_missing_file_are_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectFormatError, match="is a folder"):
        load_project(tmp_path)
    with pytest.raises(ProjectFormatError, match="cannot be read"):
        load_project(tmp_path / "nope.bitext")


def test_older_versions_are_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The migration chain runs step by step (exercised with a stand-in older version)."""
    path = tmp_path / "a.bitext"
    save_project(_edited_bitext(7), path)
    doc = json.loads(path.read_text("utf-8"))
    doc["version"] = FORMAT_VERSION - 1
    doc["links"] = doc.pop("links")
    for link in doc["links"]:
        link["state"] = link.pop("status")
    path.write_text(json.dumps(doc), encoding="utf-8")

    def rename_state(old: dict) -> dict:
        for link in old["links"]:
            link["status"] = link.pop("state")
        return {**old, "version": old["version"] + 1}

    monkeypatch.setitem(MIGRATIONS, FORMAT_VERSION - 1, rename_state)
    assert load_project(path).bitext.links[0].status in ("auto", "confirmed")
    monkeypatch.delitem(MIGRATIONS, FORMAT_VERSION - 1)
    with pytest.raises(ProjectFormatError, match="no longer supported"):
        load_project(path)


def _project_with_source(folder: Path, doc: Path) -> Path:
    zh, en = make_sentences("zh", ["你好。"]), make_sentences("en", ["Hello."])
    src = Source("s0", str(doc), sha256_file(doc), "pdf", ("zh", "en"))
    bt = Bitext.from_beads(zh, en, [([0], [0])], sources=[src])
    path = folder / "p.bitext"
    save_project(bt, path)
    return path


def test_sources_are_stored_relative_and_found_after_a_move(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    doc = _write(tmp_path / "docs" / "paper.pdf", b"%PDF-1.4 fake")
    path = _project_with_source(tmp_path, doc)
    assert json.loads(path.read_text("utf-8"))["sources"][0]["path"] == "docs/paper.pdf"
    assert load_project(path).source_paths["s0"] == doc
    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    doc.rename(moved)
    project = load_project(path)
    assert project.source_paths["s0"] == moved
    moved.unlink()
    project = load_project(path)
    assert project.source_paths["s0"] is None
    assert [s.id for s in project.missing_sources] == ["s0"]


def test_hand_written_integer_rectangles_load_as_numbers(tmp_path: Path) -> None:
    """A project edited by hand may write ``[10, 20, 30, 40]``; it loads like floats."""
    path = _write(tmp_path / "ints.bitext",
                  '{"format": "bitext-editor-project", "version": 1, "sentences": ['
                  '{"id": "z0", "lang": "zh", "text": "一。", "page": 0, '
                  '"rects": [[10, 20.5, 30, 40]]}], "links": [{"zh": ["z0"]}]}')
    rects = load_project(path).bitext.sentences["z0"].provenance.rects  # type: ignore[union-attr]
    assert rects == ((10.0, 20.5, 30.0, 40.0),)
    assert all(type(v) is float for v in rects[0])


def test_early_files_with_order_keys_load_and_drop_them(tmp_path: Path) -> None:
    """Early version-1 files stored each sentence's order key; the file order is the
    order, so the key is read past and not written back as an unknown field."""
    path = _write(tmp_path / "early.bitext",
                  '{"format": "bitext-editor-project", "version": 1, "sentences": ['
                  '{"id": "z0", "lang": "zh", "text": "一。", "order": [0]}, '
                  '{"id": "z1", "lang": "zh", "text": "二。", "order": [0, 1]}], '
                  '"links": [{"zh": ["z0", "z1"]}]}')
    project = load_project(path)
    assert [s.text for s in project.bitext.ordered_sentences("zh")] == ["一。", "二。"]
    save_project(project.bitext, path)
    assert '"order"' not in path.read_text("utf-8")
