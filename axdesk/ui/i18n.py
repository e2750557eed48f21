"""Languages: Korean and English, from the system locale or the user's choice.

Source strings are English. ``resources/translations/axdesk_ko.ts`` holds the
Korean translations; ``python -m axdesk.ui.i18n --build`` refreshes it from
every ``axdesk/ui/*.py`` (``pyside6-lupdate``) and compiles the ``.qm`` files
(``pyside6-lrelease``) that :class:`Translations` loads.

Switching language installs new translators; Qt then sends every widget a
``QEvent.LanguageChange``, and each widget re-reads its texts (its
``retranslate_ui()``), so the switch is live.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from axdesk.ui.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGE_SYSTEM = "system"
LANGUAGE_KOREAN = "ko"
LANGUAGE_ENGLISH = "en"
LANGUAGE_CHOICES = (LANGUAGE_SYSTEM, LANGUAGE_KOREAN, LANGUAGE_ENGLISH)
TRANSLATED_LANGUAGES = (LANGUAGE_KOREAN,)  # English is the source language


def effective_language(choice: str, system_locale: QLocale | None = None) -> str:
    """``"ko"`` or ``"en"`` for a choice of ``"system"``, ``"ko"`` or ``"en"``."""
    if choice in (LANGUAGE_KOREAN, LANGUAGE_ENGLISH):
        return choice
    locale = system_locale if system_locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Korean:
        return LANGUAGE_KOREAN
    return LANGUAGE_ENGLISH


class Translations(QObject):
    """Installs the translators for one language on the application, and swaps them.

    Signals:
        language_changed(str): the effective language (``"ko"`` or ``"en"``) now in use.
    """

    language_changed = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        directory: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory if directory is not None else translations_dir()
        self._installed: list[QTranslator] = []
        self._original_locale = QLocale()  # the formats in use before any choice
        self.choice = LANGUAGE_SYSTEM
        self.language = LANGUAGE_ENGLISH

    def apply(self, choice: str) -> str:
        """Use ``choice`` (system/ko/en); returns the effective language.

        A missing ``.qm`` is logged and the app stays readable in English.
        """
        if choice not in LANGUAGE_CHOICES:
            log.warning("Unknown language choice %r; using the system language", choice)
            choice = LANGUAGE_SYSTEM
        language = effective_language(choice)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        if language in TRANSLATED_LANGUAGES:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(f"qtbase_{language}", qt_dir)
            if not self._load(f"axdesk_{language}", str(self._directory)):
                log.warning(
                    "No compiled translation axdesk_%s.qm in %s; run "
                    "'python -m axdesk.ui.i18n --build'",
                    language,
                    self._directory,
                )
        QLocale.setDefault(self._locale_for(language))
        self.choice = choice
        changed = language != self.language
        self.language = language
        if changed:
            self.language_changed.emit(language)
        return language

    def _locale_for(self, language: str) -> QLocale:
        """Number and date formats to go with ``language``: the system's own when it
        speaks that language (en_GB stays en_GB), else the language's usual ones."""
        original = self._original_locale
        if language == LANGUAGE_KOREAN:
            if original.language() == QLocale.Language.Korean:
                return original
            return QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
        if original.language() in (QLocale.Language.English, QLocale.Language.C):
            return original
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)

    def _load(self, name: str, directory: str) -> bool:
        translator = QTranslator(self)
        if not translator.load(name, directory):
            return False
        self._app.installTranslator(translator)
        self._installed.append(translator)
        return True


# -- building ---------------------------------------------------------------------


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found; install PySide6 in this environment.")
    return found


def ui_sources() -> list[Path]:
    """Every Python file whose strings are translated (the whole ``axdesk.ui`` package)."""
    return sorted(Path(__file__).resolve().parent.glob("*.py"))


def build(directory: Path | None = None, *, update_sources: bool = True) -> list[Path]:
    """Refresh the ``.ts`` sources from the code and compile them; returns the ``.qm`` files."""
    directory = directory if directory is not None else translations_dir()
    directory.mkdir(parents=True, exist_ok=True)
    compiled = []
    for language in TRANSLATED_LANGUAGES:
        ts_file = directory / f"axdesk_{language}.ts"
        qm_file = directory / f"axdesk_{language}.qm"
        if update_sources:
            subprocess.run(  # noqa: S603 - fixed tool, our own file list
                [
                    _tool("pyside6-lupdate"),
                    *[str(path) for path in ui_sources()],
                    "-locations",
                    "none",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    "-ts",
                    str(ts_file),
                ],
                check=True,
            )
        subprocess.run(  # noqa: S603 - fixed tool, our own files
            [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
            check=True,
        )
        compiled.append(qm_file)
    return compiled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m axdesk.ui.i18n", description="Build axdesk's translations."
    )
    parser.add_argument(
        "--build",
        action="store_true",
        help="refresh resources/translations/*.ts from axdesk/ui and compile the .qm files",
    )
    parser.add_argument(
        "--no-update",
        action="store_true",
        help="compile the .ts files as they are, without running lupdate",
    )
    args = parser.parse_args(argv)
    if not args.build:
        parser.print_help()
        return 2
    for qm_file in build(update_sources=not args.no_update):
        print(qm_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
