"""The New order draft as JSON, and an unreadable one kept aside, without Qt."""

from __future__ import annotations

import datetime as dt
import json
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
