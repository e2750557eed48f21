"""Live sync's one step: ask AX about one AX order and record its answer. Qt-free.

The Orders tab's scheduler (``axdesk.ui.orders.live_sync.OrderSync``) decides
when and how often; it runs :func:`poll_one` on the worker for each AX order
the journal lists as not final (``OrderJournal.non_final_ax_orders``), and
only the :class:`PollResult` comes back to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from axdesk.api import OrderStatus, OrderStatusInfo
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import AxOrderRef


class StatusClient(Protocol):
    """The part of ``axdesk.api.AxClient`` that asks Get Confirm (tests pass a stub)."""

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]: ...


@dataclass(frozen=True)
class SyncChange:
    """An AX order whose status AX reported differently from the journal."""

    channel_order_code: str
    ax_order_code: str
    old: OrderStatus | None
    new: OrderStatus
    comment: str | None


@dataclass(frozen=True)
class PollResult:
    """The outcome of one Get Confirm, already written to the journal."""

    ref: AxOrderRef
    changes: tuple[SyncChange, ...]


def poll_one(client: StatusClient, journal: OrderJournal, ref: AxOrderRef) -> PollResult:
    """Ask AX about one AX order and record the answer. Runs on the worker.

    Every AX order in the answer that the journal holds gets its status (and
    check time) recorded; the asked order is marked as checked even when AX's
    answer did not list it, so it moves to the back of the queue.
    """
    infos = client.get_order_status(ref.ax_order_code)
    checked_at = dt.datetime.now(dt.UTC)
    changed = set(journal.apply_status_infos(infos, checked_at=checked_at))
    if all(info.ax_order_code != ref.ax_order_code for info in infos):
        journal.touch_checked(ref.ax_order_code, checked_at)
    changes = tuple(
        SyncChange(
            channel_order_code=info.channel_order_code or ref.channel_order_code,
            ax_order_code=info.ax_order_code,
            old=ref.status if info.ax_order_code == ref.ax_order_code else None,
            new=info.status,
            comment=info.comment,
        )
        for info in infos
        if info.ax_order_code in changed
    )
    return PollResult(ref, changes)
