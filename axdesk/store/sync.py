"""Live sync's steps: ask AX, send unsettled cancels again, record a batch of answers. Qt-free.

The Orders tab's scheduler (``axdesk.ui.orders.live_sync.OrderSync``) decides
when and how often. On the worker it runs, for each AX order the journal
lists as not final (``OrderJournal.non_final_ax_orders``), :func:`ask_one`
(one Get Confirm), and for each unsettled cancel
(``OrderJournal.unsettled_cancels``) ``axdesk.store.cancel.resend_cancel``
(the same PATCH again; AX answers a ticket it already cancelled with the
same result). Neither writes the journal: the answers of a cycle are kept
and written together by :func:`record_answers`, in one transaction, so a
cycle of N orders commits once (or a few times in a long cycle) instead of
once per answer with an fsync each, while the worker threads queue on the
database lock.

That keeps the write-ahead rule: the only writes to AX here are re-sent
cancels, whose intent is in the journal already (that is why they are
listed); an answer not yet recorded when axdesk stops is only asked again.

Get Confirm gives AX orders' statuses, not tickets'. When it reports an AX
order "Traveler cancel" (every ticket cancelled), that order's unsettled
cancels are settled as done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from axdesk.api import OrderStatus, OrderStatusInfo
from axdesk.store.cancel import CancelResent, record_resent
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import JournalError
from axdesk.store.journal_cancels import CancelState
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
class CancelChange:
    """A ticket's unsettled cancel that live sync settled (or found still unknown)."""

    channel_order_code: str
    ax_ticket_code: str
    state: CancelState


@dataclass(frozen=True)
class Checked:
    """One Get Confirm answer, not yet written to the journal."""

    ref: AxOrderRef
    infos: tuple[OrderStatusInfo, ...]
    checked_at: dt.datetime


@dataclass(frozen=True)
class Recorded:
    """What :func:`record_answers` wrote, for the screen."""

    changes: tuple[SyncChange, ...]
    checked: tuple[str, ...]
    """The channel orders asked about (each once, in the order answered)."""
    cancels: tuple[CancelChange, ...]


@dataclass(frozen=True)
class PollResult:
    """The outcome of one Get Confirm, already written to the journal."""

    ref: AxOrderRef
    changes: tuple[SyncChange, ...]


def ask_one(client: StatusClient, ref: AxOrderRef) -> Checked:
    """Ask AX about one AX order (Get Confirm); writes nothing. Runs on the worker."""
    infos = client.get_order_status(ref.ax_order_code)
    return Checked(ref, tuple(infos), dt.datetime.now(dt.UTC))


def record_answers(
    journal: OrderJournal, checked: Sequence[Checked], resent: Sequence[CancelResent] = ()
) -> Recorded:
    """Write a batch of answers in one transaction; what changed comes back. On the worker.

    For each Get Confirm answer every AX order in it that the journal holds
    gets its status (and check time) recorded; the asked order is marked as
    checked even when AX's answer did not list it, so it moves to the back
    of the queue; an AX order reported "Traveler cancel" settles its
    unsettled cancels. Each re-sent cancel's answer is recorded (done,
    refused, still unknown). An answer about something no longer in the
    journal is skipped, never a reason to lose the rest.
    """
    changes: list[SyncChange] = []
    checked_orders: dict[str, None] = {}
    cancels: list[CancelChange] = []
    with journal.batch():
        for answer in checked:
            ref = answer.ref
            changed = set(journal.apply_status_infos(answer.infos, checked_at=answer.checked_at))
            if all(info.ax_order_code != ref.ax_order_code for info in answer.infos):
                with contextlib.suppress(JournalError):  # it left the journal meanwhile
                    journal.touch_checked(ref.ax_order_code, answer.checked_at)
            checked_orders[ref.channel_order_code] = None
            for info in answer.infos:
                channel = info.channel_order_code or ref.channel_order_code
                if info.ax_order_code in changed:
                    changes.append(
                        SyncChange(
                            channel_order_code=channel,
                            ax_order_code=info.ax_order_code,
                            old=ref.status if info.ax_order_code == ref.ax_order_code else None,
                            new=info.status,
                            comment=info.comment,
                        )
                    )
                if info.status is OrderStatus.TRAVELER_CANCEL:
                    for ticket in journal.settle_cancelled_ax_orders(
                        [info.ax_order_code], answer.checked_at
                    ):
                        cancels.append(CancelChange(channel, ticket, CancelState.DONE))
        for one in resent:
            state = record_resent(journal, one)
            if state is not None:
                cancels.append(
                    CancelChange(
                        one.pending.channel_order_code, one.pending.ax_ticket_code, state
                    )
                )
    return Recorded(tuple(changes), tuple(checked_orders), tuple(cancels))


def poll_one(client: StatusClient, journal: OrderJournal, ref: AxOrderRef) -> PollResult:
    """Ask AX about one AX order and record the answer at once (a check of one order)."""
    recorded = record_answers(journal, [ask_one(client, ref)])
    return PollResult(ref, recorded.changes)
