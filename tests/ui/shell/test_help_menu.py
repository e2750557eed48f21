"""Help > Documentation shows the operator's guide from the package; Help > About names
axdesk's version and licence, every package it runs with and its licence, and About Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from axdesk import __version__
from axdesk.ui.common.resources import docs_dir, licenses_dir

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_documentation_shows_the_guide_and_follows_its_links(qtbot, launch_window) -> None:
    window = launch_window()
    guide = window.actions_.documentation
    guide.trigger()
    from axdesk.ui.shell.guide import GuideDialog

    dialog = window.findChild(GuideDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.browser.source().toLocalFile() == str(docs_dir() / "user-guide.md")
    assert "Where axdesk keeps its files" in dialog.browser.toPlainText()
    assert "AXDESK_HOME" in dialog.browser.toPlainText()
    dialog.browser.setSource(QUrl("cancel-flow.md"))  # the guide's own link
    assert "Cancelling a ticket for a caller" in dialog.browser.toPlainText()
    dialog.reject()


def test_about_lists_the_licences_and_offers_about_qt(
    qtbot, launch_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = launch_window()
    dialog = window.show_about()
    assert __version__ in dialog.summary.text()
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=10_000)
    rows = {dialog.list.item(i).text().split()[0].lower(): i for i in range(dialog.list.count())}

    dialog.list.setCurrentRow(0)
    assert dialog.list.item(0).text().startswith(f"axdesk {__version__} — MIT")
    assert dialog.text.toPlainText().count("Permission is hereby granted") == 1
    assert (licenses_dir() / "LICENSE").read_text(encoding="utf-8") in dialog.text.toPlainText()

    for name in ("httpx", "pydantic", "fastapi", "uvicorn", "keyring", "phonenumbers"):
        assert name in rows, name
        dialog.list.setCurrentRow(rows[name])
        assert dialog.text.toPlainText().startswith("== LICENSE"), name

    dialog.list.setCurrentRow(rows["pyside6_essentials"])
    assert "LGPL-3.0" in dialog.list.currentItem().text()
    text = dialog.text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "https://code.qt.io" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text

    shown: list[bool] = []
    monkeypatch.setattr(QApplication, "aboutQt", lambda: shown.append(True))
    dialog.about_qt.click()
    assert shown == [True]
    dialog.reject()
