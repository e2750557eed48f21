"""The New order draft as JSON, and an unreadable one kept aside, without Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

from order_entry_helpers import valid_state

from axdesk.ui.order_entry.drafts import (
    SUBMITTED_CODE_KEY,
    draft_json,
    is_readable_draft,
    keep_draft_file,
    submitted_code_of,
)
from axdesk.ui.order_entry.state import OrderFormState


def test_a_draft_is_the_form_and_names_the_order_once_it_went_out() -> None:
    state = valid_state()
    typed = draft_json(state)
    assert SUBMITTED_CODE_KEY not in json.loads(typed)
    assert OrderFormState.from_json(typed) == state
    assert submitted_code_of(typed) == ""

    sent = draft_json(state, "order-1")
    assert submitted_code_of(sent) == "order-1"
    assert OrderFormState.from_json(sent) == state


def test_a_code_that_is_not_text_names_no_order() -> None:
    assert submitted_code_of(json.dumps({SUBMITTED_CODE_KEY: 5})) == ""
    assert submitted_code_of("[1, 2]") == ""
    assert submitted_code_of("{not json") == ""


def test_only_a_json_object_is_a_readable_draft() -> None:
    assert is_readable_draft(draft_json(OrderFormState()))
    assert not is_readable_draft("[1, 2]")
    assert not is_readable_draft("{not json")


def test_an_unreadable_draft_is_kept_byte_for_byte_and_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    now = dt.datetime(2030, 5, 1, 9, 30, 15)
    first = keep_draft_file(folder, "{not json", now)
    second = keep_draft_file(folder, "[1, 2]", now)
    assert first.name == "unreadable-draft-20300501-093015.json"
    assert second.name == "unreadable-draft-20300501-093015-2.json"
    assert first.read_text(encoding="utf-8") == "{not json"
    assert second.read_text(encoding="utf-8") == "[1, 2]"


def test_a_kept_draft_is_private_whatever_the_umask(tmp_path: Path) -> None:
    """A draft holds travelers' names and phone numbers: 0600, like the journal."""
    old = os.umask(0o022)
    try:
        kept = keep_draft_file(tmp_path / "data", "{not json", dt.datetime(2030, 5, 1, 9, 30))
    finally:
        os.umask(old)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_readable_draft_kept_aside_is_named_for_what_it_is(tmp_path: Path) -> None:
    now = dt.datetime(2030, 5, 1, 9, 30, 15)
    kept = keep_draft_file(tmp_path, "{}", now, kind="saved")
    assert kept.name == "saved-draft-20300501-093015.json"
