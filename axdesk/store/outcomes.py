"""Where an order stands after a send or a check, recorded in the journal and said. Qt-free.

:class:`SubmitOutcome` is what :class:`~axdesk.store.reconcile.Reconciler`
returns for every submit and check; :class:`OutcomeRecorder` writes each kind
of outcome to the journal (``mark_sent``, ``mark_rejected``, ``mark_unknown``
with its :class:`~axdesk.store.journal_queries.ProblemKind`,
``mark_known_without_tickets``) with its English sentence. Which one applies
is the reconciler's decision (see its module docstring).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from axdesk.api import AxError, AxRejectedError, CreatedOrder, OrderStatusInfo
from axdesk.store.endpoints import EndpointError, UnrecordedEndpointError
from axdesk.store.journal import OrderJournal
from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.store.problems import Problem
from axdesk.store.problems import template as _t

RECHECK_SECONDS = 15.0
"""Within the window, how soon an order AX may still make is worth asking about again."""
NO_ANSWER_RECHECK_SECONDS = 60.0
"""How soon an order whose check got no usable answer is worth asking about again."""


# Worded in the operator's language by the UI (a typed sentence, axdesk.store.problems).
HELD_ELSEWHERE = _t("The order %1 is being sent or settled at another desk right now.")


@dataclass(frozen=True)
class SubmitOutcome:
    """Where an order stands after a submit or reconcile, with a sentence for the user."""

    channel_order_code: str
    state: JournalState
    message: str
    errors: tuple[str, ...] = ()
    """AX's per-field messages when it refused the order."""
    problems: tuple[str, ...] = ()
    """What did not line up in AX's answer (kept in the journal as the order's problem)."""
    error: AxError | None = None
    """The error behind an "unknown" or "rejected" outcome, if any."""
    kind: ProblemKind | None = None
    """What kind of "unknown" (or of note on a "sent" order) this is, for the UI's words."""
    check_again_at: dt.datetime | None = None
    """When the order is worth asking about again (None: only on the next start or Retry)."""
    settle_by: dt.datetime | None = None
    """The end of the settle window of a ``may_still_land`` order: when it can be called
    refused (or be sent again)."""

    @property
    def is_sent(self) -> bool:
        return self.state is JournalState.SENT

    @property
    def is_unknown(self) -> bool:
        return self.state.needs_reconciliation

    @property
    def is_rejected(self) -> bool:
        return self.state is JournalState.REJECTED

    @property
    def is_elsewhere(self) -> bool:
        """Not checked: the order belongs to another AX server, or to one not recorded."""
        return isinstance(self.error, EndpointError)

    @property
    def needs_assignment(self) -> bool:
        """Not checked: only the operator can say which AX server the order went to."""
        return isinstance(self.error, UnrecordedEndpointError)

    @property
    def may_still_land(self) -> bool:
        """Not known yet: an earlier send may still reach AX and make the order."""
        return self.is_unknown and self.kind is ProblemKind.MAY_STILL_LAND

    @property
    def cannot_ask(self) -> bool:
        """Not known, and AX cannot be asked: the operator has to check at AX."""
        return self.is_unknown and self.kind is ProblemKind.CANNOT_ASK


class OutcomeRecorder:
    """Writes to the journal where an order stands after a send or a check, and says it.

    Each method records one kind of outcome (:class:`ProblemKind`) and
    returns it as a :class:`SubmitOutcome` with its English sentence; the
    :class:`~axdesk.store.reconcile.Reconciler` decides which one applies.
    ``window`` is the settle window, ``clock`` the reconciler's clock.
    """

    def __init__(
        self, journal: OrderJournal, clock: Callable[[], dt.datetime], window: dt.timedelta
    ) -> None:
        self._journal = journal
        self._clock = clock
        self.window = window

    def refused(self, code: str, error: AxError) -> SubmitOutcome:
        """AX refused the order, and no earlier send of it can still land."""
        errors = tuple(error.errors) if isinstance(error, AxRejectedError) else ()
        self._journal.mark_rejected(code, str(error), errors)
        return SubmitOutcome(
            code, JournalState.REJECTED, str(error), errors, error=error, kind=ProblemKind.REFUSED
        )

    def sent(self, code: str, created: CreatedOrder, message: str) -> SubmitOutcome:
        """AX made the order and gave its codes (``message`` says how it was learned)."""
        problems = self._journal.mark_sent(code, created)
        if problems:
            message += " Some of AX's answer did not match the order: " + " ".join(problems)
        return SubmitOutcome(code, JournalState.SENT, message, problems=problems)

    def no_answer(self, code: str, error: AxError, reason: str) -> SubmitOutcome:
        """No usable answer (``reason`` goes to the journal): asked again later."""
        self._journal.mark_unknown(code, reason, ProblemKind.NO_ANSWER)
        return SubmitOutcome(
            code,
            JournalState.UNKNOWN,
            unknown_message(error),
            error=error,
            kind=ProblemKind.NO_ANSWER,
            check_again_at=self._clock() + dt.timedelta(seconds=NO_ANSWER_RECHECK_SECONDS),
        )

    def check_failed(self, code: str, error: AxError) -> SubmitOutcome:
        """Asking AX about the order got no usable answer."""
        return self.no_answer(code, error, f"Checking the order with AX failed: {error}")

    def may_still_land_after_refusal(
        self, code: str, error: AxRejectedError, uncertain: dt.datetime
    ) -> SubmitOutcome:
        """AX refused the order sent again, but the send started at ``uncertain`` may land."""
        settle_by = uncertain + self.window
        message = (
            f"AX refused the order {code} when it was sent again ({error}), but the send of "
            f"{clock_text(uncertain)} may still reach AX and make it: the order is not known "
            f"yet. axdesk asks AX about it by its code until {clock_text(settle_by)}; only "
            "then can it be called refused. Do not take it again under a new code meanwhile."
        )
        return self._may_still_land(code, message, settle_by, error)

    def may_still_land_not_listed(self, code: str, uncertain: dt.datetime) -> SubmitOutcome:
        """AX does not list the order yet, but the send started at ``uncertain`` may land."""
        settle_by = uncertain + self.window
        message = (
            f"AX does not list the order {code} yet, but the send of {clock_text(uncertain)} "
            f"may still reach AX and make it: the order is not known yet. axdesk asks AX about "
            f"it by its code until {clock_text(settle_by)}; it is not sent again before. Do "
            "not take it again under a new code meanwhile."
        )
        return self._may_still_land(code, message, settle_by, None)

    def _may_still_land(
        self, code: str, message: str, settle_by: dt.datetime, error: AxError | None
    ) -> SubmitOutcome:
        self._journal.mark_unknown(code, message, ProblemKind.MAY_STILL_LAND)
        now = self._clock()
        again = min(now + dt.timedelta(seconds=RECHECK_SECONDS), settle_by)
        return SubmitOutcome(
            code,
            JournalState.UNKNOWN,
            message,
            error=error,
            kind=ProblemKind.MAY_STILL_LAND,
            check_again_at=max(again, now),
            settle_by=settle_by,
        )

    def cannot_ask(self, code: str) -> SubmitOutcome:
        """AX cannot be asked about the order and it may not deduplicate: the operator checks."""
        message = (
            f"AX cannot be asked whether it made the order {code}: Get Confirm does not find it "
            "by its channel order code, this AX is not known to find orders by that code, and "
            "the order's AX order code is not known. It is not sent again, because this AX is "
            "not known to answer a repeated order code with the same order. Ask AX whether it "
            f"has an order with the channel order code {code}. If it has, press Retry and give "
            "its AX order code; if it has not, press Retry and confirm that, and it is sent "
            "again under the same code."
        )
        self._journal.mark_unknown(code, message, ProblemKind.CANNOT_ASK)
        return SubmitOutcome(code, JournalState.UNKNOWN, message, kind=ProblemKind.CANNOT_ASK)

    def known_without_tickets(
        self,
        code: str,
        known: Sequence[OrderStatusInfo],
        note: str,
        error: AxError | None = None,
    ) -> SubmitOutcome:
        """AX has the order (``known``: Get Confirm's answer); its ticket codes are not known."""
        self._journal.mark_known_without_tickets(code, known, note)
        return SubmitOutcome(
            code,
            JournalState.SENT,
            note,
            problems=(note,),
            error=error,
            kind=ProblemKind.TICKETS_UNKNOWN,
        )

    def as_it_stands(self, code: str) -> SubmitOutcome:
        """A settled order (or one left untouched), as the journal holds it."""
        order = self._journal.get_order(code)
        if order is None:
            raise AxError(f"The order {code} is not in the journal.")
        if order.state is JournalState.REJECTED:
            message = order.problem or f"AX refused the order {code}."
            return SubmitOutcome(
                code, order.state, message, order.rejected_errors, kind=order.problem_kind
            )
        problems = (order.problem,) if order.problem else ()
        return SubmitOutcome(
            code,
            order.state,
            f"AX has the order {code}.",
            problems=problems,
            kind=order.problem_kind,
        )

    def held_elsewhere(self, code: str) -> SubmitOutcome:
        """Another desk (or thread) is sending or settling the order now: left to it."""
        state = self._journal.state_of(code) or JournalState.SENDING
        return SubmitOutcome(code, state, Problem(HELD_ELSEWHERE, code))

    def elsewhere(self, code: str, state: JournalState, error: EndpointError) -> SubmitOutcome:
        """Not this server's order: report it as it stands, having changed nothing."""
        return SubmitOutcome(code, state, str(error), error=error)

    def unreachable(self, code: str, error: AxError) -> SubmitOutcome:
        """No client to ask with: a pending order stays as it is."""
        state = self._journal.state_of(code)
        if state is not None and not state.needs_reconciliation:
            return self.as_it_stands(code)
        return SubmitOutcome(
            code,
            JournalState.UNKNOWN,
            unknown_message(error),
            error=error,
            kind=ProblemKind.NO_ANSWER,
        )


TICKETS_UNKNOWN_NOTE = (
    "AX has this order: its AX order codes and statuses are recorded, but its ticket codes are "
    "not known here (Get Confirm does not give them, and the order is not sent again to learn "
    "them unless the connection profile says this AX answers a repeated order code with the "
    "same order). Until they are known, no traveler's ticket of it can be cancelled from "
    "axdesk; ask AX for them."
)


def repeat_not_answered_note(error: AxError) -> str:
    """The problem of an order AX has, sent again to learn its ticket codes without an answer."""
    return (
        "AX has this order, but did not repeat its answer when it was sent again under the "
        f"same code ({error}): its ticket codes are not known here. Until they are known, no "
        "traveler's ticket of it can be cancelled from axdesk; ask AX for them."
    )


def clock_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%H:%M:%S UTC")


def unknown_message(error: AxError) -> str:
    return (
        f"AX's answer is not known yet ({error}). The order is kept and will be checked "
        "again under the same code; it will not be placed twice."
    )
