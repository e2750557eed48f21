"""Fixtures of the catalog tests: the catalog dialog on the app's own context."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.i18n import Translations


@pytest.fixture
def dialog(qapp, app_context: AppContext) -> Iterator[CatalogDialog]:
    built = CatalogDialog(app_context)
    yield built
    # Deleted now, before the test's database closes: left to a later deleteLater, a
    # dialog showing an option would answer the next test's language switch by reading
    # the product's name from the closed catalog.
    built.close()
    built.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    """English as the app installs it: with the plural forms of counts ("1 product")."""
    translations = Translations(qapp)
    translations.apply("en")
    yield translations
    translations.deleteLater()
