"""The new-order form's drafts in the journal's database."""

from __future__ import annotations

import pytest
from store_helpers import FakeClock

from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import JournalError


def test_drafts(journal: OrderJournal, clock: FakeClock) -> None:
    assert journal.load_draft("new-order") is None
    journal.save_draft("new-order", '{"lines": []}')
    clock.advance(5)
    journal.save_draft("new-order", '{"lines": [1]}')
    assert journal.load_draft("new-order") == '{"lines": [1]}'
    assert [(d.key, d.updated_at) for d in journal.list_drafts()] == [("new-order", clock.now)]
    with pytest.raises(JournalError, match="not JSON"):
        journal.save_draft("new-order", "{half")
    assert journal.load_draft("new-order") == '{"lines": [1]}'
    assert journal.clear_draft("new-order")
    assert not journal.clear_draft("new-order")
    assert journal.load_draft("new-order") is None
