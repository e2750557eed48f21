"""Live sync's steps: ask AX, send unsettled cancels again, record a batch of answers. Qt-free.

The Orders tab's scheduler (``axdesk.ui.orders.live_sync.OrderSync``) decides
when and how often. It hands shares of a cycle to :func:`work_through` on
the worker's threads (each share one after the other on its thread, so the
GUI thread is not between one request and the next): for each AX order the
journal lists as not final (``OrderJournal.non_final_ax_orders``)
:func:`ask_one` (one Get Confirm), and for each unsettled cancel
(``OrderJournal.unsettled_cancels``) :func:`send_again` (the same PATCH
again; AX answers a ticket it already cancelled with the same result).
Neither writes the journal: the answers of a cycle are kept and written
together by :func:`record_answers`, in one transaction, so a cycle of N
orders commits once (or a few times in a long cycle) instead of once per
answer with an fsync each, while the worker threads queue on the database
lock.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from axdesk.api import (
    AxAuthError,
    AxNetworkError,
    AxRateLimitedError,
    AxServerError,
    OrderStatus,
    OrderStatusInfo,
)
from axdesk.store.cancel import CancelClient, CancelResent, record_resent, resend_cancel
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_base import JournalError
from axdesk.store.journal_cancels import CancelState, PendingCancel
from axdesk.store.journal_queries import AxOrderRef


class StatusClient(Protocol):
    """The part of ``axdesk.api.AxClient`` that asks Get Confirm (tests pass a stub)."""

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]: ...


class SyncClient(StatusClient, CancelClient, Protocol):
    """What live sync uses of ``axdesk.api.AxClient``: Get Confirm and Cancel Ticket."""


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


SyncItem = AxOrderRef | PendingCancel
"""What a cycle sends: a Get Confirm for an AX order, or an unsettled cancel again."""
Answer = Checked | CancelResent


@dataclass(frozen=True)
class LaneEnd:
    """How :func:`work_through` ended its share of a cycle."""

    answered: int
    rest: tuple[SyncItem, ...]
    """Not sent: after the failure, or because it was told to stop."""
    failed: SyncItem | None = None
    error: BaseException | None = None
    """What ``failed`` met: for the scheduler to back off, stop or report."""


@dataclass(frozen=True)
class PollResult:
    """The outcome of one Get Confirm, already written to the journal."""

    ref: AxOrderRef
    changes: tuple[SyncChange, ...]


def ask_one(client: StatusClient, ref: AxOrderRef) -> Checked:
    """Ask AX about one AX order (Get Confirm); writes nothing. Runs on the worker."""
    infos = client.get_order_status(ref.ax_order_code)
    return Checked(ref, tuple(infos), dt.datetime.now(dt.UTC))


def send_again(
    client: CancelClient, journal: OrderJournal, pending: PendingCancel
) -> CancelResent | None:
    """Send an unsettled cancel again, claimed while it is out and until its answer is
    written (``record_answers``); None when this process or another desk is sending it
    already, or it was settled since it was listed.

    An error that asks to wait (429, 5xx, no connection) or refuses the key is
    raised, for the scheduler's back-off; the claim is released then.
    """
    if not journal.claim_unsettled_cancel(pending.ax_ticket_code):
        return None
    resent = resend_cancel(client, pending)
    error = resent.error
    if isinstance(error, (AxRateLimitedError, AxServerError, AxNetworkError, AxAuthError)):
        journal.release_cancel(pending.ax_ticket_code)
        raise error
    return resent


def work_through(
    client: SyncClient,
    journal: OrderJournal,
    items: Sequence[SyncItem],
    keep: Callable[[Answer], None],
    go_on: Callable[[], bool],
) -> LaneEnd:
    """Send ``items`` one after the other, handing each answer to ``keep``. On the worker.

    Stops at the first error (it is returned with the item that met it) and
    before any item when ``go_on()`` turns false (live sync stopped or
    paused, another server in use); what was not sent is returned.
    """
    answered = 0
    for index, item in enumerate(items):
        if not go_on():
            return LaneEnd(answered, tuple(items[index:]))
        try:
            answer = (
                send_again(client, journal, item)
                if isinstance(item, PendingCancel)
                else ask_one(client, item)
            )
        except Exception as error:  # every error goes back to the scheduler
            return LaneEnd(answered, tuple(items[index + 1 :]), item, error)
        answered += 1
        if answer is not None:
            keep(answer)
    return LaneEnd(answered, ())


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
                    CancelChange(one.pending.channel_order_code, one.pending.ax_ticket_code, state)
                )
    return Recorded(tuple(changes), tuple(checked_orders), tuple(cancels))


def poll_one(client: StatusClient, journal: OrderJournal, ref: AxOrderRef) -> PollResult:
    """Ask AX about one AX order and record the answer at once (a check of one order)."""
    recorded = record_answers(journal, [ask_one(client, ref)])
    return PollResult(ref, recorded.changes)


def listing_for_this_desk(
    journal: OrderJournal, endpoint: str
) -> tuple[list[AxOrderRef], list[PendingCancel]]:
    """What this desk's live-sync cycle asks AX about: the open AX orders and the unsettled
    cancels of ``endpoint`` when this desk leads live sync, nothing when another desk of the
    team journal does (``OrderJournal.lead``; on this computer's journal it always leads).

    A desk that quits or dies lets go of the lead, and the next desk to start a cycle
    (within one poll interval) takes it over.
    """
    if not journal.lead():
        return [], []
    return journal.non_final_ax_orders(endpoint), journal.unsettled_cancels(endpoint)
