"""``axdesk``: the command that opens the desktop app.

``axdesk`` opens the main window with the last used connection profile.
``axdesk --sandbox`` starts the AX sandbox in this process on a free loopback
port, connects with its demo credentials, loads its demo catalog, and opens
the window: practice mode, with no account, no keyring and nothing to type.
The sandbox stops when the window closes.

The window paints first and fills in after: :func:`open_first_frame` builds the
frame from the settings and the translations alone, and
:class:`~axdesk.ui.shell.startup.StartUp` opens the database and the rest once it is
on screen. So this module imports, before the first paint, little more than a bare
PySide6 window does: the shell, the database and the menus are imported by the steps
that need them (``tests/ui/shell/test_startup.py`` holds the list).
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The store's modules before PySide6: its import hook (PYSIDE-2029) reads the source
# of every module imported after it, looking for "PySide6"; these never use it.
from axdesk import __version__
from axdesk.store.paths import AppPaths, AppPathsError
from axdesk.store.settings import Settings

# isort: split
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from axdesk.ui.common.i18n import LANGUAGE_ENGLISH, LANGUAGE_KOREAN, Translations
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.shell.crash_log import CrashLogFile, CrashReporter
from axdesk.ui.shell.main_window import MainWindow, language_choice
from axdesk.ui.shell.memory import collect_on_gui_thread
from axdesk.ui.shell.single_instance import SingleInstance
from axdesk.ui.shell.startup import StartUp

if TYPE_CHECKING:
    from axdesk.ui.shell.bootstrap import Shell

log = logging.getLogger(__name__)


class StartupError(Exception):
    """axdesk cannot start; ``str(error)`` is a sentence for the user."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="axdesk",
        description="Sell AX Cloud tours: availability, phone orders, confirmations, cancels.",
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="practice mode: start the AX sandbox in-process and connect to it "
        "(no account, no keyring; your real catalog and orders are not touched)",
    )
    parser.add_argument(
        "--lang",
        choices=(LANGUAGE_KOREAN, LANGUAGE_ENGLISH),
        help="interface language for this run (default: the View > Language setting, "
        "else the system language)",
    )
    parser.add_argument("--version", action="version", version=f"axdesk {__version__}")
    return parser


def configure_logging(paths: AppPaths) -> None:
    """The application log: rotated file in the log folder, warnings also on stderr.

    Raises :class:`StartupError` with a sentence when the folders cannot be made
    or the log file cannot be opened in them.
    """
    try:
        paths.ensure_dirs()
    except AppPathsError as error:
        raise StartupError(str(error)) from error
    try:
        file_handler = CrashLogFile(  # 0600: it may name travelers
            paths.app_log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        raise StartupError(
            fill_args(
                QApplication.translate(
                    "Startup",
                    "axdesk could not open its log file %1 (%2); check that you "
                    "may write to %3 and that nothing else holds the file.",
                ),
                str(paths.app_log_path),
                str(error.strerror or error),
                str(paths.app_log_path.parent),
            )
        ) from error
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler.follow_with_faulthandler()  # a hard crash's stacks land in the same file
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(file_handler)
    root.addHandler(console)


def configure_application(app: QApplication, *, icon: bool = True) -> None:
    """The application's names and collector; its icon too unless ``icon=False``
    (``axdesk`` sets it after the first paint: :func:`set_application_icon`)."""
    from axdesk.ui.common.resources import APP_ID

    app.setApplicationName("axdesk")
    app.setOrganizationName("axdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    if icon:
        set_application_icon(app)
    collect_on_gui_thread(app)


def set_application_icon(app: QApplication) -> None:
    from axdesk.ui.common.resources import app_icon  # reads the icon files

    app.setWindowIcon(app_icon())


def open_frame(
    app: QApplication,
    paths: AppPaths,
    *,
    sandbox: bool = False,
    language: str | None = None,
    translations_dir: Path | None = None,
) -> MainWindow:
    """The main window's frame, without its tabs (see :class:`StartUp`); not shown yet.

    Raises :class:`StartupError` with a sentence when the data cannot be opened.
    """
    shell = open_shell_for(paths, sandbox=sandbox)
    translations = Translations(app, translations_dir)
    translations.apply(language_choice(shell.ctx.settings.language, language))
    window = MainWindow(shell, translations, tabs_now=False)
    translations.setParent(window)  # its translators go away with the window
    return window


def open_first_frame(
    app: QApplication,
    paths: AppPaths,
    *,
    language: str | None = None,
    translations_dir: Path | None = None,
) -> tuple[MainWindow, Settings]:
    """The frame alone, painted first (not shown yet), and the settings it was built
    from: the saved size and the language, with nothing of the shell (no database,
    worker or menus; :class:`StartUp` attaches them after the first paint)."""
    settings = Settings.load(paths.settings_path, autosave=False)  # saved by the shell's saver
    translations = Translations(app, translations_dir)
    translations.apply(language_choice(settings.language, language))
    window = MainWindow(translations=translations, settings=settings)
    translations.setParent(window)  # its translators go away with the window
    return window, settings


def open_shell_for(
    paths: AppPaths,
    *,
    sandbox: bool = False,
    settings: Settings | None = None,
    database: object = None,
) -> Shell:
    """The shell (:func:`~axdesk.ui.shell.bootstrap.open_shell`), its errors a
    :class:`StartupError` with a sentence. ``database``: what
    :func:`open_database_off_gui` gave: the opened database, or the error it met."""
    import sqlite3

    from axdesk.store.db import DatabaseError
    from axdesk.ui.shell.bootstrap import open_shell

    try:
        if isinstance(database, BaseException):
            raise database
        opened = database if isinstance(database, sqlite3.Connection) else None
        return open_shell(paths, sandbox_mode=sandbox, settings=settings, database=opened)
    except (AppPathsError, DatabaseError) as error:
        raise StartupError(str(error)) from error


def open_database_off_gui(paths: AppPaths, *, sandbox: bool = False) -> object:
    """On start-up's own thread (``StartUp(prepare=...)``): the journal's database opened,
    created and migrated there, so that the GUI thread never waits on the disk."""
    from axdesk.ui.shell.bootstrap import open_journal_database

    return open_journal_database(paths, sandbox_mode=sandbox)


def launch(
    app: QApplication,
    paths: AppPaths,
    *,
    sandbox: bool = False,
    language: str | None = None,
    sandbox_options: dict[str, Any] | None = None,
    translations_dir: Path | None = None,
) -> MainWindow:
    """Build the main window with the steps ``axdesk [--sandbox]`` takes, without waiting
    for a paint (not shown yet): frame, tabs, and in practice mode the sandbox, waited for.

    Raises :class:`StartupError` with a sentence when the data or the sandbox
    cannot be opened.
    """
    window = open_frame(
        app, paths, sandbox=sandbox, language=language, translations_dir=translations_dir
    )
    startup = StartUp(window, practice=sandbox, sandbox_options=sandbox_options)
    if sandbox:
        waiting = QEventLoop()
        startup.finished.connect(waiting.quit)
        startup.failed.connect(waiting.quit)
        startup.run_now()
        if not startup.is_finished and startup.failure is None:
            waiting.exec()
        if startup.failure is not None:
            window.close()
            raise StartupError(startup.failure)
    else:
        startup.run_now()
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = AppPaths.default()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app, icon=False)
    try:
        configure_logging(paths)
    except StartupError as error:
        QMessageBox.critical(None, "axdesk", str(error))
        return 1
    crashes = CrashReporter(paths.app_log_path).install()
    instance = SingleInstance(paths.data_dir)
    # The lock now, the local server for later starts after the first paint (QtNetwork).
    if not args.sandbox and not instance.take_lock():  # practice mode's journal is in memory
        early = Translations(app)  # kept: its translators go with it
        early.apply(language_choice("", args.lang))  # the sentences below
        if instance.ask_running_to_raise():
            print(instance.already_running_sentence(), file=sys.stderr)
            return 0
        QMessageBox.critical(None, "axdesk", instance.not_answering_sentence())
        return 1
    window, settings = open_first_frame(app, paths, language=args.lang)
    instance.raise_requested.connect(window.bring_to_front)

    def shell_or_none(database: object) -> Shell | None:
        """After the first paint: the shell, or None when it cannot be opened (said, and
        axdesk ends with 1 as before the window existed)."""
        try:
            shell = open_shell_for(
                paths, sandbox=args.sandbox, settings=settings, database=database
            )
        except StartupError as error:
            QMessageBox.critical(window, "axdesk", str(error))
            window.close()
            app.exit(1)
            return None
        set_application_icon(app)
        return shell

    startup = StartUp(
        window,
        practice=args.sandbox,
        connect_last_profile=not args.sandbox,
        tune_collector=True,
        open_shell=shell_or_none,
        prepare=lambda: open_database_off_gui(paths, sandbox=args.sandbox),
    )

    def attached(step: str) -> None:
        if step == "shell":
            if not args.sandbox:
                instance.listen()
            crashes.tell = window.show_problem
            QTimer.singleShot(0, window.show_settings_warnings)

    startup.step.connect(attached)
    startup.after_first_paint()
    window.show()

    def started() -> None:
        profile = window.ctx.connection.profile
        log.info(
            "axdesk %s started%s",
            __version__,
            f" in practice mode on {profile.base_url}" if args.sandbox and profile else "",
        )

    startup.finished.connect(started)
    app.aboutToQuit.connect(lambda: log.info("axdesk quits"))

    # Ctrl+C in the terminal closes the window the normal way (the sandbox stops cleanly).
    signal.signal(signal.SIGINT, lambda *_: window.close())
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer()
    wake.start(250)  # lets Python run its signal handlers while Qt's loop waits
    wake.timeout.connect(lambda: None)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
