"""What an order AX has not settled yet is, in the operator's language.

The store says in English what became of an order (``SubmitOutcome.message``,
the journal's ``problem``) and, beside it, what kind of thing that is
(:class:`~axdesk.store.journal_queries.ProblemKind`). Here each kind gets
its sentence, translated, with the order's code and times filled in:

* ``may_still_land``: not known yet, AX may still make it; asked again by its
  code until the settle window ends, never called refused or sent again
  before, and not to be taken again under a new code;
* ``cannot_ask``: AX cannot be asked; what to check at AX, by which code,
  and what to do then;
* ``tickets_unknown``: AX has the order but its ticket codes are not known,
  so no traveler's ticket of it can be cancelled from axdesk yet, and why.

The Orders tab can show :func:`order_problem_text` for an order's problem
in place of the store's English ``problem``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from axdesk.api import AxError
from axdesk.store.journal_queries import OrderDetail, ProblemKind
from axdesk.store.reconcile import DEFAULT_SETTLE_WINDOW, SubmitOutcome
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import word
from axdesk.ui.common.worker import describe_error


def clock_text(moment: dt.datetime) -> str:
    """A time on this computer's clock, to the second (when the window ends, for instance)."""
    return moment.astimezone().strftime("%H:%M:%S")


def may_still_land_text(code: str, settle_by: dt.datetime, refusal: AxError | None) -> str:
    """AX does not have the order yet, or refused it sent again, but an earlier send may land."""
    if refusal is not None:
        return fill_args(
            QCoreApplication.translate(
                "UnsettledText",
                "AX refused order %1 when it was sent again (%2), but the first send may "
                "still reach AX and make it, so the order is not known yet. axdesk asks AX "
                "about it by its code until %3; only then can it be called refused. Do not "
                "take it again under a new code meanwhile.",
            ),
            code,
            describe_error(refusal) or str(refusal),
            clock_text(settle_by),
        )
    return fill_args(
        QCoreApplication.translate(
            "UnsettledText",
            "AX does not list order %1 yet, but its send may still reach AX and make it, so "
            "the order is not known yet. axdesk asks AX about it by its code until %2 and does "
            "not send it again before. Do not take it again under a new code meanwhile.",
        ),
        code,
        clock_text(settle_by),
    )


def cannot_ask_text(code: str) -> str:
    """AX cannot be asked about the order: what the operator checks at AX, and then does."""
    return fill_args(
        QCoreApplication.translate(
            "UnsettledText",
            "AX cannot be asked whether it made order %1: it does not find the order by its "
            "channel order code, and the order's AX order code is not known. axdesk does not "
            "send it again, because this AX is not known to answer a repeated order code with "
            "the same order. Ask AX whether it has an order with the channel order code %1. "
            "Then press Retry and say what AX told you: its AX order code if it has the order "
            "(it is then settled as made), or that it has none (it is then sent again under "
            "the same code).",
        ),
        code,
    )


def tickets_unknown_text() -> str:
    """AX has the order but not its ticket codes here: why no ticket of it can be cancelled."""
    return QCoreApplication.translate(
        "UnsettledText",
        "AX has this order, but its ticket codes are not known here: AX's status answer does "
        "not give them, and axdesk sends the order again to learn them only where the "
        "connection profile says this AX answers a repeated order code with the same order. "
        "Until they are known, a traveler's ticket of this order cannot be cancelled from "
        "axdesk; ask AX for the ticket codes.",
    )


def outcome_reason(outcome: SubmitOutcome) -> str:
    """Why an order is not settled (or what is missing of it), from a send or a check."""
    code = outcome.channel_order_code
    if outcome.kind is ProblemKind.MAY_STILL_LAND and outcome.settle_by is not None:
        refusal = outcome.error if outcome.is_unknown and outcome.error is not None else None
        return may_still_land_text(code, outcome.settle_by, refusal)
    if outcome.kind is ProblemKind.CANNOT_ASK:
        return cannot_ask_text(code)
    if outcome.kind is ProblemKind.TICKETS_UNKNOWN:
        return tickets_unknown_text()
    if outcome.error is not None and not outcome.is_elsewhere:
        sentence = describe_error(outcome.error)
        if sentence:
            return sentence
    return word(outcome.message)  # a typed sentence of the store, in the operator's language


def order_problem_text(detail: OrderDetail) -> str | None:
    """The order's problem in the operator's language (None when it has none).

    For an order AX may still make, the window is the reconciler's default
    (:data:`~axdesk.store.reconcile.DEFAULT_SETTLE_WINDOW`) from its uncertain send.
    """
    kind = detail.problem_kind
    if kind is ProblemKind.MAY_STILL_LAND and detail.uncertain_post_at is not None:
        settle_by = detail.uncertain_post_at + dt.timedelta(seconds=DEFAULT_SETTLE_WINDOW)
        return may_still_land_text(detail.channel_order_code, settle_by, None)
    if kind is ProblemKind.CANNOT_ASK:
        return cannot_ask_text(detail.channel_order_code)
    if kind is ProblemKind.TICKETS_UNKNOWN:
        return tickets_unknown_text()
    return detail.problem
