"""Languages: Korean and English, from the system locale or the user's choice.

Source strings are English. ``axdesk/resources/translations/axdesk_ko.ts`` holds the
Korean translations and is committed. ``python -m axdesk.ui.common.i18n --build``
compiles it into the ``.qm`` file (``pyside6-lrelease``) that
:class:`Translations` loads; it never rewrites the ``.ts``, so ``./dev run`` and
``./dev test`` leave tracked files alone. ``python -m axdesk.ui.common.i18n --update``
is for developers: it refreshes the ``.ts`` from every module of ``axdesk/ui`` and
its sub-packages (``pyside6-lupdate``), keeping the existing translations and
dropping entries whose source string is gone; new strings arrive unfinished, to be
translated.

English is the source language, but a count needs its plural form ("1 product",
"2 products"): texts with a count use Qt's numerus (``tr("%n product(s)", "", n)``),
and ``axdesk/resources/translations/axdesk_en.ts`` holds only their English forms
(``pyside6-lupdate -pluralonly``), loaded when the interface is English. Korean
has one form.

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

from axdesk.ui.common.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGE_SYSTEM = "system"
LANGUAGE_KOREAN = "ko"
LANGUAGE_ENGLISH = "en"
LANGUAGE_CHOICES = (LANGUAGE_SYSTEM, LANGUAGE_KOREAN, LANGUAGE_ENGLISH)
TRANSLATED_LANGUAGES = (LANGUAGE_KOREAN,)  # English is the source language
PLURAL_ONLY_LANGUAGES = (LANGUAGE_ENGLISH,)
"""The source language's plural forms: ``axdesk_en.ts`` holds only the numerus texts
(``self.tr("%n ticket(s)", "", n)`` reads "1 ticket" / "3 tickets"), as Qt asks."""


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
                    "'python -m axdesk.ui.common.i18n --build'",
                    language,
                    self._directory,
                )
        elif language in PLURAL_ONLY_LANGUAGES and not self._load(
            f"axdesk_{language}", str(self._directory)
        ):
            log.warning("No compiled plural forms axdesk_%s.qm in %s", language, self._directory)
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
    return sorted(Path(__file__).resolve().parents[1].rglob("*.py"))


def extract(
    ts_file: Path, language: str, *, locations: str = "none", plural_only: bool = False
) -> Path:
    """Run ``pyside6-lupdate`` over :func:`ui_sources` into ``ts_file``.

    An existing ``ts_file`` keeps its translations; entries whose source string
    is no longer in the code are dropped (``-no-obsolete``). The committed file
    records no ``locations``, so moving code does not churn it. ``plural_only``:
    only the numerus texts (the source language's plural forms).
    """
    subprocess.run(  # noqa: S603 - fixed tool, our own file list
        [
            _tool("pyside6-lupdate"),
            *[str(path) for path in ui_sources()],
            *(["-pluralonly"] if plural_only else []),
            "-silent",
            "-no-obsolete",
            *(["-pluralonly"] if plural_only else []),
            "-locations",
            locations,
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts_file),
        ],
        check=True,
    )
    return ts_file


def update(directory: Path | None = None, memory_files: Sequence[Path] = ()) -> list[Path]:
    """Refresh the ``.ts`` files from the code; returns them.

    A string that moved to another class, or whose ``{name}`` placeholders became
    ``%1``, keeps the translation it had (see :mod:`axdesk.ui.common.ts_memory`),
    from the file as it was and from ``memory_files`` (other ``.ts`` files).
    """
    from axdesk.ui.common.ts_memory import fill_from_memory, read_memory  # developers only

    directory = directory if directory is not None else translations_dir()
    directory.mkdir(parents=True, exist_ok=True)
    updated = []
    plural_only = [
        language
        for language in PLURAL_ONLY_LANGUAGES  # refreshed where it is kept (committed)
        if (directory / f"axdesk_{language}.ts").is_file()
    ]
    for language, only_plurals in (
        *((language, False) for language in TRANSLATED_LANGUAGES),
        *((language, True) for language in plural_only),
    ):
        ts_file = directory / f"axdesk_{language}.ts"
        memory = read_memory([ts_file, *memory_files], language)
        extract(ts_file, language, plural_only=only_plurals)
        if fill_from_memory(ts_file, memory):
            # lupdate writes the filled file back in its own layout
            extract(ts_file, language, plural_only=only_plurals)
        updated.append(ts_file)
    return updated


def build(directory: Path | None = None) -> list[Path]:
    """Compile the ``.ts`` files as committed into ``.qm`` files; returns the ``.qm`` files.

    The plural-only files (:data:`PLURAL_ONLY_LANGUAGES`) are compiled when present."""
    directory = directory if directory is not None else translations_dir()
    compiled = []
    plural_only = [
        language
        for language in PLURAL_ONLY_LANGUAGES
        if (directory / f"axdesk_{language}.ts").is_file()
    ]
    for language in (*TRANSLATED_LANGUAGES, *plural_only):
        ts_file = directory / f"axdesk_{language}.ts"
        qm_file = directory / f"axdesk_{language}.qm"
        if not ts_file.is_file():
            raise SystemExit(
                f"{ts_file} is missing; run 'python -m axdesk.ui.common.i18n --update'."
            )
        subprocess.run(  # noqa: S603 - fixed tool, our own files
            [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
            check=True,
        )
        compiled.append(qm_file)
    return compiled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m axdesk.ui.common.i18n", description="Build axdesk's translations."
    )
    parser.add_argument(
        "--build",
        action="store_true",
        help="compile axdesk/resources/translations/*.ts as committed into the .qm files "
        "the app loads",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help=(
            "refresh axdesk/resources/translations/*.ts from axdesk/ui (for developers: keeps "
            "the translations, drops strings no longer in the code, adds new ones unfinished)"
        ),
    )
    parser.add_argument(
        "--memory",
        nargs="+",
        type=Path,
        default=[],
        metavar="TS_FILE",
        help="with --update: also take translations of unchanged texts from these .ts files",
    )
    args = parser.parse_args(argv)
    if not (args.build or args.update):
        parser.print_help()
        return 2
    if args.update:
        for ts_file in update(memory_files=args.memory):
            print(ts_file)
    if args.build:
        for qm_file in build():
            print(qm_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
