"""Sending a new order, from the seat check to AX's answer, in one call. Qt-free.

The UI runs :meth:`OrderSubmission.send` on its worker, once per press of
Send. It walks the whole way and never raises; what happened comes back as
one typed outcome in a :class:`SendResult`::

    read the seats of every line again ─ cannot ─► SeatsNotRead    nothing sent
    check the lines against those seats ─ short ─► SeatsChanged    nothing sent
    build the request under the given code ─ no ─► NotSent         nothing sent
    save the draft naming the code (after a crash the form reopens locked on it),
        as the revision the form numbered it: no older draft can land over it
    Reconciler.submit: journal "sending", POST, settle ─► Sent / Rejected / Unknown
    anything raised on the way ─► the journal decides: pending? Unknown : NotSent

The journal-before-POST rule and the settling with backoff are the
:class:`~axdesk.store.reconcile.Reconciler`'s; this module only puts the
steps around it in order, so that no step is left to a widget.

The channel order code is chosen by the caller (:func:`new_channel_order_code`)
before the call starts. The UI thus knows, while the call runs, under which
code the order may land in the journal: a window closed meanwhile writes a
draft that names it too, and the form can never offer the same order again
under a new code.

What the submission needs from the form comes through :class:`TypedOrder`, a
small protocol: the store never imports the UI, and the UI's Qt-free form
code (seat keys, the seat rules, the request builder, the option labels, the
draft) stays with the form. The seat problems the form finds come back
untouched, as the form's own objects (``SeatsChanged[P]``).

:meth:`OrderSubmission.check_again` (the Retry button) and
:meth:`OrderSubmission.settle_pending` (when a connection becomes usable)
answer with the same :data:`Settled` outcomes, each with the order as the
journal then holds it.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from axdesk.api import AxError, Inventory, OrderRequest
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_queries import JournalState, OrderDetail
from axdesk.store.reconcile import Reconciler, SubmitOutcome

log = logging.getLogger(__name__)

InventoryKey = tuple[str, dt.date]
"""(product code, date): one inventory read covers every option of a product on a day."""

ProblemT = TypeVar("ProblemT")
ProblemT_co = TypeVar("ProblemT_co", covariant=True)


def new_channel_order_code() -> str:
    """A fresh channel order code for an order about to be sent (a uuid4, as the builders')."""
    return str(uuid.uuid4())


class SeatReader(Protocol):
    """The part of ``axdesk.api.AxClient`` the seat check uses (tests pass a stub)."""

    def get_inventory(
        self,
        product_code: str,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
    ) -> Inventory: ...


class TypedOrder(Protocol[ProblemT_co]):
    """An order as the operator typed it, as far as sending it needs.

    The New order form gives one (``axdesk.ui.order_entry.form_order.FormOrder``);
    it is only read, and from the worker thread.
    """

    def seat_keys(self) -> Sequence[InventoryKey]:
        """The (product, day) pairs whose seats the lines take."""
        ...

    def seat_problems(self, inventories: Mapping[InventoryKey, Inventory]) -> Sequence[ProblemT_co]:
        """What no longer fits in the seats just read (nothing: the order may go)."""
        ...

    def request(self, channel_order_code: str) -> OrderRequest:
        """The Create Order body under this code; raises ``AxError`` with a sentence if it
        cannot be made."""
        ...

    def labels(self) -> Mapping[str, OptionLabel]:
        """Product and option names by option code, journaled with the order."""
        ...

    def draft(self, channel_order_code: str) -> str:
        """The form's draft naming the order sent under this code."""
        ...


# -- outcomes ---------------------------------------------------------------------


@dataclass(frozen=True)
class SeatsNotRead:
    """The seats could not be read again (or checked); nothing was sent."""

    error: BaseException


@dataclass(frozen=True)
class SeatsChanged(Generic[ProblemT]):
    """The seats no longer suffice; nothing was sent. ``problems`` are the form's own."""

    problems: tuple[ProblemT, ...]


@dataclass(frozen=True)
class NotSent:
    """Nothing is on its way to AX: the request could not be made, or sending broke off
    before the journal kept the order (or after AX refused it).

    ``draft_named_it`` is True when the draft saved for this send may name the
    order's code: the form saves its draft again, without it.
    """

    error: BaseException
    draft_named_it: bool = False


@dataclass(frozen=True)
class Sent:
    """AX made the order. ``detail`` is the order as journaled (None if it could not be read)."""

    outcome: SubmitOutcome
    detail: OrderDetail | None

    @property
    def code(self) -> str:
        return self.outcome.channel_order_code


@dataclass(frozen=True)
class Rejected:
    """AX refused the order; nothing was made. ``outcome.errors`` has AX's per-field words."""

    outcome: SubmitOutcome
    detail: OrderDetail | None

    @property
    def code(self) -> str:
        return self.outcome.channel_order_code


@dataclass(frozen=True)
class Unknown:
    """Whether AX has the order is not known: it stays in the journal and is checked again.

    ``outcome.message`` says why, unless sending broke off with an ``error``
    (no client, a fault inside axdesk) after the order was journaled: then
    ``error`` says why and the message is empty.
    """

    outcome: SubmitOutcome
    detail: OrderDetail | None = None
    error: BaseException | None = None

    @property
    def code(self) -> str:
        return self.outcome.channel_order_code


Settled = Sent | Rejected | Unknown
"""Where an order stands with AX after a send or a check."""


def settled(outcome: SubmitOutcome, detail: OrderDetail | None) -> Settled:
    """The reconciler's outcome as the typed one."""
    if outcome.is_sent:
        return Sent(outcome, detail)
    if outcome.is_rejected:
        return Rejected(outcome, detail)
    return Unknown(outcome, detail)


@dataclass(frozen=True)
class SendResult(Generic[ProblemT]):
    """What one :meth:`OrderSubmission.send` did.

    ``inventories`` are the seats read before sending (empty when they could
    not be read): the UI shows them in its lines whatever happened next.
    """

    code: str
    outcome: SeatsNotRead | SeatsChanged[ProblemT] | NotSent | Sent | Rejected | Unknown
    inventories: Mapping[InventoryKey, Inventory]


# -- the submission ------------------------------------------------------------------


class OrderSubmission:
    """Sends new orders through the reconciler, and checks them again.

    ``client`` returns the AX client in use (called once per send, on the
    calling thread); ``draft_key`` is the journal's key of the form's draft.
    """

    def __init__(
        self,
        client: Callable[[], SeatReader],
        journal: OrderJournal,
        reconciler: Reconciler,
        *,
        draft_key: str,
    ) -> None:
        self._client = client
        self._journal = journal
        self._reconciler = reconciler
        self._draft_key = draft_key

    def send(
        self,
        order: TypedOrder[ProblemT],
        code: str,
        *,
        on_sending: Callable[[], None] | None = None,
        draft_revision: int | None = None,
    ) -> SendResult[ProblemT]:
        """Check the seats, then send ``order`` under ``code`` (see the module docstring).

        ``on_sending`` is called once the seats checked out and the request
        is made, just before the draft and the journal are written (the UI
        says "Sending…"). ``draft_revision`` is the number the form gave the
        draft naming the code, taken when the send started: a draft the form
        wrote before (a lower number) that reaches the journal later is
        refused (see ``axdesk.store.drafts``). Never raises.
        """
        try:
            inventories = self._read_seats(order.seat_keys())
            problems = tuple(order.seat_problems(inventories))
        except Exception as error:
            return SendResult(code, SeatsNotRead(error), {})
        if problems:
            return SendResult(code, SeatsChanged(problems), inventories)
        try:
            request = order.request(code)
            labels = order.labels()
        except Exception as error:
            return SendResult(code, NotSent(error), inventories)
        if request.order.channel_order_code != code:
            wrong = AxError(f"The order was not made under the code {code}, so it was not sent.")
            return SendResult(code, NotSent(wrong), inventories)
        try:
            if on_sending is not None:
                on_sending()
            # The draft names the order first: after a crash, the form reopens locked on
            # it instead of offering to send the same order again under a new code.
            self._journal.save_draft(self._draft_key, order.draft(code), revision=draft_revision)
            outcome = self._reconciler.submit(request, labels)
            return SendResult(code, settled(outcome, self._journal.get_order(code)), inventories)
        except Exception as error:
            return SendResult(code, self._broke_off(code, error), inventories)

    def check_again(
        self,
        code: str,
        *,
        assign_endpoint: bool = False,
        absent_confirmed: bool = False,
        ax_order_code: str | None = None,
    ) -> Settled | NotSent:
        """One more check of a pending order with AX (Retry); never raises.

        ``assign_endpoint`` is the operator confirming that an order whose AX
        server was never recorded went to the one in use; ``absent_confirmed``
        the operator saying AX told them it has no such order;
        ``ax_order_code`` an AX order code the operator got from AX for it
        (see :meth:`Reconciler.reconcile`).
        """
        try:
            outcome = self._reconciler.reconcile(
                code,
                assign_endpoint=assign_endpoint,
                absent_confirmed=absent_confirmed,
                ax_order_code=ax_order_code,
            )
            return settled(outcome, self._journal.get_order(code))
        except Exception as error:
            return self._broke_off(code, error)

    def settle_pending(self) -> list[Settled]:
        """One attempt for every order left "sending" or "unknown", oldest first.

        Raises what the journal raises when it cannot be read.
        """
        return [
            settled(outcome, self._journal.get_order(outcome.channel_order_code))
            for outcome in self._reconciler.reconcile_pending()
        ]

    # -- steps --------------------------------------------------------------------

    def _read_seats(self, keys: Sequence[InventoryKey]) -> dict[InventoryKey, Inventory]:
        client = self._client()
        return {key: client.get_inventory(key[0], key[1], key[1]) for key in keys}

    def _broke_off(self, code: str, error: BaseException) -> NotSent | Unknown:
        """Sending or checking raised: the journal says whether the order is still pending."""
        try:
            state = self._journal.state_of(code)
        except Exception:
            log.exception("Reading the journal after a failed send")
            state = JournalState.UNKNOWN
        if state is None or state is JournalState.REJECTED:
            return NotSent(error, draft_named_it=True)
        return Unknown(SubmitOutcome(code, state, ""), error=error)
