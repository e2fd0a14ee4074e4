"""Files: open, import, save, bundle, recent files, autosave and recovery, export.

Expected problems (:class:`~editor.core.errors.BitextError`) become a short message
box with details; imports and alignment run as jobs with a progress dialog and Cancel.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QProgressDialog

from editor.core.errors import BitextError, InputError
from editor.core.model import Bitext
from editor.core.project import SUFFIX, Project, load_project, save_project
from editor.gui import dialogs, jobui, settings
from editor.gui.bundle import BUNDLE_SUFFIX, load_bundle, save_bundle
from editor.gui.importing import ImportOutcome, import_and_align
from editor.gui.workers import Cancelled, Job, worker_thread
from editor.resources import resource_path

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
RECENT_MAX = 10
DOCUMENT_SUFFIXES = (".pdf", ".txt", ".docx", ".html", ".htm", ".md")
TABLE_SUFFIXES = (".tmx", ".tsv", ".tab", ".csv", ".xlsx")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def sample_path() -> Path:
    return resource_path("samples", "seed-sample.pdf")


def data_dir(kind: str) -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def document_name(paths: Sequence[str]) -> str:
    """The name of an import: the file's stem, or what a pair's stems share.

    "report_zh.pdf" + "report_en.pdf" is "report" (also the suggested project and export
    file name); two unrelated names are joined with "+".
    """
    stems = [Path(p).stem for p in paths]
    if len(stems) == 1:
        return stems[0]
    common = 0
    while common < min(map(len, stems)) and len({stem[common] for stem in stems}) == 1:
        common += 1
    shared = stems[0][:common].rstrip(" _-.·(（[")
    return shared if len(shared) >= 3 else "+".join(stems)


class Files:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.path: Path | None = None
        self.name = ""
        self.source_paths: dict[str, Path | None] = {}
        self.project_settings: dict[str, Any] = {}  # the project's ``settings``, kept on save
        self.project_extra: dict[str, Any] = {}  # fields of a newer editor, kept on save
        self.job: Job | None = None
        self.recovery_file = data_dir("recovery") / f"session-{id(self):x}{SUFFIX}"
        self._lock = session_lock(self.recovery_file)  # held: this session is alive
        self._lock.tryLock(0)
        self._saved_index = -1
        self.autosave = QTimer(window)
        seconds = max(1, min(30, int(settings.get("files/autosave_seconds"))))
        self.autosave.setInterval(1000 * seconds)
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()

    # -- the current document --------------------------------------------------------------
    def set_document(self, path: Path | None, name: str,
                     source_paths: dict[str, Path | None]) -> None:
        self.path = path
        self.name = name
        self.source_paths = dict(source_paths)
        self.project_settings = {}
        self.project_extra = {}
        self._saved_index = -1
        self.w.update_title()

    def pdf_for(self, source_id: str) -> tuple[str | None, str, str]:
        """(path to show, label, problem) for a source id."""
        source = self.w.session.bitext.source(source_id)
        if source is None:
            return None, "", _tr("The sentence names an unknown source document.")
        path = self.source_paths.get(source_id)
        label = Path(source.path).name
        if path is None:
            return None, label, _tr("The source document {name} is missing or was moved; "
                                    "put it beside the project to see it here.").format(name=label)
        if path.suffix.lower() != ".pdf":
            return None, label, _tr("{name} is not a PDF, so there is no page to show.").format(
                name=label)
        return str(path), label, ""

    # -- opening --------------------------------------------------------------------------
    def open_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in (SUFFIX, BUNDLE_SUFFIX, *DOCUMENT_SUFFIXES,
                                                *TABLE_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(
            self.w, _tr("Open"), str(self._last_folder()),
            _tr("Everything Bitext Editor opens ({patterns});;All files (*)").format(
                patterns=patterns))
        if paths:
            self.open_paths(paths)

    def import_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in DOCUMENT_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self.w, _tr("Import one bilingual document or a Chinese–English pair"),
            str(self._last_folder()), _tr("Documents ({patterns})").format(patterns=patterns))
        if paths:
            self.open_paths(paths)

    def open_sample(self) -> None:
        if self.maybe_save():
            self.import_documents([str(sample_path())], cache=True)

    def open_paths(self, paths: list[str]) -> None:
        if not self.maybe_save():
            return
        first = Path(paths[0])
        suffix = first.suffix.lower()
        try:
            if len(paths) == 1 and suffix == SUFFIX:
                self.open_project(first)
            elif len(paths) == 1 and first.name.endswith(BUNDLE_SUFFIX):
                project = load_bundle(first)
                self.open_project(project.path or first, name=first.stem, project=project)
            elif len(paths) == 1 and suffix in TABLE_SUFFIXES:
                self._open_table(first)
            else:
                self.import_documents(paths)
        except BitextError as exc:
            dialogs.show_problem(self.w, _tr("Cannot open the file"), exc)

    def open_project(self, path: Path, name: str | None = None,
                     recovered_from: Path | None = None, project: Project | None = None) -> None:
        """Show the project at ``path`` (``project``: already loaded from there)."""
        if project is None:
            project = load_project(path)
        bitext = project.bitext
        folder = path.resolve().parent
        bitext.sources = [replace(s, path=str(project.source_paths.get(s.id) or (folder / s.path)))
                          for s in bitext.sources]
        target = recovered_from if recovered_from is not None else path
        self.w.set_bitext(bitext, target, project.view_state,
                          name or target.name.removesuffix(SUFFIX), project.source_paths)
        self.project_settings = dict(project.settings)
        self.project_extra = dict(project.extra)
        self.add_recent(target)
        if project.missing_sources:
            names = ", ".join(Path(s.path).name for s in project.missing_sources)
            self.w.say(_tr("Missing source documents: {names}").format(names=names))

    def _open_table(self, path: Path) -> None:
        from editor.core.export import read_bitext

        bitext = read_bitext(path)
        self.w.set_bitext(bitext, None, {}, path.stem)
        self.w.session.undo_stack.resetClean()

    def import_documents(self, paths: list[str], password: str | None = None,
                         cache: bool = False) -> None:
        """Run import and alignment on the PDF thread with a progress dialog."""
        paths = [str(Path(p).resolve()) for p in paths]
        exceptions = settings.segmentation_exceptions()
        cache = cache and not any(exceptions.values())  # cached results used the defaults
        # Hashed once: looked up now, and on a miss stored under after the import.
        digest = self._digest(paths) if cache else None
        if digest is not None and self._open_cached(paths, digest):
            return
        job = Job(lambda progress, cancel: import_and_align(paths, password, progress, cancel,
                                                            exceptions), "import")
        progress = QProgressDialog(_tr("Importing…"), _tr("Cancel"), 0, 1000, self.w)
        progress.setWindowTitle(_tr("Import"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)
        def show(text: str, fraction: float) -> None:
            progress.setLabelText(text or _tr("Importing…"))
            progress.setValue(int(fraction * 1000))

        job.progress.connect(show)
        job.finished.connect(lambda out: self._imported(paths, out, progress, cache, digest))
        job.failed.connect(lambda exc: self._import_failed(paths, exc, progress, cache,
                                                           password is not None))
        self.job = job
        # PDFs are read in a child process, so the job stays off the page renderer's
        # thread: a long alignment must not hold up page renders.
        job.start_on(worker_thread())

    def _imported(self, paths: list[str], outcome: ImportOutcome, progress: QProgressDialog,
                  cache: bool, digest: str | None = None) -> None:
        jobui.end(self.w, progress)
        bitext = outcome.bitext
        sources: dict[str, Path | None] = {s.id: Path(s.path) if s.path else None
                                           for s in bitext.sources}
        name = document_name(paths)
        self.w.set_bitext(bitext, None, {}, name, sources)
        self.project_settings = dict(outcome.settings)
        if not cache:
            self.w.session.undo_stack.resetClean()
        if digest is not None:
            self._store_cached(digest, bitext)
        if outcome.warnings:
            dialogs.show_import_warnings(self.w, outcome.warnings, self._show_warning_page)

    def _import_failed(self, paths: list[str], exc: object, progress: QProgressDialog,
                       cache: bool, password_given: bool = False) -> None:
        jobui.end(self.w, progress)
        if isinstance(exc, Cancelled):
            self.w.say(_tr("Import cancelled."))
            return
        if isinstance(exc, InputError) and "encrypt" in str(exc).lower():
            prompt = (_tr("Wrong password. {name} is encrypted. Password:") if password_given
                      else _tr("{name} is encrypted. Password:"))
            password, ok = QInputDialog.getText(
                self.w, _tr("Password"), prompt.format(name=Path(exc.path).name),
                QLineEdit.EchoMode.Password)
            if ok:
                self.import_documents(paths, password, cache)
            return
        if isinstance(exc, BitextError):
            dialogs.show_problem(self.w, _tr("Cannot import"), exc)
            return
        if isinstance(exc, ImportError):
            dialogs.show_problem(self.w, _tr("Cannot import"),
                                 InputError(paths[0], f"import is unavailable ({exc})"))
            return
        raise exc  # type: ignore[misc]  # unexpected: the crash handler takes it

    def _show_warning_page(self, warning: Any) -> None:
        if warning.page is None or warning.source is None:
            return
        path, label, problem = self.pdf_for(warning.source)
        self.w.pdf.show_document(path, label, problem)
        if path is not None:
            self.w.pdf.show_page(warning.page, [])

    # -- the sample's aligned project is cached, so a second start opens at once -------------
    @staticmethod
    def _digest(paths: list[str]) -> str | None:
        try:
            return hashlib.sha256(b"".join(Path(p).read_bytes() for p in paths)).hexdigest()
        except OSError:
            return None

    @staticmethod
    def _cache_file(digest: str) -> Path:
        return data_dir("cache") / f"{digest[:24]}{SUFFIX}"

    def _open_cached(self, paths: list[str], digest: str) -> bool:
        """Open a stored alignment of these very files (``digest``: their SHA-256): the
        user cache, or one shipped beside a bundled document (``NAME.bitext`` next to
        ``NAME.pdf``) that records the document's current SHA-256."""
        candidates = [(self._cache_file(digest), False)]
        if len(paths) == 1:
            candidates.append((Path(paths[0]).with_suffix(SUFFIX), True))
        for cached, shipped in candidates:
            project = _load_quietly(cached)
            if project is None:
                continue
            bitext = project.bitext
            if shipped and [s.sha256 for s in bitext.sources] != [digest]:
                log.info("%s was made from another version of %s", cached, paths[0])
                continue
            bitext.sources = [replace(s, path=p)
                              for s, p in zip(bitext.sources, paths, strict=False)]
            sources: dict[str, Path | None] = {s.id: Path(s.path) for s in bitext.sources}
            self.w.set_bitext(bitext, None, {}, document_name(paths),
                              sources)
            return True
        return False

    def _store_cached(self, digest: str, bitext: Bitext) -> None:
        cached = self._cache_file(digest)
        try:
            save_project(bitext, cached, {}, backup=False)
        except OSError as exc:
            log.info("cannot cache %s: %s", cached, exc)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = str(self._last_folder() / ((self.name or "untitled") + SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.w, _tr("Save Project As"), suggested,
                                              _tr("Bitext projects (*{s})").format(s=SUFFIX))
        if not path:
            return False
        target = Path(path if path.endswith(SUFFIX) else path + SUFFIX)
        return self._save_to(target)

    def _save_to(self, target: Path) -> bool:
        self.w.finish_editing()
        try:
            save_project(self.w.session.bitext, target, self.w.view_state(),
                         settings=self.project_settings, extra=self.project_extra)
        except (BitextError, OSError) as exc:
            dialogs.show_problem(self.w, _tr("Cannot save"), exc)
            return False
        self.path = target
        self.name = target.name.removesuffix(SUFFIX)
        sources = self.w.session.bitext.sources
        self.source_paths = {s.id: self.source_paths.get(s.id) for s in sources}
        self.w.session.undo_stack.setClean()
        self.add_recent(target)
        self.w.update_title()
        self.drop_recovery()
        self.w.say(_tr("Saved {path}").format(path=target))
        return True

    def save_bundle(self) -> None:
        suggested = str(self._last_folder() / ((self.name or "untitled") + BUNDLE_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self.w, _tr("Save Bundle"), suggested,
            _tr("Bitext bundles (*{s})").format(s=BUNDLE_SUFFIX))
        if not path:
            return
        target = Path(path if path.endswith(BUNDLE_SUFFIX) else path + BUNDLE_SUFFIX)
        self.w.finish_editing()
        try:
            missing = save_bundle(self.w.session.bitext, target, self.w.view_state(),
                                  self.source_paths, settings=self.project_settings,
                                  extra=self.project_extra)
        except (BitextError, OSError) as exc:
            dialogs.show_problem(self.w, _tr("Cannot save the bundle"), exc)
            return
        note = (_tr(" (without {n} missing source documents)").format(n=len(missing))
                if missing else "")
        self.w.say(_tr("Saved bundle {path}").format(path=target) + note)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, clean)."""
        if self.w.session.undo_stack.isClean() or not self.w.session.bitext.links:
            return True
        answer = QMessageBox.question(
            self.w, _tr("Unsaved changes"),
            _tr("Save the changes to {name}?").format(name=self.name or _tr("Untitled")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.drop_recovery()
            return True
        return False

    # -- recent files -----------------------------------------------------------------------
    def add_recent(self, path: Path) -> None:
        recent = [str(path.resolve())] + [p for p in settings.get("files/recent")
                                          if p != str(path.resolve())]
        settings.put("files/recent", recent[:RECENT_MAX])
        self.refresh_recent_menu()

    def refresh_recent_menu(self) -> None:
        menu = getattr(self.w, "recent_menu", None)
        if menu is None:
            return
        menu.clear()
        for number, entry in enumerate(settings.get("files/recent"), start=1):
            action = menu.addAction(recent_label(number, entry))
            action.setData(entry)
            action.setStatusTip(entry)
            action.triggered.connect(lambda checked=False, p=entry: self.open_paths([p]))
        menu.setEnabled(not menu.isEmpty())

    def _last_folder(self) -> Path:
        recent = settings.get("files/recent")
        return Path(recent[0]).parent if recent else Path.home()

    # -- autosave and recovery --------------------------------------------------------------
    def write_recovery(self) -> None:
        """Keep unsaved work at most one autosave interval old in the recovery folder."""
        stack = self.w.session.undo_stack
        if stack.isClean():  # undone back to the saved state: nothing to recover
            if self._saved_index != -1:
                self.drop_recovery()
            return
        if stack.index() == self._saved_index:
            return
        state = {**self.w.view_state(), "recovery_of": str(self.path) if self.path else "",
                 "recovery_name": self.name}
        try:
            save_project(self.w.session.bitext, self.recovery_file, state, backup=False,
                         settings=self.project_settings, extra=self.project_extra)
        except (BitextError, OSError) as exc:
            log.warning("cannot write the recovery file: %s", exc)
            return
        self._saved_index = stack.index()

    def drop_recovery(self) -> None:
        self.recovery_file.unlink(missing_ok=True)
        self._saved_index = -1

    def shutdown(self) -> None:
        self.autosave.stop()
        if self.job is not None:
            self.job.cancel()
        if self.w.session.undo_stack.isClean():
            self.drop_recovery()
        self._lock.unlock()

    # -- other dialogs ---------------------------------------------------------------------
    def export_dialog(self) -> None:
        dialogs.export_dialog(self.w)

    def realign(self, rest: bool) -> None:
        from editor.gui.realign import start_realign

        start_realign(self.w, rest)

    def shortcuts_dialog(self) -> None:
        dialog = dialogs.ShortcutsDialog(self.w, self.w.action_map)
        dialog.exec()
        dialog.deleteLater()
        self.w.activateWindow()  # the keys go back to the window (no window manager too)

    def preferences_dialog(self) -> None:
        language = settings.get("ui/language")
        dialog = dialogs.PreferencesDialog(self.w)
        accepted = dialog.exec()
        dialog.deleteLater()
        self.w.activateWindow()
        if accepted:
            self.w.apply_fonts()
            self.w.apply_filters()
            if settings.get("ui/language") != language:
                self.w.switch_language()

    def about(self) -> None:
        dialogs.about(self.w)


def recent_label(number: int, path: str) -> str:
    """"&1 work.bitext — /home/ann/jobs": the name first, where a full path hid it;
    digits 1–9 (then 0) are the menu's mnemonics."""
    mnemonic = f"&{number % 10} " if number <= 10 else ""
    where = Path(path)
    return f"{mnemonic}{where.name.replace('&', '&&')} — {where.parent}"


def _load_quietly(path: Path) -> Any:
    """A project, or None when it is absent or unreadable (a cache is only a shortcut)."""
    if not path.is_file():
        return None
    try:
        return load_project(path)
    except BitextError as exc:
        log.info("ignoring %s: %s", path, exc)
        return None


def session_lock(recovery_file: Path) -> QLockFile:
    """The lock a running session holds beside its recovery file; Qt treats the lock of
    a process that died (crash, SIGKILL) as stale, so it can be taken again."""
    return QLockFile(str(recovery_file) + ".lock")


def pending_recoveries() -> list[Path]:
    """Recovery files left by sessions that did not end cleanly, newest first.

    A file whose session still runs (another window, another instance) is not offered:
    recovering it would take live work away from that session."""
    folder = data_dir("recovery")
    found = []
    for path in folder.glob(f"session-*{SUFFIX}"):
        lock = session_lock(path)
        if lock.tryLock(0):
            lock.unlock()
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
