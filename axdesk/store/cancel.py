"""Cancelling tickets at AX, journaled before the PATCH and settled after. Qt-free.

A cancel goes through the journal's cancel room (``axdesk.store.journal_cancels``):

1. the journal's ``check_endpoint`` is asked first: a ticket is cancelled
   only on the AX server its order was sent to (for an order of another
   server, or one whose server the journal did not record, nothing is
   sent);
2. the intent (ticket, comment, time, "cancelling") is committed in its own
   transaction, *before* the PATCH, so a cancel AX may have applied is
   never forgotten, whatever happens next (kill -9 included);
3. AX's answer settles it: "done" (with the ticket's and its AX order's new
   statuses), or "refused" with AX's sentence (e.g. 409, a used ticket);
   a lost answer (timeout, dropped connection, 5xx) leaves it "unknown",
   never "failed"; a PATCH that certainly never reached AX (no connection,
   key refused) is withdrawn.

Sending a cancel again is safe: AX answers a ticket it already cancelled
with 200 and the same body (docs/ax-channel-api.md, "Cancel Ticket: what
is assumed"). So a lost answer is settled on the spot by one more PATCH
(:func:`cancel_one`); what stays unknown is settled by
:func:`settle_cancels` (at start-up and when a connection becomes usable)
and by live sync (``axdesk.store.sync``), always with the first request's
comment, and the Orders tab offers "Try again".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from axdesk.api import (
    AxAuthError,
    AxError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    CancelledTicket,
)
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_cancels import CancelIntent, CancelState, PendingCancel

DEFAULT_TRIES = 2
"""PATCHes per cancel in :func:`cancel_one`: the first, and one more at once when its answer is
lost (settling on the spot)."""


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
    unknown: bool = False
    """AX's answer was lost: the cancel is unsettled (not failed) and is settled later."""


class Answer(Enum):
    """How a failed PATCH leaves the cancel (see :func:`sort_error`)."""

    REFUSED = "refused"
    """AX answered no (4xx): settled, AX's sentence kept."""
    UNKNOWN = "unknown"
    """AX may have applied it: unsettled."""
    NOT_SENT = "not sent"
    """It certainly did not reach AX, or AX did not take it (no connection, key refused, 429)."""


def sort_error(error: AxError) -> Answer:
    """What an error of a Cancel Ticket PATCH says about the cancel."""
    if isinstance(error, (AxRejectedError, AxNotFoundError)):
        return Answer.REFUSED
    if isinstance(error, (AxAuthError, AxRateLimitedError)) or not error.outcome_unknown:
        return Answer.NOT_SENT
    return Answer.UNKNOWN


def cancel_one(
    client: CancelClient,
    journal: OrderJournal,
    target: CancelTarget,
    comment: str | None,
    *,
    tries: int = DEFAULT_TRIES,
) -> CancelledTicket:
    """Cancel one ticket at AX: journal it, send it, record AX's answer.

    Only on the AX server the order was sent to: for an order of another
    server (or of one the journal did not record) the journal's
    ``EndpointError``, an ``AxError`` with a sentence, is raised and nothing is
    journaled or sent. When the answer is lost the same cancel is sent again
    at once, up to ``tries`` PATCHes in all; if every answer is lost the
    cancel stays "unknown" and the last ``AxError`` (``outcome_unknown``) is
    raised. A refusal is raised as AX's ``AxError`` and journaled as such.
    Calling it again for an unsettled cancel is the "Try again": safe, and
    with the first request's comment.
    """
    journal.check_endpoint(target.channel_order_code, client.base_url)
    intent = journal.begin_cancel(target.ax_order_code, target.ticket_code, comment)
    try:
        return _send(client, journal, intent, max(1, tries))
    finally:
        if intent.claimed:
            journal.release_cancel(target.ticket_code)


def _send(
    client: CancelClient, journal: OrderJournal, intent: CancelIntent, tries: int
) -> CancelledTicket:
    landed_maybe = intent.may_have_landed_before
    last: AxError | None = None
    for attempt in range(tries):
        try:
            result = client.cancel_ticket(
                intent.ax_order_code, intent.ax_ticket_code, intent.comment
            )
        except AxError as error:
            answer = sort_error(error)
            if answer is Answer.REFUSED:
                journal.mark_cancel_refused(intent.ax_ticket_code, str(error), attempts=attempt)
                raise
            if answer is Answer.NOT_SENT:
                if landed_maybe:
                    journal.mark_cancel_unknown(intent.ax_ticket_code, str(error), attempts=attempt)
                else:
                    journal.withdraw_cancel(intent, str(error))
                raise
            landed_maybe = True
            last = error
            continue
        journal.mark_cancel_done(intent.ax_ticket_code, result, attempts=attempt)
        return result
    assert last is not None
    journal.mark_cancel_unknown(intent.ax_ticket_code, str(last), attempts=tries - 1)
    raise last


def cancel_each(
    client: CancelClient,
    journal: OrderJournal,
    targets: Sequence[CancelTarget],
    comment: str | None,
) -> list[CancelOutcome]:
    """Cancel every ticket in turn (each with :func:`cancel_one`) and say, per ticket, what
    happened.

    A ticket whose answers were all lost is reported with ``unknown`` set:
    its cancel is unsettled, not failed. One ticket's failure does not stop
    the others.
    """
    outcomes: list[CancelOutcome] = []
    for target in targets:
        try:
            result = cancel_one(client, journal, target, comment)
        except AxError as error:
            unknown = sort_error(error) is Answer.UNKNOWN
            outcomes.append(CancelOutcome(target, False, str(error), unknown=unknown))
        else:
            outcomes.append(CancelOutcome(target, True, result.ax_ticket_status.value))
    return outcomes


# ---------------------------------------------------------------------------
# Settling what stayed unknown


@dataclass(frozen=True)
class CancelResent:
    """One unsettled cancel sent again, and AX's answer (not yet in the journal)."""

    pending: PendingCancel
    result: CancelledTicket | None
    error: AxError | None

    @property
    def answer(self) -> Answer | None:
        """How the error leaves the cancel; None when AX answered it."""
        return None if self.error is None else sort_error(self.error)


def resend_cancel(client: CancelClient, pending: PendingCancel) -> CancelResent:
    """Send an unsettled cancel again, as first asked; writes nothing. Runs on the worker.

    The intent is in the journal already (that is why it is pending), so the
    PATCH is journaled before it goes; :func:`record_resent` records the
    answer, alone or in a batch (live sync).
    """
    try:
        result = client.cancel_ticket(
            pending.ax_order_code, pending.ax_ticket_code, pending.comment
        )
    except AxError as error:
        return CancelResent(pending, None, error)
    return CancelResent(pending, result, None)


def record_resent(journal: OrderJournal, resent: CancelResent) -> CancelState | None:
    """Record the answer to a re-sent cancel; returns the cancel's state if it changed it.

    Done or refused settle it; a lost answer leaves it unknown; an error
    that says the PATCH never reached AX only notes the sentence.
    """
    code = resent.pending.ax_ticket_code
    if resent.result is not None:
        journal.mark_cancel_done(code, resent.result, attempts=1)
        cancel = journal.cancel_of(code)
        return None if cancel is None else cancel.state
    assert resent.error is not None
    answer = sort_error(resent.error)
    if answer is Answer.REFUSED:
        journal.mark_cancel_refused(code, str(resent.error), attempts=1)
        return CancelState.REFUSED
    if answer is Answer.UNKNOWN:
        journal.mark_cancel_unknown(code, str(resent.error), attempts=1)
        return CancelState.UNKNOWN
    journal.note_cancel_problem(code, str(resent.error))
    return None


@dataclass(frozen=True)
class SettledCancel:
    """What one unsettled cancel became when :func:`settle_cancels` sent it again."""

    pending: PendingCancel
    state: CancelState
    detail: str
    """The ticket's new status when done, AX's or the error's sentence otherwise."""


def settle_cancels(client: CancelClient, journal: OrderJournal) -> list[SettledCancel]:
    """Send every unsettled cancel of the AX server in use again, oldest first.

    Run at start-up and whenever a connection becomes usable (the cancels of
    other servers wait for theirs). Each is claimed while it is out, so live
    sync (or another desk) does not send it too, and skipped when it was settled
    since it was listed. Stops early when AX cannot be reached or
    refuses the key (the rest stay as they are, for the next time).
    """
    settled: list[SettledCancel] = []
    for pending in journal.unsettled_cancels(client.base_url):
        if not journal.claim_unsettled_cancel(pending.ax_ticket_code):
            continue
        try:
            resent = resend_cancel(client, pending)
            state = record_resent(journal, resent)
        finally:
            journal.release_cancel(pending.ax_ticket_code)
        if resent.result is not None:
            settled.append(
                SettledCancel(
                    pending, state or CancelState.DONE, resent.result.ax_ticket_status.value
                )
            )
            continue
        assert resent.error is not None
        settled.append(SettledCancel(pending, state or pending.state, str(resent.error)))
        if resent.answer is Answer.NOT_SENT or isinstance(resent.error, AxAuthError):
            break
    return settled
