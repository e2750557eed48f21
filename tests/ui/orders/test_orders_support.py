"""Helpers for the Orders tab tests (imported as ``test_orders_support``; holds no tests).

``make_tab`` builds the tab the way the main window does (live sync off unless
asked for); ``wait_query`` waits for a search's answer.

Orders are put in the journal the way the app does it: the store's
``Reconciler`` with the real ``AxClient`` against the sandbox over loopback
(journal first, then the POST, then AX's answer recorded); never through the
New order tab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from axdesk.api import (
    InventorySlot,
    LineInput,
    OrderRequest,
    TravelerInput,
    build_order_request,
    slot_datetime,
)
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.reconcile import Reconciler
from axdesk.ui.common.context import AppContext
from axdesk.ui.orders.tab import OrdersTab

MANUAL_SUPPLIER = {"confirm_after": None}
"""Sandbox options: the supplier decides only when a test says so (set_order_status)."""


def traveler(
    name: str,
    phone: str = "010-0000-0000",
    email: str = "",
    *,
    note: str | None = None,
    additional: dict[str, Any] | None = None,
) -> TravelerInput:
    """A traveler (or purchaser); ``note`` is the wire's ``extra``, ``additional`` its fields."""
    local = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum()) or "t"
    return TravelerInput(
        name=name,
        national_code="82",
        phone=phone,
        email=email or f"{local}.{abs(hash(name)) % 10_000}@example.com",
        extra=note,
        additional=additional,
    )


@dataclass(frozen=True)
class Placed:
    request: OrderRequest
    slot: InventorySlot
    ax_order_code: str
    ticket_codes: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.request.order.channel_order_code

    def ticket_code(self, index: int) -> str:
        return self.ticket_codes[index]


def pick_slot(
    ctx: AppContext,
    sandbox: RunningSandbox,
    seats: int,
    product: int = 0,
    option: int = 0,
    after: dt.date | None = None,
) -> tuple[dict[str, Any], dict[str, Any], InventorySlot]:
    """The first slot of the option with ``seats`` left (on a day after ``after``)."""
    catalog = sandbox.catalog()
    chosen_product = catalog[product]
    chosen_option = chosen_product["options"][option]
    inventory = ctx.connection.client().get_inventory(chosen_product["product_code"])
    for slot in inventory.options[chosen_option["dc_code"]]:
        if after is not None and slot.date <= after:
            continue
        if slot.is_order and slot.remain_quantity >= seats:
            return chosen_product, chosen_option, slot
    raise AssertionError("the sandbox has no slot with enough seats")


def place_order(
    ctx: AppContext,
    sandbox: RunningSandbox,
    travelers: list[TravelerInput],
    *,
    purchaser: TravelerInput | None = None,
    product: int = 0,
    option: int = 0,
    journal: bool = True,
    comment: str | None = None,
    after: dt.date | None = None,
) -> Placed:
    """Order one option for ``travelers`` at the sandbox, journaled like the app does
    (on its first slot with seats left, or its first after the day ``after``)."""
    _product, chosen, slot = pick_slot(ctx, sandbox, len(travelers), product, option, after)
    line = LineInput(
        channel_product_mapping_code=chosen["channel_product_mapping_code"],
        dc_code=chosen["dc_code"],
        inventory_at=slot_datetime(slot.date, slot.start_time),
        unit_price=Decimal(chosen["unit_price"]),
        travelers=travelers,
    )
    request = build_order_request(
        [line], purchaser or travelers[0], currency=chosen["currency"], comment=comment
    )
    if not journal:
        created = ctx.connection.client().create_order(request)
        line = created.depth_combinations[0]
        return Placed(
            request,
            slot,
            line.ax_order_code,
            tuple(ticket.ax_ticket_code for ticket in line.tickets),
        )
    outcome = Reconciler(ctx.connection.client, ctx.journal).submit(request)
    assert outcome.is_sent, outcome.message
    detail = ctx.journal.get_order(request.order.channel_order_code)
    assert detail is not None
    return Placed(
        request,
        slot,
        detail.ax_orders[0].ax_order_code,
        tuple(ticket.ax_ticket_code or "" for ticket in detail.tickets),
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events, one character at a time.

    ``qtbot.keyClicks`` aborts the process on characters outside Latin-1 (Korean
    names), so each character is sent as a key press carrying its text, which is
    what an input method delivers.
    """
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def make_tab(
    qtbot: Any, ctx: AppContext, *, sync: bool = False, interval: float = 0.2
) -> OrdersTab:
    """An Orders tab on ``ctx``, shown and with its first page loaded; live sync only
    when ``sync`` (every ``interval`` seconds). Shut down after the test, before its
    shell closes, so its live sync stops polling where the test ends."""
    tab = OrdersTab(ctx, poll_interval_seconds=interval, start_sync=sync)
    qtbot.addWidget(tab, before_close_func=OrdersTab.shutdown)  # as the window closes it
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.model.has_loaded)
    return tab


def wait_query(qtbot: Any, tab: OrdersTab, text: str) -> None:
    """Wait until the list shows the answer of the search for ``text``."""
    qtbot.waitUntil(
        lambda: (
            tab.model.has_loaded and tab.model.criteria.text == text and not tab.model.is_loading
        )
    )
