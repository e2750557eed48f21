"""Sending orders and settling orders whose fate is unknown. Qt-free; the UI runs it on a worker.

The rule that keeps orders from being lost or made twice: an order is
journaled (with its exact body) before the POST, and after that it is only
ever sent again with the *same* channel order code and the *same* body.
AX treats a repeated channel order code as the same order and answers with
the existing one, so a repeat is safe; a new code never is.

:meth:`Reconciler.submit`::

    record_sending ─► POST ─► 201 ─────────────────────────► mark_sent      "sent"
                           ├► 400/409/422, 401/403, 404 ────► mark_rejected  "rejected"
                           └► no answer, 5xx, 429, garbage ─► mark_unknown   "unknown"
                                                             └► reconcile, with backoff

:meth:`Reconciler.reconcile` asks Get Confirm with the channel order code:

* AX lists it: it exists. Its ticket codes come only with the create answer,
  so the stored body is sent again under the same code; AX answers the
  repeat with the existing order, which is recorded (``mark_sent``). If AX
  refuses the repeat, the order is still recorded as sent, with its AX
  orders and statuses, and a note that its ticket codes are missing.
* AX answers 404 (or an empty list): it never arrived; the stored body is
  sent again under the same code.
* No usable answer: it stays "unknown" for the next try.

Only the AX server an order was sent to is ever asked about it or sent it
again. The reconciler reads the server in use from its client
(``client.base_url``), records it with each new order, and refuses to touch
a pending order journaled for another server (``OtherEndpointError``, whose
sentence names that server) or for an unrecorded one
(``UnrecordedEndpointError``: orders journaled before axdesk kept the
server; only the operator can say where those went, see
``reconcile(code, assign_endpoint=True)``). A refusal changes nothing in
the journal and makes no request.

Caveat: our sandbox accepts a channel order code in Get Confirm; a server
that answers 404 for channel codes makes every reconcile a re-send, which
is still safe as long as it honours repeated channel order codes.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from axdesk.api import (
    AxAuthError,
    AxError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    CreatedOrder,
    OrderRequest,
    OrderStatusInfo,
    encode_json,
)
from axdesk.store.endpoints import EndpointError, UnrecordedEndpointError
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_base import utc_now
from axdesk.store.journal_queries import JournalState

DEFAULT_RETRY_DELAYS = (1.0, 3.0, 8.0)
"""Seconds waited before each on-the-spot reconcile after an unknown outcome."""
MAX_RETRY_AFTER = 30.0
"""Longest ``Retry-After`` honoured on the spot; longer waits are left to the next pass."""

_REFUSALS = (AxRejectedError, AxAuthError, AxNotFoundError)


@runtime_checkable
class ChannelClient(Protocol):
    """The part of ``axdesk.api.AxClient`` the reconciler uses (tests pass a stub)."""

    @property
    def base_url(self) -> str: ...

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder: ...

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]: ...


ClientSource = ChannelClient | Callable[[], ChannelClient]


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


class Reconciler:
    """Sends orders through the journal and settles unknown ones.

    ``client`` is an AX client, or a callable returning the one in use (called
    once per submit/reconcile; the reconciler never closes clients). ``sleep``
    waits between on-the-spot reconcile attempts (tests pass a recorder);
    ``clock`` stamps status checks. One operation runs at a time per reconciler.
    """

    def __init__(
        self,
        client: ClientSource,
        journal: OrderJournal,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], dt.datetime] = utc_now,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self._source = client
        self._journal = journal
        self._sleep = sleep
        self._clock = clock
        self._retry_delays = tuple(retry_delays)
        self._lock = threading.Lock()

    # -- public -------------------------------------------------------------------

    def submit(
        self, request: OrderRequest, labels: Mapping[str, OptionLabel] | None = None
    ) -> SubmitOutcome:
        """Journal the order, send it, and settle the outcome (see the module docstring).

        Raises ``AxError`` only when no client is available (nothing is then
        recorded). An order whose code is already journaled is not recorded
        again: a pending one is reconciled, a settled one is reported as it is.
        """
        with self._lock:
            client = self._client()
            code = request.order.channel_order_code
            state = self._journal.state_of(code)
            if state is not None:
                if state.needs_reconciliation:
                    return self._reconcile_with_backoff(client, code, None)
                return self._settled(code)
            body = self._journal.record_sending(request, labels, endpoint=client.base_url)
            outcome = self._post(client, code, request, body, known=())
            if outcome.is_unknown:
                outcome = self._reconcile_with_backoff(client, code, outcome)
            return outcome

    def reconcile(self, channel_order_code: str, *, assign_endpoint: bool = False) -> SubmitOutcome:
        """One attempt to settle an order left "sending" or "unknown"; settled ones are reported.

        A pending order sent to another AX server than the client's is not
        touched: the outcome carries an ``EndpointError`` saying where it went.
        ``assign_endpoint=True`` is the operator confirming that an order whose
        server was never recorded went to the client's server: that is
        recorded first (an order with a recorded server is never reassigned).
        """
        with self._lock:
            try:
                client = self._client()
            except AxError as error:
                return self._unreachable(channel_order_code, error)
            if assign_endpoint:
                state = self._journal.state_of(channel_order_code)
                if state is not None and state.needs_reconciliation:
                    try:
                        self._journal.assign_endpoint(channel_order_code, client.base_url)
                    except EndpointError as error:
                        return self._elsewhere(channel_order_code, state, error)
            return self._reconcile_once(client, channel_order_code)

    def reconcile_pending(self) -> list[SubmitOutcome]:
        """When a connection becomes usable: one attempt for every pending order, oldest first.

        Only orders sent to the client's server are asked about or sent again;
        the others come back untouched with an ``EndpointError`` outcome
        (``is_elsewhere``), so the UI can say where each one went.
        """
        with self._lock:
            pending = self._journal.needs_reconciliation()
            if not pending:
                return []
            try:
                client = self._client()
            except AxError as error:
                return [self._unreachable(p.channel_order_code, error) for p in pending]
            return [self._reconcile_once(client, p.channel_order_code) for p in pending]

    # -- steps --------------------------------------------------------------------

    def _client(self) -> ChannelClient:
        source = self._source
        if isinstance(source, ChannelClient):
            return source
        return source()

    def _post(
        self,
        client: ChannelClient,
        code: str,
        request: OrderRequest,
        body: str,
        *,
        known: Sequence[OrderStatusInfo],
    ) -> SubmitOutcome:
        """POST ``body``, the journaled bytes of ``request``, and record what AX answered.

        The client sends ``body`` as it is: what reaches AX is exactly what the
        journal holds, and the request is not encoded a second time.
        """
        self._journal.note_attempt(code)
        try:
            created = client.create_order(request, body=body.encode("utf-8"))
        except _REFUSALS as error:
            if known:
                return self._known_without_tickets(code, known, error)
            errors = tuple(error.errors) if isinstance(error, AxRejectedError) else ()
            self._journal.mark_rejected(code, str(error), errors)
            return SubmitOutcome(code, JournalState.REJECTED, str(error), errors, error=error)
        except AxError as error:
            self._journal.mark_unknown(code, str(error))
            return SubmitOutcome(code, JournalState.UNKNOWN, _unknown_message(error), error=error)
        problems = self._journal.mark_sent(code, created)
        if known:
            self._journal.apply_status_infos(known, self._clock())
        message = f"AX accepted the order {code}."
        if problems:
            message += " Some of AX's answer did not match the order: " + " ".join(problems)
        return SubmitOutcome(code, JournalState.SENT, message, problems=problems)

    def _reconcile_once(self, client: ChannelClient, code: str) -> SubmitOutcome:
        state = self._journal.state_of(code)
        if state is None or not state.needs_reconciliation:
            return self._settled(code)
        try:
            self._journal.check_endpoint(code, client.base_url)
        except EndpointError as error:
            return self._elsewhere(code, state, error)
        try:
            infos = client.get_order_status(code)
        except AxNotFoundError:
            infos = []
        except AxError as error:
            reason = f"Checking the order with AX failed: {error}"
            self._journal.mark_unknown(code, reason)
            return SubmitOutcome(code, JournalState.UNKNOWN, _unknown_message(error), error=error)
        known = [info for info in infos if info.channel_order_code == code]
        try:
            body = self._journal.stored_body(code)
            request = _request_from_body(body)
        except AxError as error:
            self._journal.mark_unknown(code, str(error))
            return SubmitOutcome(code, JournalState.UNKNOWN, str(error), error=error)
        return self._post(client, code, request, body, known=known)

    def _reconcile_with_backoff(
        self, client: ChannelClient, code: str, first: SubmitOutcome | None
    ) -> SubmitOutcome:
        outcome = first
        delays = self._retry_delays if first is not None else (0.0, *self._retry_delays)
        for delay in delays:
            wait = delay
            if outcome is not None and isinstance(outcome.error, AxRateLimitedError):
                wait = max(delay, min(outcome.error.retry_after or delay, MAX_RETRY_AFTER))
            if wait > 0:
                self._sleep(wait)
            outcome = self._reconcile_once(client, code)
            if not outcome.is_unknown or outcome.is_elsewhere:
                break
        assert outcome is not None
        return outcome

    def _known_without_tickets(
        self, code: str, known: Sequence[OrderStatusInfo], error: AxError
    ) -> SubmitOutcome:
        note = (
            f"AX has this order but refused to repeat its answer ({error}); its ticket codes "
            "are not known here, so its tickets cannot be cancelled from axdesk."
        )
        self._journal.mark_known_without_tickets(code, known, note)
        return SubmitOutcome(code, JournalState.SENT, note, problems=(note,), error=error)

    def _settled(self, code: str) -> SubmitOutcome:
        order = self._journal.get_order(code)
        if order is None:
            raise AxError(f"The order {code} is not in the journal.")
        if order.state is JournalState.REJECTED:
            message = order.problem or f"AX refused the order {code}."
            return SubmitOutcome(code, order.state, message, order.rejected_errors)
        problems = (order.problem,) if order.problem else ()
        return SubmitOutcome(code, order.state, f"AX has the order {code}.", problems=problems)

    def _elsewhere(self, code: str, state: JournalState, error: EndpointError) -> SubmitOutcome:
        """Not this server's order: report it as it stands, having changed nothing."""
        return SubmitOutcome(code, state, str(error), error=error)

    def _unreachable(self, code: str, error: AxError) -> SubmitOutcome:
        state = self._journal.state_of(code)
        if state is not None and not state.needs_reconciliation:
            return self._settled(code)
        return SubmitOutcome(code, JournalState.UNKNOWN, _unknown_message(error), error=error)


def _request_from_body(body: str) -> OrderRequest:
    """Rebuild the stored request, refusing to send anything but the exact stored bytes."""
    try:
        wire = json.loads(body)
    except json.JSONDecodeError as exc:
        raise AxError(
            f"The stored order cannot be read ({exc.msg}); it was not sent again."
        ) from None
    request = OrderRequest.from_wire(wire)
    if encode_json(request.to_wire()) != body.encode("utf-8"):
        raise AxError(
            "The stored order would not be sent byte for byte as first recorded, so it was "
            "not sent again; check it with AX by its code."
        )
    return request


def _unknown_message(error: AxError) -> str:
    return (
        f"AX's answer is not known yet ({error}). The order is kept and will be checked "
        "again under the same code; it will not be placed twice."
    )
