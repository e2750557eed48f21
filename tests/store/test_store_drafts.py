"""The new-order form's drafts in the journal's database."""

from __future__ import annotations

import threading

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
    assert journal.list_drafts() == []


def test_a_draft_older_than_the_one_kept_never_replaces_it(journal: OrderJournal) -> None:
    """The draft naming a sent order (revision 2) is kept when the write of the draft typed
    before it (revision 1) lands afterwards; so is a clearing."""
    assert journal.save_draft("new-order", '{"submitted_code": "o1"}', revision=2)
    assert not journal.save_draft("new-order", '{"comment": "typed before"}', revision=1)
    assert not journal.save_draft("new-order", '{"comment": "same number"}', revision=2)
    assert journal.load_draft("new-order") == '{"submitted_code": "o1"}'
    assert journal.draft_revision("new-order") == 2

    assert journal.clear_draft("new-order", revision=3)  # the order was made: cleared
    assert not journal.save_draft("new-order", '{"submitted_code": ""}', revision=2)
    assert journal.load_draft("new-order") is None
    assert journal.draft_revision("new-order") == 3
    assert not journal.clear_draft("new-order", revision=1)
    assert journal.save_draft("new-order", '{"comment": "next order"}', revision=4)
    assert journal.load_draft("new-order") == '{"comment": "next order"}'


def test_racing_draft_writes_leave_the_newest(journal: OrderJournal) -> None:
    """Writers on many threads, each with its revision: whatever the order they land in, the
    highest revision is what stays."""
    barrier = threading.Barrier(8)

    def write(revision: int) -> None:
        barrier.wait()
        journal.save_draft("new-order", f'{{"n": {revision}}}', revision=revision)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(1, 9)]
    for thread in reversed(threads):
        thread.start()
    for thread in threads:
        thread.join()
    assert journal.load_draft("new-order") == '{"n": 8}'
    assert journal.draft_revision("new-order") == 8
