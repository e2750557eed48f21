"""``--state FILE.sqlite``: orders, tickets, seats and history survive a restart."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sandbox_support import SLOT_OPEN, auth, line, order_body, seed

from axdesk.sandbox import ManualClock, StateFileError, start_sandbox

ORDERS = "/v1/channel/orders/tour"


def test_everything_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    clock = ManualClock(datetime(2026, 11, 20, tzinfo=UTC))
    body = order_body("co-keep", [line(quantity=3)])
    with (
        start_sandbox(seed=seed(), state_path=path, confirm_after=60, clock=clock) as first,
        httpx.Client(base_url=first.base_url, headers=auth()) as http,
    ):
        created = http.post(ORDERS, json=body).json()
        order = created["data"]["depth_combinations"][0]
        code = order["ax_order_code"]
        http.patch(
            f"{ORDERS}/{code}/tickets/{order['tickets'][2]['ax_ticket_code']}",
            json={"status": "Traveler canceled"},
        )
        first.state.set_ticket_status(order["tickets"][0]["ax_ticket_code"], "Used")
        first.state.advance(30)
        assert first.state.orders_for("co-keep")[0].status == 2
        before = first.state.orders_for("co-keep")

    clock.advance(60)
    # A different seed is ignored: the state file already holds a catalog.
    with (
        start_sandbox(seed=None, state_path=path, confirm_after=5, clock=clock) as second,
        httpx.Client(base_url=second.base_url, headers=auth()) as http,
    ):
        assert second.state.slot(SLOT_OPEN).ordered_quantity == 12
        assert second.state.seat_problems() == []
        assert second.catalog()[0]["product_code"] == "prod-city-walk"
        repeat = http.post(ORDERS, json=body)
        status = http.get(f"{ORDERS}/{code}").json()["data"][0]
        after = second.state.orders_for("co-keep")[0]

    assert repeat.status_code == 201
    assert repeat.json()["data"]["depth_combinations"][0]["tickets"] == [
        {"ax_ticket_code": t["ax_ticket_code"], "ax_ticket_status": s}
        for t, s in zip(order["tickets"], ["Used", "New", "Traveler canceled"], strict=True)
    ]
    # The decision due 60 s after the order (kept from the first run) has happened.
    assert (status["status"], status["comment"]) == (3, "Supplier 확정")
    assert after.history[:2] == before[0].history
    assert [h.to_status for h in after.history] == [1, 2, 3]


def test_a_new_state_file_gets_the_demo_catalog_and_extra_credentials(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    with start_sandbox(state_path=path, confirm_after=None) as first:
        products = first.catalog()
    with start_sandbox(
        state_path=path, confirm_after=None, api_key="k2", channel_code="c2"
    ) as second:
        assert second.catalog() == products
        inventory = httpx.get(
            f"{second.base_url}/v1/channel/inventory/tour/{products[0]['product_code']}",
            headers=auth("k2", "c2"),
        )
    with start_sandbox(state_path=path, confirm_after=None) as third:
        again = httpx.get(
            f"{third.base_url}/v1/channel/inventory/tour/{products[0]['product_code']}",
            headers=auth("k2", "c2"),
        )

    assert len(products) >= 3
    assert inventory.status_code == 200
    assert again.status_code == 200  # the added credential was kept


def _downgrade_to_schema_1(path: Path) -> None:
    """Turn a state file back into the first schema: one order per channel order code."""
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE old_orders (
                channel_code TEXT NOT NULL, channel_order_code TEXT NOT NULL,
                body TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (channel_code, channel_order_code));
            INSERT INTO old_orders SELECT channel_code, channel_order_code, body, created_at
                FROM channel_orders;
            DROP TABLE channel_orders;
            ALTER TABLE old_orders RENAME TO channel_orders;
            ALTER TABLE ax_orders DROP COLUMN repeat_no;
            UPDATE meta SET value = '1' WHERE key = 'schema_version';
            """
        )
    db.close()


def test_a_schema_1_file_is_upgraded_and_keeps_its_orders(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    body = order_body("co-old", [line(quantity=1)])
    with (
        start_sandbox(seed=seed(), state_path=path, confirm_after=None) as first,
        httpx.Client(base_url=first.base_url, headers=auth()) as http,
    ):
        created = http.post(ORDERS, json=body).json()
    _downgrade_to_schema_1(path)

    with (
        start_sandbox(state_path=path, confirm_after=None, dedup=False) as second,
        httpx.Client(base_url=second.base_url, headers=auth()) as http,
    ):
        again = http.post(ORDERS, json=body).json()
        listed = http.get(f"{ORDERS}/co-old").json()["data"]
        assert second.state.seat_problems() == []
        assert second.state.slot(SLOT_OPEN).ordered_quantity == 12
    with sqlite3.connect(path) as db:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    db.close()

    first_code = created["data"]["depth_combinations"][0]["ax_order_code"]
    second_code = again["data"]["depth_combinations"][0]["ax_order_code"]
    assert first_code != second_code
    assert [item["ax_order_code"] for item in listed] == [first_code, second_code]
    assert version == ("2",)


def test_a_file_that_is_not_a_state_file_is_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database at all, just some text " * 20)
    other_db = tmp_path / "other.sqlite"
    with sqlite3.connect(other_db) as db:
        db.execute("CREATE TABLE things (x)")
    db.close()

    with pytest.raises(StateFileError, match=r"notes\.sqlite is not an AX sandbox state file"):
        start_sandbox(state_path=text_file)
    with pytest.raises(StateFileError, match=r"other\.sqlite is not an AX sandbox state file"):
        start_sandbox(state_path=other_db)
    with pytest.raises(StateFileError, match="cannot be opened"):
        start_sandbox(state_path=tmp_path / "missing-dir" / "state.sqlite")
