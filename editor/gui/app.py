"""Start the desktop application: ``bitext-editor [FILE ...]`` or ``python -m editor``.

Start-up order matters: settings names, logging (so everything after is recorded),
the crash handler, translations, fonts, then the window. With no file the bundled
sample is imported, so a new user sees the product working at once.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from editor import APP_NAME, __version__
from editor.gui import settings
from editor.resources import resource_path

log = logging.getLogger(__name__)
ORGANISATION = "BitextEditor"
RECOVER_ENV = "BITEXT_RECOVER"  # yes/no: answer the recovery question (scripted runs)
_windows: list[object] = []
_translators: list[QTranslator] = []  # installed by install_translations


def log_file() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "bitext-editor.log"


def setup_logging() -> Path:
    """One rotating log file in the user's data folder; Qt's messages go there too."""
    path = log_file()
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    qInstallMessageHandler(_qt_message)
    return path


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def excepthook(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    """Unexpected errors: save the work to the recovery file, then say what happened."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", text)
    for window in _windows:
        try:
            window.files.write_recovery()  # type: ignore[attr-defined]
        except Exception:  # the handler must never raise
            log.exception("could not write the recovery file")
    if QApplication.instance() is None or QApplication.platformName() == "offscreen":
        sys.__excepthook__(kind, value, tb)
        return
    title = QCoreApplication.translate("app", "Unexpected error")
    box = QMessageBox(QMessageBox.Icon.Critical, title,
                      QCoreApplication.translate(
                          "app", "Something went wrong inside {app}. Your work was saved to "
                          "the recovery file and will be offered at the next start.\n\n"
                          "Log file: {log}").format(app=APP_NAME, log=log_file()))
    box.setObjectName("crash_dialog")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the log path
    box.setDetailedText(text)
    box.exec()


def install_translations(app: QApplication) -> str:
    """Load the UI language (setting, else the system's) and Qt's own strings.

    Called again when the user picks another language: the previous translators are
    removed first, and Qt then sends every widget a ``LanguageChange`` event, on which
    the main window retranslates itself, so no restart is needed."""
    from editor.gui.dialogs import system_language

    switching = bool(_translators)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    language = settings.get("ui/language") or system_language()
    if language == "en":
        if switching:  # back from Chinese: English number and date formats too
            QLocale.setDefault(QLocale("en_US"))
        return language
    QLocale.setDefault(QLocale(language))
    for name, folder in ((f"bitext_{language}", str(resource_path("i18n"))),
                         (f"qtbase_{language}",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.info("no translation %s in %s", name, folder)
    return language


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bitext-editor", description=APP_NAME)
    parser.add_argument("files", nargs="*", help="a project, a bundle, or documents to import")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--no-sample", action="store_true",
                        help="start empty instead of opening the bundled sample")
    parser.add_argument("--quit-after", type=int, metavar="MS", default=0,
                        help="quit on its own after MS milliseconds (smoke tests)")
    parser.add_argument("--smoke-test", metavar="OUT", default=None,
                        help="import and align the sample, export it into OUT, quit "
                             "(status 0 when everything worked; for checking a build)")
    parser.add_argument("--report-ready", action="store_true",
                        help="print 'ready' once a document is shown, then quit "
                             "(for timing the cold start)")
    return parser.parse_args(list(argv))


def make_app(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        path = resource_path("app", "icons", f"bitext-editor-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def main(argv: Sequence[str] | None = None) -> int:
    from editor.core.memory import share_malloc_arenas

    share_malloc_arenas()  # before Qt starts its threads
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app()
    setup_logging()
    sys.excepthook = excepthook
    install_translations(app)
    from editor.gui.fonts import ensure_cjk_font
    from editor.gui.mainwindow import MainWindow

    ensure_cjk_font()
    window = MainWindow()
    _windows.append(window)
    window.show()
    if args.smoke_test:
        from editor.gui import smoke

        keep = smoke.run(window, args.smoke_test)  # noqa: F841 - alive until exit
    else:
        QTimer.singleShot(0, lambda: start_document(window, args))
    if args.report_ready:
        from editor.gui import smoke

        ready = smoke.report_ready(window)  # noqa: F841 - alive until exit
    if args.quit_after:
        QTimer.singleShot(args.quit_after, window.close)
    code = app.exec()
    shutdown(window)
    return code


def start_document(window: object, args: argparse.Namespace) -> None:
    """Recovery first, then the files given, then the sample."""
    from editor.gui import testhook
    from editor.gui.files import pending_recoveries, sample_path

    files = window.files  # type: ignore[attr-defined]
    if not offer_recovery(window, pending_recoveries()):
        if args.files:
            files.open_paths([str(Path(f).resolve()) for f in args.files])
        elif not args.no_sample and sample_path().is_file():
            files.import_documents([str(sample_path())], cache=True)
    testhook.run(window)  # type: ignore[arg-type]  # only when a test asks for it


def offer_recovery(window: object, recoveries: list[Path]) -> bool:
    """Ask whether to recover the newest unsaved session; True when it was opened."""
    if not recoveries:
        return False
    answer = recovery_answer(window)
    if answer is None:
        return False
    newest = recoveries[0]
    if not answer:
        for path in recoveries:
            path.unlink(missing_ok=True)
        return False
    recover(window, newest)
    for path in recoveries:
        path.unlink(missing_ok=True)
    return True


def recovery_answer(window: object) -> bool | None:
    """The user's answer; ``BITEXT_RECOVER=yes|no`` answers for scripted runs. Offscreen
    with no such answer nothing is asked (and the files are kept): nobody could reply."""
    scripted = os.environ.get(RECOVER_ENV, "").strip().lower()
    if scripted in ("yes", "no"):
        return scripted == "yes"
    if QApplication.platformName() == "offscreen":
        return None
    answer = QMessageBox.question(
        window, QCoreApplication.translate("app", "Recover unsaved work"),  # type: ignore[arg-type]
        QCoreApplication.translate("app", "{app} did not close normally. Recover the unsaved "
                                   "work from the last session?").format(app=APP_NAME))
    return answer == QMessageBox.StandardButton.Yes


def recover(window: object, path: Path) -> None:
    """Open a recovery file as the document it came from, marked unsaved."""
    from editor.core.project import load_project

    project = load_project(path)
    origin = project.view_state.get("recovery_of") or ""
    files = window.files  # type: ignore[attr-defined]
    files.open_project(path, name=project.view_state.get("recovery_name") or None,
                       recovered_from=Path(origin) if origin else None)
    if not origin:
        files.path = None
    window.session.undo_stack.resetClean()  # type: ignore[attr-defined]


def shutdown(window: object) -> None:
    from editor.gui.workers import stop_thread

    stop_thread()
    window.renderer.shutdown()  # type: ignore[attr-defined]
    if window in _windows:
        _windows.remove(window)
