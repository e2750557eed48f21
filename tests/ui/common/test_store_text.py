"""The store's typed sentences (axdesk.store.problems) reach the screen in the operator's
language: every template the store declares is listed for translation, the English
wording is the store's own sentence, and the Korean one has no English left in it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import axdesk.store.catalog
import axdesk.store.endpoints
import axdesk.store.journal_probe
import axdesk.store.journal_setting
import axdesk.store.outcomes
import axdesk.store.settings
from axdesk.store.catalog import CatalogImportError, CatalogStore
from axdesk.store.db import open_database
from axdesk.store.endpoints import OtherEndpointError
from axdesk.store.problems import TEMPLATES, Problem
from axdesk.store.settings import Settings
from axdesk.ui.common import i18n
from axdesk.ui.common.error_text import ax_error_sentence
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.live_text import again
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.common.store_text import STORE_TEMPLATES, error_text, problem_text, word

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def korean(qapp: QApplication, tmp_path: Path) -> Iterator[Translations]:
    for ts in translations_dir().glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    i18n.build(tmp_path)
    translations = Translations(qapp, tmp_path)
    translations.apply("ko")
    try:
        yield translations
    finally:
        translations.apply("en")


def test_every_template_of_the_store_is_listed_for_translation() -> None:
    assert set(STORE_TEMPLATES) == TEMPLATES
    assert len(STORE_TEMPLATES) == len(set(STORE_TEMPLATES))


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_in_english_the_wording_is_the_stores_own_sentence(qapp, template: str) -> None:
    problem = Problem(template, *(f"v{n}" for n in range(1, 6)))
    assert word(problem) == str(problem)


def bad_catalog_problems() -> tuple[str, ...]:
    rows = [
        ",".join(axdesk.store.catalog.CSV_COLUMNS),
        "p1,투어,d1,성인,m1,삼만원,KRW",
        "p1,다른 투어,d2,어린이,m2,100,EUR",
        ",투어 4,d5,성인,m5,10,USD",
    ]
    store = CatalogStore(open_database(":memory:"))
    with pytest.raises(CatalogImportError) as caught:
        store.import_csv("\n".join(rows).encode("utf-8"))
    return caught.value.problems


def test_a_catalog_problem_is_typed_and_worded_in_korean(korean) -> None:
    problems = bad_catalog_problems()
    assert problems[0] == "Row 2: the unit price '삼만원' is not a number."
    assert isinstance(problems[0], Problem)
    assert problems[0].template == "%1: %2."
    shown = [word(problem) for problem in problems]
    assert shown[0] == "2행: 단가 '삼만원'은(는) 숫자가 아닙니다."
    for sentence in shown:  # the currencies' codes are what the operator types
        bare = sentence.replace("KRW", "").replace("USD", "").replace("EUR", "")
        assert not LATIN_WORD.findall(bare), sentence


def test_settings_warnings_are_worded_in_korean(korean, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"poll_interval_seconds": 2, "profiles": [{"name": "A", "token": "x"}]}')
    settings = Settings.load(path, autosave=False)
    assert settings.warnings
    shown = [word(warning) for warning in settings.warnings]
    assert any("폴링" in text or "확인 간격" in text for text in shown), shown
    assert not [text for text in shown if "must be" in text or "was repaired" in text]


def test_a_journal_error_shown_as_an_ax_error_is_worded_in_korean(korean) -> None:
    error = OtherEndpointError("code-1", "https://other.example", "https://ax.example")
    sentence = ax_error_sentence(error)
    assert "https://other.example" in sentence
    assert "connect to that server" not in sentence


def test_a_worded_problem_says_itself_again_after_a_switch(korean) -> None:
    problem = bad_catalog_problems()[0]
    text = problem_text(problem)
    assert text.startswith("2행")
    korean.apply("en")
    assert again(text) == "Row 2: the unit price '삼만원' is not a number."
    korean.apply("ko")
    assert again(text).startswith("2행")
    assert error_text(ValueError(problem)).startswith("2행")


def test_an_order_held_at_another_desk_is_said_in_korean(korean) -> None:
    import datetime as dt

    from axdesk.store.journal import OrderJournal
    from axdesk.store.outcomes import OutcomeRecorder
    from axdesk.ui.order_entry.unsettled_text import outcome_reason

    recorder = OutcomeRecorder(
        OrderJournal(open_database(":memory:")), lambda: dt.datetime.now(dt.UTC), dt.timedelta()
    )
    outcome = recorder.held_elsewhere("A-77")
    assert outcome.message == "The order A-77 is being sent or settled at another desk right now."
    shown = outcome_reason(outcome)
    assert "A-77" in shown
    assert not LATIN_WORD.findall(shown.replace("A-77", "")), shown
