"""Field keys and the server's per-field errors mapped onto them, without Qt."""

from __future__ import annotations

import pytest

from axdesk.ui.order_entry.rules.fields import server_error_field, shift_line_key


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        (
            "depth_combinations[0].tickets[1].email: not an email",
            "lines[0].travelers[1].email",
            "not an email",
        ),
        ("depth_combinations[1].quantity: too many", "lines[1].quantity", "too many"),
        ("purchaser.phone: bad", "purchaser.phone", "bad"),
        ("order.total: does not add up", "order.total", "does not add up"),
        ("something else went wrong", None, "something else went wrong"),
    ],
)
def test_server_errors_map_to_form_fields(entry: str, key: str | None, message: str) -> None:
    assert server_error_field(entry) == (key, message)


def test_keys_after_a_removed_line_move_up_and_those_on_it_go() -> None:
    assert shift_line_key("lines[2].quantity", 1) == "lines[1].quantity"
    assert shift_line_key("lines[2].travelers[0].email", 1) == "lines[1].travelers[0].email"
    assert shift_line_key("lines[1].travelers[0].email", 1) == ""
    assert shift_line_key("lines[0].quantity", 1) == "lines[0].quantity"
    assert shift_line_key("purchaser.email", 0) == "purchaser.email"
