"""Fixtures for the Orders tab tests: the sandbox's supplier decides only when a test says so;
``korean`` and ``english`` switch the application's language for one test, from the committed
.ts files compiled anew (English loads its plural forms: "1 ticket", "3 tickets")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_orders_support import MANUAL_SUPPLIER

from axdesk.ui.common import i18n
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir


@pytest.fixture
def sandbox_options() -> dict[str, Any]:
    """The sandbox of ``tests/ui/conftest.py``, with no automatic confirm or reject."""
    return dict(MANUAL_SUPPLIER)


def _translations(qapp: Any, folder: Path) -> Translations:
    folder.mkdir()
    for ts_file in translations_dir().glob("axdesk_*.ts"):
        shutil.copy(ts_file, folder / ts_file.name)
    i18n.build(folder)
    return Translations(qapp, folder)


@pytest.fixture
def korean(qapp: Any, tmp_path: Path) -> Iterator[Translations]:
    """The application in Korean for the test."""
    translations = _translations(qapp, tmp_path / "translations")
    translations.apply("ko")
    try:
        yield translations
    finally:
        _leave_english_untranslated(translations, tmp_path / "translations")


@pytest.fixture
def english(qapp: Any, tmp_path: Path) -> Iterator[Translations]:
    """The application in English, its plural forms loaded, for the test."""
    translations = _translations(qapp, tmp_path / "translations")
    translations.apply("en")
    try:
        yield translations
    finally:
        _leave_english_untranslated(translations, tmp_path / "translations")


def _leave_english_untranslated(translations: Translations, folder: Path) -> None:
    """Back to English with no translator installed, as every other test runs."""
    for compiled in folder.glob("*.qm"):
        compiled.unlink()
    translations.apply("en")
