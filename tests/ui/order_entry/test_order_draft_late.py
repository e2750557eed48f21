"""The saved draft is read on the worker: what happens when it arrives after the tab is up.

The read is held back (``held_draft_read``) until the test lets it go, so "the operator
typed before the draft came" is a fixed order of events, not a race with the machine.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal

import pytest
from order_tab_helpers import WAIT_MS, build_tab, type_into
from pytestqt.qtbot import QtBot

from axdesk.api import LineInput, TravelerInput, build_order_request
from axdesk.ui.common.context import AppContext
from axdesk.ui.order_entry import draft_keeper
from axdesk.ui.order_entry.drafts import DRAFT_KEY, draft_json, submitted_code_of
from axdesk.ui.order_entry.result_panel import Outcome
from axdesk.ui.order_entry.state import OrderFormState, PersonState

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def held_draft_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The keeper's read of the saved draft waits (on the worker) until the event is set."""
    release = threading.Event()
    read = draft_keeper.read_saved_draft

    def held(ctx: AppContext) -> draft_keeper.SavedDraft:
        release.wait(WAIT_MS / 1000)
        return read(ctx)

    monkeypatch.setattr(draft_keeper, "read_saved_draft", held)
    yield release
    release.set()  # never leave the worker waiting


def save_a_draft(ctx: AppContext, name: str) -> str:
    state = OrderFormState(purchaser=PersonState(name=name), comment="saved earlier")
    text = draft_json(state)
    ctx.journal.save_draft(DRAFT_KEY, text, revision=7)
    return text


def test_a_draft_arriving_after_the_operator_typed_is_kept_aside_not_typed_over(
    qtbot: QtBot, app_context: AppContext, held_draft_read: threading.Event
) -> None:
    saved = save_a_draft(app_context, "Park Jisoo")
    tab = build_tab(qtbot, app_context, wait_for_draft=False)
    assert not tab.drafts.is_restored
    type_into(qtbot, tab.form.header.purchaser.name_edit, "Kim Minji")
    qtbot.wait(3 * draft_keeper.DRAFT_DELAY_MS)  # the save waits for the read
    assert app_context.journal.load_draft(DRAFT_KEY) == saved

    held_draft_read.set()
    qtbot.waitUntil(lambda: tab.drafts.is_restored, timeout=WAIT_MS)

    assert tab.form.state().purchaser.name == "Kim Minji"
    kept = list(app_context.paths.data_dir.glob("saved-draft-*.json"))
    assert [path.read_text(encoding="utf-8") for path in kept] == [saved]
    assert tab.result.outcome is Outcome.INFO
    assert str(kept[0]) in tab.result.text.text()
    # What the operator typed is saved now, numbered past the saved draft's revision.
    qtbot.waitUntil(
        lambda: "Kim Minji" in (app_context.journal.load_draft(DRAFT_KEY) or ""),
        timeout=WAIT_MS,
    )
    assert app_context.journal.draft_revision(DRAFT_KEY) > 7


def test_a_draft_arriving_late_into_an_untouched_form_is_brought_back(
    qtbot: QtBot, app_context: AppContext, held_draft_read: threading.Event
) -> None:
    save_a_draft(app_context, "Park Jisoo")
    tab = build_tab(qtbot, app_context, wait_for_draft=False)
    assert tab.form.state().is_blank()

    held_draft_read.set()
    qtbot.waitUntil(lambda: tab.drafts.is_restored, timeout=WAIT_MS)

    assert tab.form.state().purchaser.name == "Park Jisoo"
    assert tab.form.state().comment == "saved earlier"
    assert "unfinished order is back" in tab.result.title.text()
    assert not list(app_context.paths.data_dir.glob("saved-draft-*.json"))


def test_closing_before_the_draft_arrives_keeps_both_drafts(
    qtbot: QtBot, app_context: AppContext, held_draft_read: threading.Event
) -> None:
    saved = save_a_draft(app_context, "Park Jisoo")
    tab = build_tab(qtbot, app_context, wait_for_draft=False, owned_by_qtbot=False)
    type_into(qtbot, tab.form.header.purchaser.name_edit, "Kim Minji")

    tab.shutdown()

    assert "Kim Minji" in (app_context.journal.load_draft(DRAFT_KEY) or "")
    kept = list(app_context.paths.data_dir.glob("saved-draft-*.json"))
    assert [path.read_text(encoding="utf-8") for path in kept] == [saved]
    held_draft_read.set()
    tab.deleteLater()


def test_a_draft_locked_on_an_order_in_doubt_wins_over_typing_which_is_kept_in_a_file(
    qtbot: QtBot, app_context: AppContext, held_draft_read: threading.Event
) -> None:
    """axdesk stopped while an order was out: a new order typed before that draft was read
    could book the same travelers twice, so the form goes back to the order, locked."""
    person = TravelerInput(
        name="Park Jisoo", national_code="82", phone="010-1234-5678", email="p@example.com"
    )
    line = LineInput(
        channel_product_mapping_code="map-dc-adult",
        dc_code="dc-adult",
        inventory_at=dt.datetime(2030, 5, 1, 9, tzinfo=dt.UTC),
        unit_price=Decimal("45000"),
        travelers=[person],
    )
    request = build_order_request([line], person, currency="KRW", channel_order_code="doubt-1")
    app_context.journal.record_sending(request, endpoint="https://test.ax-cloud.com")
    state = OrderFormState(purchaser=PersonState(name="Park Jisoo"), comment="sent before")
    app_context.journal.save_draft(DRAFT_KEY, draft_json(state, "doubt-1"), revision=7)
    tab = build_tab(qtbot, app_context, wait_for_draft=False)
    type_into(qtbot, tab.form.header.purchaser.name_edit, "Kim Minji")

    held_draft_read.set()
    qtbot.waitUntil(lambda: tab.drafts.is_restored, timeout=WAIT_MS)

    assert tab.sending.submitted_code == "doubt-1"
    assert tab.result.outcome is Outcome.UNKNOWN
    assert not tab.bar.submit_button.isEnabled()
    assert tab.form.state().purchaser.name == "Park Jisoo"
    folder = app_context.paths.data_dir
    qtbot.waitUntil(lambda: any(folder.glob("typed-draft-*.json")), timeout=WAIT_MS)
    [kept] = folder.glob("typed-draft-*.json")
    assert OrderFormState.from_json(kept.read_text(encoding="utf-8")).purchaser.name == "Kim Minji"
    qtbot.waitUntil(lambda: str(kept) in tab.result.text.text(), timeout=WAIT_MS)
    assert submitted_code_of(app_context.journal.load_draft(DRAFT_KEY) or "") == "doubt-1"
