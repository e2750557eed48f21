"""Korean and English: the translation file is complete for the shell, builds, and switches live."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from axdesk.store.paths import AppPaths
from axdesk.ui import i18n
from axdesk.ui.app import launch
from axdesk.ui.i18n import Translations, effective_language
from axdesk.ui.main_window import MainWindow
from axdesk.ui.resources import translations_dir

TS_FILE = translations_dir() / "axdesk_ko.ts"
# The translation contexts of the shell (the tabs' contexts belong to their own modules).
SHELL_CONTEXTS = {
    "CallLogDialog",
    "CatalogDialog",
    "ConnectionDialog",
    "EnvironmentBadge",
    "MainWindow",
    "NoticeBar",
    "SecretStore",
    "ShellActions",
    "ShellStatusBar",
    "Startup",
    "Worker",
}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages() -> Iterator[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()  # noqa: S314 - our own committed file
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None
            yield name, message.findtext("source") or "", translation


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts compiled into a temporary folder (the real .qm is a build output)."""
    folder = tmp_path_factory.mktemp("translations")
    shutil.copy(TS_FILE, folder / TS_FILE.name)
    built = i18n.build(folder, update_sources=False)
    assert [path.name for path in built] == ["axdesk_ko.qm"]
    return folder


def test_every_shell_string_has_a_korean_translation() -> None:
    contexts_seen = set()
    for context, source, translation in messages():
        if context in SHELL_CONTEXTS and translation.get("type") not in ("vanished", "obsolete"):
            contexts_seen.add(context)  # (vanished: no longer in the code, kept by lupdate)
            assert translation.get("type") != "unfinished", f"{context}: no Korean for {source!r}"
            assert (translation.text or "").strip()
    assert contexts_seen == SHELL_CONTEXTS


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for context, source, translation in messages():
        text = translation.text or ""
        if translation.get("type") is not None or not text:
            continue
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), (
            f"{context}: placeholders differ in {text!r}"
        )
        assert ("&" in text.replace("&&", "")) == ("&" in source.replace("&&", "")), (
            f"{context}: keyboard mnemonic lost or added in {text!r}"
        )


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

    with qtbot.waitSignal(window._translations.language_changed):  # type: ignore[union-attr]
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
