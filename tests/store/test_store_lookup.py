"""look_up / import_answer with a stub AX and a real journal: which orders are followed where."""

from __future__ import annotations

import pytest
from store_helpers import ENDPOINT, OTHER_ENDPOINT, created_for, make_request

from axdesk.api import AxNotFoundError, OrderStatus, OrderStatusInfo
from axdesk.store.db import Database
from axdesk.store.endpoints import OtherEndpointError
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState
from axdesk.store.lookup import LookupAnswer, import_answer, look_up


class StubAx:
    """Get Confirm from ``answers`` (404 for any other code) on one server."""

    def __init__(self, base_url: str = ENDPOINT) -> None:
        self.base_url = base_url
        self.answers: dict[str, list[OrderStatusInfo]] = {}

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        if order_code not in self.answers:
            raise AxNotFoundError(
                f"AX does not know the order {order_code} (HTTP 404).", status=404
            )
        return self.answers[order_code]


def sent(journal: OrderJournal, code: str, endpoint: str = ENDPOINT) -> str:
    request = make_request(code=code)
    created = created_for(request)
    journal.record_sending(request, endpoint=endpoint)
    journal.mark_sent(code, created)
    return created.depth_combinations[0].ax_order_code


def info(channel: str, ax_code: str, status: OrderStatus) -> OrderStatusInfo:
    return OrderStatusInfo(channel_order_code=channel, ax_order_code=ax_code, status=status)


def ax_status(journal: OrderJournal, code: str) -> OrderStatus | None:
    detail = journal.get_order(code)
    assert detail is not None
    return detail.ax_orders[0].status


def test_an_order_made_elsewhere_is_offered_and_nothing_is_recorded(
    journal: OrderJournal,
) -> None:
    ax = StubAx()
    ax.answers["walk-in"] = [
        info("walk-in", "ax-w-0", OrderStatus.SUPPLIER_CONFIRM),
        info("walk-in", "ax-w-1", OrderStatus.NEW),
    ]

    answer = look_up(ax, journal, "walk-in")

    assert answer == LookupAnswer(tuple(ax.answers["walk-in"]), frozenset())
    assert answer.to_import == ("walk-in",)
    assert journal.state_of("walk-in") is None


def test_an_order_followed_on_this_server_gets_axs_answer_at_once(journal: OrderJournal) -> None:
    ax_code = sent(journal, "o1")
    ax = StubAx()
    ax.answers[ax_code] = [info("o1", ax_code, OrderStatus.SUPPLIER_REJECT)]

    answer = look_up(ax, journal, ax_code)

    assert answer.known == frozenset({"o1"})
    assert answer.to_import == ()
    assert ax_status(journal, "o1") is OrderStatus.SUPPLIER_REJECT


def test_an_order_journaled_for_another_server_is_offered_not_recorded(
    journal: OrderJournal,
) -> None:
    ax_code = sent(journal, "prod-1", endpoint=OTHER_ENDPOINT)
    ax = StubAx(ENDPOINT)
    ax.answers["prod-1"] = [info("prod-1", ax_code, OrderStatus.SUPPLIER_CONFIRM)]

    answer = look_up(ax, journal, "prod-1")

    assert answer.known == frozenset()
    assert answer.to_import == ("prod-1",)
    assert ax_status(journal, "prod-1") is OrderStatus.NEW
    # Importing it for this server is refused, and changes nothing.
    with pytest.raises(OtherEndpointError):
        import_answer(ax, journal, answer.infos)
    assert journal.endpoint_of("prod-1") == OTHER_ENDPOINT
    assert ax_status(journal, "prod-1") is OrderStatus.NEW


def test_an_unknown_code_is_axs_sentence(journal: OrderJournal) -> None:
    with pytest.raises(AxNotFoundError, match="HTTP 404"):
        look_up(StubAx(), journal, "no-such-order")


def test_import_follows_the_order_on_the_server_that_answered(journal: OrderJournal) -> None:
    ax = StubAx("HTTPS://Test.AX-Cloud.com/")
    ax.answers["walk-in"] = [info("walk-in", "ax-w-0", OrderStatus.SUPPLIER_CONFIRM)]
    answer = look_up(ax, journal, "walk-in")

    assert import_answer(ax, journal, answer.infos) == ["walk-in"]

    assert journal.state_of("walk-in") is JournalState.REMOTE
    assert journal.endpoint_of("walk-in") == ENDPOINT
    assert ax_status(journal, "walk-in") is OrderStatus.SUPPLIER_CONFIRM
    assert [ref.ax_order_code for ref in journal.non_final_ax_orders(ENDPOINT)] == []
    again = look_up(ax, journal, "walk-in")
    assert again.known == frozenset({"walk-in"})


def test_import_gives_an_unrecorded_order_this_server(journal: OrderJournal, db: Database) -> None:
    ax_code = sent(journal, "legacy")
    db.execute("UPDATE channel_order SET endpoint = NULL WHERE channel_order_code = 'legacy'")
    ax = StubAx()
    ax.answers[ax_code] = [info("legacy", ax_code, OrderStatus.SUPPLIER_PENDING)]

    answer = look_up(ax, journal, ax_code)
    assert answer.to_import == ("legacy",)
    assert ax_status(journal, "legacy") is OrderStatus.NEW

    assert import_answer(ax, journal, answer.infos) == ["legacy"]
    assert journal.endpoint_of("legacy") == ENDPOINT
    assert ax_status(journal, "legacy") is OrderStatus.SUPPLIER_PENDING
