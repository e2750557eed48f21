"""Korean and English: every string of the code has a Korean translation that keeps its
placeholders and shortcut letters, the translation file compiles and loads, and the
language switches live.

The list of strings comes from running ``pyside6-lupdate`` on the code into a temporary
file, so a string added to ``axdesk/ui`` without a translation in the committed
``axdesk/resources/translations/axdesk_ko.ts`` fails here
(``python -m axdesk.ui.common.i18n --update`` adds it to the ``.ts`` for translating).
The committed ``.ts`` is only read.
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from axdesk.store.paths import AppPaths
from axdesk.ui.app import launch
from axdesk.ui.common import i18n
from axdesk.ui.common.i18n import Translations, effective_language
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.shell.main_window import MainWindow

TS_FILE = translations_dir() / "axdesk_ko.ts"
UI_ROOT = Path(i18n.__file__).resolve().parents[1]  # axdesk/ui
# {name} for str.format, %1..%99 (also %L1) for QString::arg, %n for plural counts.
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?\d{1,2}|%n")
# A shortcut letter follows a single & ("&&" is a literal ampersand).
MNEMONIC = re.compile(r"(?<!&)&(?!&)(\w)")
DONE_WITH = ("vanished", "obsolete")  # entries lupdate kept for strings gone from the code


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one per plural form for numerus messages
    state: str | None  # None when finished, else "unfinished", "vanished" or "obsolete"
    where: str  # "shell/tab.py:12" when the .ts records locations, else ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        return self.state is None and all(text.strip() for text in self.translations)

    def label(self) -> str:
        place = f" ({self.where})" if self.where else ""
        return f"{self.context or '<no context>'}: {self.source!r}{place}"


def ui_relative(path: Path) -> str:
    """A source file named by its path under axdesk/ui ("shell/tab.py"): several
    modules share a base name (tab.py, dialog.py), never a path."""
    resolved = path.resolve()
    if resolved.is_relative_to(UI_ROOT):
        return resolved.relative_to(UI_ROOT).as_posix()
    return resolved.name


def read_ts(ts_file: Path) -> list[Message]:
    root = ET.parse(ts_file).getroot()  # noqa: S314 - our own file or lupdate's output
    found = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: {message.findtext('source')!r}"
            numerus = message.get("numerus") == "yes"
            if numerus:
                texts = tuple(form.text or "" for form in translation.findall("numerusform"))
            else:
                texts = (translation.text or "",)
            location = message.find("location")
            where = ""
            if location is not None:
                # lupdate writes the file's path relative to the .ts file.
                source = ts_file.parent / location.get("filename", "")
                where = f"{ui_relative(source)}:{location.get('line', '')}"
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    translations=texts,
                    state=translation.get("type"),
                    where=where,
                )
            )
    return found


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str, str], Message]:
    return {message.key: message for message in read_ts(TS_FILE)}


@pytest.fixture(scope="module")
def in_code(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """Every translatable string of axdesk/ui, as pyside6-lupdate finds it today."""
    fresh = tmp_path_factory.mktemp("lupdate") / "axdesk_ko.ts"
    i18n.extract(fresh, "ko", locations="absolute")
    return read_ts(fresh)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts compiled into a temporary folder (the real .qm is a build output)."""
    folder = tmp_path_factory.mktemp("translations")
    shutil.copy(TS_FILE, folder / TS_FILE.name)
    built = i18n.build(folder)
    assert [path.name for path in built] == ["axdesk_ko.qm"]
    return folder


def test_lupdate_finds_the_strings_of_every_part_of_the_ui(in_code: list[Message]) -> None:
    contexts = {message.context for message in in_code}
    # One context of each area, so an extraction that silently misses files fails here.
    assert {
        "ShellActions",
        "InventoryTab",
        "OrderTab",
        "OrdersTab",
        "CancelTicketDialog",
    } <= contexts
    assert len(in_code) > 500


def test_every_string_in_the_code_has_a_korean_translation(
    in_code: list[Message], committed: dict[tuple[str, str, str], Message]
) -> None:
    missing = [
        message.label()
        for message in in_code
        if message.key not in committed or not committed[message.key].finished
    ]
    if missing:
        pytest.fail(
            f"{len(missing)} string(s) have no finished Korean translation in {TS_FILE.name} "
            "(run 'python -m axdesk.ui.common.i18n --update' and translate them):\n  "
            + "\n  ".join(missing)
        )


def test_each_ui_module_is_checked_once_under_its_own_path() -> None:
    names = [ui_relative(path) for path in i18n.ui_sources()]
    assert len(names) == len(set(names))
    # The sub-packages are walked, and files that share a base name stay apart.
    assert {"shell/tab.py", "inventory/tab.py", "orders/tab.py", "app.py"} <= set(names)
    assert not [name for name in names if not name.endswith(".py") or name.startswith("/")]


@pytest.mark.parametrize(
    "source_file",
    [ui_relative(path) for path in i18n.ui_sources()],
)
def test_strings_are_looked_up_under_the_context_lupdate_files_them_in(
    in_code: list[Message], source_file: str
) -> None:
    """lupdate puts a string it cannot tie to a class (a tr() wrapper, a translate() with a
    variable context) under no context; the app never asks for that context, so such a
    string stays English whatever the .ts says."""
    orphans = [
        message.label()
        for message in in_code
        if not message.context and message.where.startswith(f"{source_file}:")
    ]
    if orphans:
        pytest.fail("Write translate('Context', '...') out in full for:\n  " + "\n  ".join(orphans))


def translate_calls_inside_f_strings(path: Path, shown_as: str | None = None) -> list[str]:
    """``tr(...)``/``translate(...)`` calls written inside an f-string's braces, each as
    "file:line: call" (the file ``shown_as``, by default its base name)."""
    shown = shown_as if shown_as is not None else path.name
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                if name in ("tr", "translate"):
                    found.append(f"{shown}:{inner.lineno}: {ast.unparse(inner)}")
    return found


@pytest.mark.parametrize(
    "source_file",
    [pytest.param(path, id=ui_relative(path)) for path in i18n.ui_sources()],
)
def test_no_translated_string_hides_inside_an_f_string(source_file: Path) -> None:
    """pyside6-lupdate does not look inside f-strings, so a tr() there is never translated."""
    hidden = translate_calls_inside_f_strings(source_file, ui_relative(source_file))
    if hidden:
        pytest.fail("Call tr() outside the f-string for:\n  " + "\n  ".join(hidden))


def test_f_string_check_sees_a_hidden_tr(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("x = f'<a>{self.tr(\"Show\")}</a>'\ny = self.tr('Fine')\n", encoding="utf-8")
    assert translate_calls_inside_f_strings(sample) == ["sample.py:1: self.tr('Show')"]


def test_translations_keep_placeholders_and_shortcut_letters(
    committed: dict[tuple[str, str, str], Message],
) -> None:
    problems = []
    for message in committed.values():
        if message.state in DONE_WITH:
            continue
        # A set: a translation may name {where} twice where English needs it once.
        wanted_placeholders = set(PLACEHOLDER.findall(message.source))
        wanted_mnemonics = [letter.casefold() for letter in MNEMONIC.findall(message.source)]
        for text in message.translations:
            if not text:
                continue
            if set(PLACEHOLDER.findall(text)) != wanted_placeholders:
                problems.append(f"{message.label()}: placeholders differ in {text!r}")
            if [letter.casefold() for letter in MNEMONIC.findall(text)] != wanted_mnemonics:
                problems.append(f"{message.label()}: shortcut letter differs in {text!r}")
    if problems:
        pytest.fail("\n".join(problems))


def test_checks_above_catch_a_lost_placeholder_and_shortcut() -> None:
    """The patterns themselves: what a translator could plausibly get wrong is seen."""
    assert sorted(PLACEHOLDER.findall("Cancel %1 &tickets of {name}: %n")) == ["%1", "%n", "{name}"]
    assert MNEMONIC.findall("파일(&F)") == ["F"]
    assert MNEMONIC.findall("Tom && Jerry") == []
    assert MNEMONIC.findall("Pro&duct") == ["d"]


def test_compiled_translation_loads_and_gives_every_finished_translation(
    compiled: Path, committed: dict[tuple[str, str, str], Message]
) -> None:
    translator = QTranslator()
    assert translator.load("axdesk_ko", str(compiled))
    assert translator.translate("ShellActions", "&File") == "파일(&F)"
    wrong = []
    for message in committed.values():
        if not message.finished:
            continue
        got = translator.translate(
            message.context, message.source, message.comment or None, 1 if message.numerus else -1
        )
        if got != message.translations[0]:
            wrong.append(f"{message.label()}: the .qm gives {got!r}")
    if wrong:
        pytest.fail("\n".join(wrong))


def test_build_only_compiles_and_leaves_the_ts_alone(tmp_path: Path) -> None:
    ts_copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, ts_copy)
    before = ts_copy.read_bytes()
    assert i18n.build(tmp_path) == [tmp_path / "axdesk_ko.qm"]
    assert ts_copy.read_bytes() == before


def test_update_keeps_translations_adds_new_strings_and_drops_gone_ones(
    tmp_path: Path, committed: dict[tuple[str, str, str], Message]
) -> None:
    ts_copy = tmp_path / TS_FILE.name
    text = TS_FILE.read_text(encoding="utf-8")
    file_entry = (
        "    <message>\n        <source>&amp;File</source>\n"
        "        <translation>파일(&amp;F)</translation>\n    </message>\n"
    )
    assert file_entry in text
    gone_entry = (
        "    <message>\n        <source>A string no longer in the code</source>\n"
        "        <translation>더 이상 코드에 없는 문자열</translation>\n    </message>\n"
    )
    ts_copy.write_text(text.replace(file_entry, gone_entry), encoding="utf-8")

    assert i18n.update(tmp_path) == [ts_copy]

    updated = {message.key: message for message in read_ts(ts_copy)}
    assert ("ShellActions", "A string no longer in the code", "") not in updated
    assert updated[("ShellActions", "&File", "")].state == "unfinished"
    kept = {key for key, message in updated.items() if message.finished}
    finished_before = {key for key, message in committed.items() if message.finished}
    assert kept == finished_before - {("ShellActions", "&File", "")}


def test_effective_language_follows_the_system_unless_chosen() -> None:
    korean = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert effective_language("system", korean) == "ko"
    assert effective_language("system", english) == "en"
    assert effective_language("ko", english) == "ko"
    assert effective_language("en", korean) == "en"


def test_translator_loads_and_unloads(qapp, compiled: Path) -> None:
    translations = Translations(qapp, compiled)
    try:
        assert translations.apply("ko") == "ko"
        assert QCoreApplication.translate("ShellActions", "&File") == "파일(&F)"
        assert translations.apply("en") == "en"
        assert QCoreApplication.translate("ShellActions", "&File") == "&File"
    finally:
        translations.apply("en")


@pytest.fixture
def window(qtbot, qapp, compiled: Path) -> Iterator[MainWindow]:
    built = launch(
        qapp,
        AppPaths.default(),
        sandbox=True,
        language="en",
        sandbox_options={"random_seed": 7},
        translations_dir=compiled,
    )
    qtbot.addWidget(built)
    yield built
    built.set_language("en")
    built.close()


def test_switching_language_changes_visible_texts_live(qtbot, window: MainWindow) -> None:
    window.show()
    log_dialog = window.show_call_log()
    actions = window.actions_
    assert actions.file_menu.title() == "&File"
    assert window.status.badge.text() == "SANDBOX"

    assert window.shell.settings_saver is not None
    with (
        qtbot.waitSignal(window._translations.language_changed),  # type: ignore[union-attr]
        qtbot.waitSignal(window.shell.settings_saver.saved, timeout=5000),  # off the GUI thread
    ):
        actions.language_actions["ko"].trigger()
    # Qt delivers LanguageChange to every widget through the event loop.
    qtbot.waitUntil(lambda: actions.file_menu.title() == "파일(&F)")
    assert actions.quit.text() == "끝내기(&Q)"
    assert window.tabs.tabText(0) == "재고(&I)"
    assert window.status.badge.text() == "샌드박스"
    assert window.windowTitle() == "axdesk — 연습 모드 (샌드박스)"
    assert log_dialog.windowTitle() == "API 호출 기록"  # open dialogs follow too
    assert actions.language_actions["ko"].isChecked()
    assert window.ctx.settings.language == "ko"
    assert '"language": "ko"' in window.ctx.paths.settings_path.read_text(encoding="utf-8")

    actions.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: actions.file_menu.title() == "&File")
    assert window.status.badge.text() == "SANDBOX"
    assert log_dialog.windowTitle() == "Call log"
    assert window.ctx.settings.language == "en"
    log_dialog.close()
