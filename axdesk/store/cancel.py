"""Cancelling tickets at AX and recording AX's answer. Qt-free; the UI runs it on a worker.

A ticket is cancelled only on the AX server its order was sent to: the
journal's ``check_endpoint`` is asked first, and for an order of another
server (or one whose server the journal did not record) nothing is sent.
AX's answer (the ticket's and its AX order's new statuses) is recorded in
the journal as soon as it arrives.

Sending a cancel again after a lost answer is safe: AX answers a ticket that
is already cancelled with 200 and the same body, and recording the same
statuses again changes nothing (no new history row). :func:`cancel_each`
relies on it and sends a lost cancel once more on its own; the Orders tab
offers "Try again" for :func:`cancel_one`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from axdesk.api import AxError, CancelledTicket
from axdesk.store.journal import OrderJournal


class CancelClient(Protocol):
    """The part of ``axdesk.api.AxClient`` a cancel uses (tests pass a stub)."""

    @property
    def base_url(self) -> str: ...

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket: ...


@dataclass(frozen=True)
class CancelTarget:
    """One ticket the operator is about to cancel, with what the confirmation shows."""

    channel_order_code: str
    ax_order_code: str
    ticket_code: str
    traveler_name: str
    product_name: str
    option_name: str
    use_at: dt.datetime | None
    """The slot's date and time of use, already in the supplier's time zone."""


@dataclass(frozen=True)
class CancelOutcome:
    """What happened to one ticket of a "Cancel all tickets"."""

    target: CancelTarget
    succeeded: bool
    detail: str
    """The ticket's new status when it succeeded, the reason when it failed."""


def cancel_one(
    client: CancelClient, journal: OrderJournal, target: CancelTarget, comment: str | None
) -> CancelledTicket:
    """Cancel one ticket at AX and record AX's answer in the journal.

    Only on the AX server the order was sent to: for an order of another
    server (or of one the journal did not record) the journal's
    ``EndpointError``, an ``AxError`` with a sentence, is raised and nothing is
    sent. Sending it again after a lost answer is safe: AX answers a ticket
    that is already cancelled with 200 and the same body, and the journal
    records the same statuses (no change, no new history row).
    """
    journal.check_endpoint(target.channel_order_code, client.base_url)
    result = client.cancel_ticket(target.ax_order_code, target.ticket_code, comment)
    journal.apply_cancellation(result)
    return result


def cancel_each(
    client: CancelClient,
    journal: OrderJournal,
    targets: Sequence[CancelTarget],
    comment: str | None,
) -> list[CancelOutcome]:
    """Cancel every ticket in turn and say, per ticket, what happened.

    A ticket whose answer was lost (``outcome_unknown``) is sent once more at
    once, which is safe (see :func:`cancel_one`). One ticket's failure does not
    stop the others.
    """
    outcomes: list[CancelOutcome] = []
    for target in targets:
        attempts = 0
        while True:
            attempts += 1
            try:
                result = cancel_one(client, journal, target, comment)
            except AxError as error:
                if error.outcome_unknown and attempts < 2:
                    continue
                outcomes.append(CancelOutcome(target, False, str(error)))
            else:
                outcomes.append(CancelOutcome(target, True, result.ax_ticket_status.value))
            break
    return outcomes
