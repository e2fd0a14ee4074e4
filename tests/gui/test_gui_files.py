"""Files: a 50,000-link project, bundles, recovery, import problems."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from gui_helpers import open_window, pdf_bitext, press, small_bitext

from editor.core.errors import InputError
from editor.core.model import Bitext, make_sentences
from editor.core.project import load_project, save_project
from editor.gui.bundle import BUNDLE_SUFFIX, save_bundle, unpack_bundle


def big_bitext(n: int) -> Bitext:
    zh = make_sentences("zh", [f"第{i}句。" for i in range(n)])
    en = make_sentences("en", [f"Sentence number {i}." for i in range(n)])
    return Bitext.from_beads(zh, en, [((i,), (i,)) for i in range(n)],
                             confidences=[(i % 100) / 100 for i in range(n)])


def test_opens_a_50000_link_project_and_edits_it(qtbot, tmp_path: Path):
    path = tmp_path / "big.bitext"
    save_project(big_bitext(50_000), path, {"current_link": 49_990})
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.open_project(path)
        assert window.proxy.rowCount() == 50_000
        assert window.focus[0] == 49_990
        press(window, "Ctrl+M")
        assert window.proxy.rowCount() == 49_999
        press(window, "Ctrl+Z")
        assert window.session.bitext.links[49_990].shape == "1-1"
        window.update_status()
        assert "50000 links" in window.counts_label.text()


def test_bundle_embeds_sources_and_opens_elsewhere(qtbot, tmp_path: Path):
    bt, pdf = pdf_bitext(tmp_path)
    bundle = tmp_path / f"shared{BUNDLE_SUFFIX}"
    assert save_bundle(bt, bundle, {"current_link": 2}, {"s1": pdf}) == []
    elsewhere = tmp_path / "colleague"
    elsewhere.mkdir()
    moved = elsewhere / bundle.name
    bundle.rename(moved)
    pdf.unlink()  # the original document is gone on the colleague's machine
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.open_paths([str(moved)])
        assert len(window.session.bitext.links) == 3
        assert window.focus[0] == 2
        path, _, problem = window.files.pdf_for("s1")
        assert problem == "" and Path(path).is_file()
        assert elsewhere in Path(path).parents
    assert sorted(p.name for p in tmp_path.iterdir()) == ["colleague"]


def test_bundle_with_unsafe_names_is_refused(tmp_path: Path):
    bad = tmp_path / f"evil{BUNDLE_SUFFIX}"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("project.bitext", "{}")
        archive.writestr("../outside.txt", "x")
    with pytest.raises(InputError, match="unsafe"):
        unpack_bundle(bad)
    assert not (tmp_path.parent / "outside.txt").exists()


def test_unsaved_work_goes_to_the_recovery_file(qtbot):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(0)
        press(window, "Ctrl+M")
        window.files.write_recovery()
        recovery = window.files.recovery_file
        assert recovery.is_file()
        assert len(load_project(recovery).bitext.links) == 3
        press(window, "Ctrl+Z")  # back to the saved state: nothing left to recover
        window.files.write_recovery()
        assert not recovery.exists()


def test_recovery_reopens_as_unsaved(qtbot, tmp_path: Path):
    from editor.gui.app import recover

    origin = tmp_path / "mine.bitext"
    recovery = tmp_path / "session-1.bitext"
    save_project(small_bitext(3), recovery, {"recovery_of": str(origin),
                                             "recovery_name": "mine"})
    with open_window(qtbot, small_bitext(1)) as window:
        recover(window, recovery)
        assert window.files.path == origin
        assert window.isWindowModified()
        assert len(window.session.bitext.links) == 3


def test_broken_project_is_a_message_not_a_crash(qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QApplication, QMessageBox

    broken = tmp_path / "broken.bitext"
    broken.write_text("{ not json", encoding="utf-8")
    with open_window(qtbot, small_bitext(2)) as window:
        window.files.open_paths([str(broken)])
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and "broken.bitext" in boxes[0].text()
        for box in boxes:
            box.close()
        assert len(window.session.bitext.links) == 2


def test_export_runs_in_the_background_and_writes_tmx(qtbot, tmp_path: Path):
    from editor.core.export import ExportOptions, read_bitext
    from editor.gui.exportdialog import export_in_background

    target = tmp_path / "out.tmx"
    with open_window(qtbot, small_bitext(5)) as window:
        export_in_background(window, str(target), "tmx", ExportOptions())
        qtbot.waitUntil(lambda: window.files.job is None, timeout=30_000)
        assert "Exported" in window.statusBar().currentMessage()
    back = read_bitext(target)
    assert [back.texts(link, "en") for link in back.links][2] == ["Sentence 2 of the test."]


@pytest.mark.shared
def test_encrypted_pdf_asks_for_the_password(qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    shared = Path(__file__).resolve().parents[2] / ".." / "shared"
    pdf = shared / "fixtures" / "problem" / "encrypted_password-is-test.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} is absent (real data lives in ../shared beside the clone)")
    asked: list[str] = []

    def answer(parent, title, label, echo):
        asked.append(label)
        return ("wrong", True) if len(asked) == 1 else ("test", True)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)])
        qtbot.waitUntil(lambda: len(asked) == 2 and window.files.job is None, timeout=120_000)
        assert "encrypted" in asked[0] and "Wrong password" in asked[1]
        assert window.files.name == "encrypted_password-is-test"


def test_dropping_a_project_opens_it(qtbot, tmp_path: Path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.bitext"
    save_project(small_bitext(7), path, {})
    with open_window(qtbot, small_bitext(1)) as window:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        window.dropEvent(event)
        assert len(window.session.bitext.links) == 7
        assert window.windowTitle().startswith("dropped[*]")


def test_corrupt_setting_falls_back_to_its_default(qtbot):
    from editor.gui import settings

    settings.store().setValue("review/threshold", "not a number")
    try:
        assert settings.get("review/threshold") == 0.75
    finally:
        settings.store().remove("review/threshold")


def test_saving_keeps_the_projects_settings_and_unknown_fields(qtbot, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    """What the project carries beyond the text (the segmentation exceptions it was
    imported with, fields a newer editor wrote) survives Save and Save Bundle."""
    path = tmp_path / "keep.bitext"
    settings = {"segmentation_exceptions": {"en": ["Tbl."]}}
    save_project(small_bitext(3), path, {}, settings=settings,
                 extra={"reviewed_by": "Chan"})
    bundle = tmp_path / f"keep{BUNDLE_SUFFIX}"
    monkeypatch.setattr("editor.gui.files.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(bundle), ""))
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.open_project(path)
        press(window, "Ctrl+M")
        assert window.files.save()
        window.files.save_bundle()
    saved = load_project(path)
    assert (saved.settings, saved.extra) == (settings, {"reviewed_by": "Chan"})
    assert len(saved.bitext.links) == 2
    unpacked = load_project(unpack_bundle(bundle))
    assert (unpacked.settings, unpacked.extra) == (settings, {"reviewed_by": "Chan"})


def test_the_window_reads_a_pdf_in_a_guarded_child_process(qtbot, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    """A PDF that crashes or hangs MuPDF must cost the import, not the window: the
    window's import reads each PDF in a child process with a watchdog."""
    from editor.core.extract import api
    from editor.core.extract.limits import PDF_OCR_STALL_SECONDS

    _, pdf = pdf_bitext(tmp_path)
    guarded: list[tuple[str, float, str]] = []
    real = api.run_with_timeout

    def spy(path, password, source_id, timeout, **kwargs):
        guarded.append((Path(path).name, timeout, api._start_method()))
        return real(path, password, source_id, timeout, **kwargs)

    monkeypatch.setattr(api, "run_with_timeout", spy)
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)])
        qtbot.waitUntil(lambda: window.files.job is None, timeout=120_000)
        texts = [s.text for s in window.session.bitext.sentences.values()]
    assert guarded == [("two-columns.pdf", PDF_OCR_STALL_SECONDS, "spawn")]
    assert "第二句。" in texts and "Second sentence." in texts


def test_import_progress_moves_forward_through_alignment(qapp, tmp_path: Path):
    """The progress bar goes on past 'Aligning sentences…' (it sat at 60 % while the
    aligner worked) and never goes back."""
    from editor.gui.importing import import_and_align

    doc = tmp_path / "pair.txt"
    doc.write_text("\n\n".join(["今天天氣很好。我們去公園散步吧。", "The weather is fine today. "
                                "Let us walk in the park.", "他說好。", "He said yes."]),
                   encoding="utf-8")
    seen: list[tuple[str, float]] = []
    import_and_align([str(doc)], None, lambda text, f: seen.append((text, f)), lambda: False)
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions)
    assert {text for text, _ in seen} == {"Reading documents…", "Aligning sentences…"}
    assert any(f > 0.6 for text, f in seen if text == "Aligning sentences…")


def test_a_pair_is_named_after_what_its_files_share():
    """The name becomes the suggested project and export file name: "report", not
    "report_zh + report_en"."""
    from editor.gui.files import document_name

    assert document_name(["/docs/report_zh.pdf", "/docs/report_en.pdf"]) == "report"
    assert document_name(["/a/zh.pdf", "/b/en.pdf"]) == "zh+en"
    assert document_name(["/docs/seed-sample.pdf"]) == "seed-sample"
