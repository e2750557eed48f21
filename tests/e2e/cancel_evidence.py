"""Shared by the cancel chaos and crash tests (imported as ``cancel_evidence``; holds no tests).

A sandbox catalog with room for a thousand travelers, orders journaled the
way the app journals them (the store's ``Reconciler`` with a real ``AxClient``
over loopback), and the comparison of a journal with the sandbox, ticket by
ticket, that both tests end with.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from axdesk.api import (
    AxClient,
    LineInput,
    TicketStatus,
    TravelerInput,
    build_order_request,
)
from axdesk.sandbox.embedded import RunningSandbox
from axdesk.store.cancel import CancelTarget
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_cancels import CancelState
from axdesk.store.reconcile import Reconciler

API_KEY = "evidence-key"
CHANNEL_CODE = "evidence-channel"
PRODUCT = "tour-evidence"
OPTION = "dc-evidence-adult"
MAPPING = "map-evidence-adult"
SLOT_DATES = [dt.date(2030, 5, day) for day in range(1, 11)]
SLOT_SEATS = 500
PRICE = Decimal("30000")


def evidence_seed() -> dict[str, Any]:
    """One tour, one option, ten departures of 500 seats in 2030 (Seoul time)."""
    return {
        "timezone": "Asia/Seoul",
        "credentials": [{"api_key": API_KEY, "channel_code": CHANNEL_CODE}],
        "products": [
            {
                "product_code": PRODUCT,
                "name": "증거 투어",
                "options": [
                    {
                        "dc_code": OPTION,
                        "name": "성인",
                        "channel_product_mapping_code": MAPPING,
                        "unit_price": str(PRICE),
                        "currency": "KRW",
                        "slots": [
                            {
                                "inventory_code": f"slot-{day.isoformat()}",
                                "date": day.isoformat(),
                                "start_time": "09:00",
                                "max_quantity": SLOT_SEATS,
                            }
                            for day in SLOT_DATES
                        ],
                    }
                ],
            }
        ],
    }


def slot_inventory_code(day: dt.date) -> str:
    return f"slot-{day.isoformat()}"


def use_at(day: dt.date) -> dt.datetime:
    """09:00 in Seoul on ``day``, as AX wants it (UTC)."""
    return dt.datetime(day.year, day.month, day.day, 0, 0, tzinfo=dt.UTC)


def client_for(sandbox: RunningSandbox, *, timeout: float = 5.0) -> AxClient:
    return AxClient(sandbox.base_url, API_KEY, CHANNEL_CODE, timeout=timeout, max_retries=2)


@dataclass(frozen=True)
class Made:
    """A ticket made for a test, and the departure (inventory code) whose seat it holds."""

    target: CancelTarget
    slot: str


def place_orders(
    client: AxClient, journal: OrderJournal, desk: int, orders: int, travelers: int
) -> list[Made]:
    """Journal and send ``orders`` orders of ``travelers`` each (no faults wanted here);
    every ticket made."""
    reconciler = Reconciler(client, journal)
    made: list[Made] = []
    for number in range(orders):
        day = SLOT_DATES[(desk * 7 + number) % len(SLOT_DATES)]
        people = [
            TravelerInput(f"여행자 {desk}-{number}-{n}", "82", "010-0000-0000", "t@example.com")
            for n in range(travelers)
        ]
        line = LineInput(MAPPING, OPTION, use_at(day), PRICE, people)
        request = build_order_request([line], people[0], currency="KRW")
        outcome = reconciler.submit(request)
        assert outcome.is_sent, outcome.message
        detail = journal.get_order(request.order.channel_order_code)
        assert detail is not None
        for ticket in detail.tickets:
            assert ticket.ax_order_code is not None
            assert ticket.ax_ticket_code is not None
            target = CancelTarget(
                detail.channel_order_code,
                ticket.ax_order_code,
                ticket.ax_ticket_code,
                ticket.name,
                "증거 투어",
                "성인",
                None,
            )
            made.append(Made(target, slot_inventory_code(day)))
    return made


@dataclass
class Agreement:
    """How a journal and the sandbox compare, ticket by ticket."""

    tickets: int = 0
    cancelled_at_ax: int = 0
    cancels_by_state: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)


def compare(journal: OrderJournal, sandbox: RunningSandbox, codes: Iterable[str]) -> Agreement:
    """Every ticket of the channel orders ``codes``: the journal's status is AX's, a cancel
    journaled for each ticket AX cancelled and none for the others, no cancel unsettled."""
    agreement = Agreement()
    for code in codes:
        detail = journal.get_order(code)
        assert detail is not None, code
        at_ax = {
            t.ax_ticket_code: t.status for ax in sandbox.state.orders_for(code) for t in ax.tickets
        }
        for ticket in detail.tickets:
            agreement.tickets += 1
            assert ticket.ax_ticket_code is not None
            ax_status = at_ax.get(ticket.ax_ticket_code)
            ours = None if ticket.status is None else ticket.status.value
            cancel = ticket.cancel
            agreement.cancels_by_state[cancel.state.value if cancel else "none"] += 1
            if ax_status == TicketStatus.TRAVELER_CANCELED.value:
                agreement.cancelled_at_ax += 1
            if ours != ax_status:
                agreement.disagreements.append(
                    f"{ticket.ax_ticket_code}: journal {ours}, AX {ax_status}"
                )
            if ax_status == TicketStatus.TRAVELER_CANCELED.value and (
                cancel is None or cancel.state is not CancelState.DONE
            ):
                agreement.disagreements.append(
                    f"{ticket.ax_ticket_code}: cancelled at AX, journal's cancel is "
                    f"{cancel.state.value if cancel else 'missing'}"
                )
            if cancel is not None and not cancel.state.is_settled:
                agreement.disagreements.append(
                    f"{ticket.ax_ticket_code}: cancel still {cancel.state.value}"
                )
    return agreement


def seats_free(sandbox: RunningSandbox) -> dict[str, int]:
    """Seats each departure has free now, by inventory code."""
    return {
        slot_inventory_code(day): sandbox.state.slot(slot_inventory_code(day)).remain_quantity
        for day in SLOT_DATES
    }
