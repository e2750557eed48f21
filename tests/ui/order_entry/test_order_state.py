"""The form's state as plain data: drafts read and written, without Qt."""

from __future__ import annotations

from order_entry_helpers import valid_state

from axdesk.ui.order_entry.state import OrderFormState


def test_draft_json_round_trips_and_survives_damage() -> None:
    state = valid_state()
    state.comment = "창가 자리"
    state.lines[0].travelers[1].additional = [("english_name", "Jun")]
    again = OrderFormState.from_json(state.to_json())
    assert again == state
    assert OrderFormState.from_json("{not json") == OrderFormState()
    damaged = OrderFormState.from_json(
        '{"currency": "EUR", "lines": [{"quantity": "three", "date": "yesterday"}]}'
    )
    assert damaged.currency == "KRW"
    assert damaged.lines[0].date is None
    assert len(damaged.lines[0].travelers) == damaged.lines[0].quantity == 1
