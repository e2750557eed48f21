"""The product catalog read on the worker: the newest request wins, a failure is a sentence.

The database is real (the shell's); a read is made to fail by moving a catalog table away,
as a damaged or half-migrated file would.
"""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from axdesk.store.db import locked
from axdesk.ui.common.catalog_read import CatalogReading
from axdesk.ui.common.context import AppContext
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.live_text import again
from axdesk.ui.shell.bootstrap import Shell

READ_TIMEOUT_MS = 10_000


def move_the_options_away(shell: Shell) -> None:
    with locked(shell.database):
        shell.database.execute("ALTER TABLE product_option RENAME TO product_option_moved")


def test_a_newer_read_drops_the_one_in_flight(qtbot: QtBot, app_context: AppContext) -> None:
    reading = CatalogReading(app_context.worker, lambda: app_context.catalog)
    answers: list[list[str]] = []
    reading.read.connect(lambda products: answers.append([p.product_code for p in products]))
    removed = app_context.catalog.list_products()[0].product_code
    reading.reload()
    assert reading.reading
    assert app_context.catalog.delete_product(removed)
    reading.reload()  # the catalog changed meanwhile: the first answer may be stale
    qtbot.waitUntil(lambda: not reading.reading, timeout=READ_TIMEOUT_MS)
    qtbot.wait(50)  # a dropped answer would arrive by now
    assert len(answers) == 1
    assert removed not in answers[0]
    assert [p.product_code for p in reading.products] == answers[0]


def test_a_failed_read_is_one_translated_sentence_and_keeps_the_list(
    qtbot: QtBot, qapp: Any, app_context: AppContext, shell: Shell
) -> None:
    reading = CatalogReading(app_context.worker, lambda: app_context.catalog)
    with qtbot.waitSignal(reading.read, timeout=READ_TIMEOUT_MS):
        reading.reload()
    before = list(reading.products)
    assert before
    move_the_options_away(shell)
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(reading.failed, timeout=READ_TIMEOUT_MS) as failed,
    ):
        reading.reload()
    (sentence,) = failed.args
    assert sentence.startswith("The product catalog could not be read")
    assert "Traceback" not in sentence
    assert "product_option" not in sentence
    assert reading.products == before
    assert not reading.reading
    translations = Translations(qapp)
    translations.apply("ko")
    try:
        assert again(sentence).startswith("상품 카탈로그를 읽을 수 없어")
    finally:
        translations.apply("en")
