"""Sending orders and settling orders whose fate is unknown. Qt-free; the UI runs it on a worker.

The rules that keep orders from being lost or made twice:

* an order is journaled (with its exact body) before the POST, and after
  that it is only ever sent again with the *same* channel order code and the
  *same* body;
* the AX pages promise nothing about a repeated channel order code, nor that
  Get Confirm finds an order by it (docs/ax-channel-api.md, "Assumptions
  about real AX"). So an order is sent again only when that cannot make a
  second one: when no earlier send of it can be at AX, when AX said it does
  not have it and no earlier send can still land, or when the connection
  profile says this AX answers a repeated order code with the same order
  (``same_order_on_repeat``, off by default);
* an answer that refuses a send is final only when no earlier send of the
  same order may still reach AX: until then the order stays "unknown — AX
  may still make it" and is asked about again by its code.

The settle window (:data:`DEFAULT_SETTLE_WINDOW`, 150 s): how long after a
POST whose outcome is not known AX may still make the order from it. It
covers the client's whole call (:data:`CLIENT_CALL_ALLOWANCE`: the client's
10 s timeout for each of connect, send and answer today, with margin) and
AX's own processing of a request it holds (:data:`AX_PROCESSING_ALLOWANCE`:
twice the 60 s that gateways in front of web services commonly give a
request before they give up on it). The journal records when each uncertain
POST started (``uncertain_post_at``, see ``axdesk.store.journal``), so the
window outlives a restart.

:meth:`Reconciler.submit`::

    record_sending ─► POST ─► 201 ─────────────────────────────► mark_sent     "sent"
                           ├► 400/422 (and 401/403/404/409) ────► mark_rejected "rejected"
                           └► no answer, 5xx, 429, garbage ─────► mark_unknown  "unknown"
                                                                  └► reconcile, with backoff

:meth:`Reconciler.reconcile` settles a pending order. When no POST of it
may be at AX (none was made, or each was certainly not applied) it is sent
under its code. Otherwise AX is asked (Get Confirm by the channel order code,
and by the AX order codes the journal may hold for it):

* AX lists it: it is made. Settled as "sent" with its AX orders and statuses
  and *without* being sent again (``mark_known_without_tickets``: Get Confirm
  gives no ticket codes, so they stay unknown, and the order's problem says
  why its tickets cannot be cancelled yet). Only where the profile says this
  AX answers a repeat with the same order is the stored body sent again to
  learn the ticket codes (``mark_sent``).
* AX does not list it:

  - the profile says AX answers a repeat with the same order: sent again
    under the same code; a refusal within the window leaves it "unknown"
    (``may_still_land``), after the window it is "rejected";
  - otherwise, within the window: "unknown" (``may_still_land``), asked again;
  - after the window, where Get Confirm is known to find orders by channel
    order code on this AX (tried on an order AX surely has): AX truly does
    not have it and no send can still land, so it is sent again;
  - where it is not (or cannot be told): AX cannot be asked. It stays
    "unknown" (``cannot_ask``) with a sentence telling the operator what to
    check at AX, and is never sent again blindly. The operator may then say
    that AX does not have it (``absent_confirmed``: sent again under the
    same code) or give its AX order code (``ax_order_code``: asked by it).

* No usable answer: it stays "unknown" (``no_answer``) for the next try.

Only the AX server an order was sent to is ever asked about it or sent it
again. The reconciler reads the server in use from its client
(``client.base_url``), records it with each new order, and refuses to touch
a pending order journaled for another server (``OtherEndpointError``, whose
sentence names that server) or for an unrecorded one
(``UnrecordedEndpointError``: orders journaled before axdesk kept the
server; only the operator can say where those went, see
``reconcile(code, assign_endpoint=True)``). A refusal changes nothing in
the journal and makes no request.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, runtime_checkable

from axdesk.api import (
    AxAuthError,
    AxError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    CreatedOrder,
    OrderRequest,
    OrderStatusInfo,
    encode_json,
)
from axdesk.store.endpoints import EndpointError, normalize_endpoint
from axdesk.store.journal import OptionLabel, OrderJournal
from axdesk.store.journal_base import utc_now
from axdesk.store.journal_queries import JournalState, PendingOrder, ProblemKind
from axdesk.store.outcomes import (
    NO_ANSWER_RECHECK_SECONDS,
    RECHECK_SECONDS,
    TICKETS_UNKNOWN_NOTE,
    OutcomeRecorder,
    SubmitOutcome,
    repeat_not_answered_note,
)

__all__ = [
    "AX_PROCESSING_ALLOWANCE",
    "CLIENT_CALL_ALLOWANCE",
    "DEFAULT_RETRY_DELAYS",
    "DEFAULT_SETTLE_WINDOW",
    "MAX_RETRY_AFTER",
    "NO_ANSWER_RECHECK_SECONDS",
    "RECHECK_SECONDS",
    "ChannelClient",
    "ClientSource",
    "Reconciler",
    "RepeatPolicy",
    "SubmitOutcome",
]

DEFAULT_RETRY_DELAYS = (1.0, 3.0, 8.0)
"""Seconds waited before each on-the-spot reconcile after an unknown outcome."""
MAX_RETRY_AFTER = 30.0
"""Longest ``Retry-After`` honoured on the spot; longer waits are left to the next pass."""
CLIENT_CALL_ALLOWANCE = 30.0
"""The client's whole call, with margin: 10 s (its timeout) for each of connect, send, answer."""
AX_PROCESSING_ALLOWANCE = 120.0
"""How long AX may hold a request and still apply it: twice a common 60 s gateway timeout."""
DEFAULT_SETTLE_WINDOW = CLIENT_CALL_ALLOWANCE + AX_PROCESSING_ALLOWANCE
"""Seconds after an uncertain POST started during which AX may still make the order from it."""


@runtime_checkable
class ChannelClient(Protocol):
    """The part of ``axdesk.api.AxClient`` the reconciler uses (tests pass a stub)."""

    @property
    def base_url(self) -> str: ...

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder: ...

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]: ...


ClientSource = ChannelClient | Callable[[], ChannelClient]
RepeatPolicy = bool | Callable[[str], bool]
"""Whether the AX at a base URL answers a repeated order code with the order it already made
(the connection profile's choice), or one answer for every server."""


class Reconciler:
    """Sends orders through the journal and settles unknown ones.

    ``client`` is an AX client, or a callable returning the one in use (called
    once per submit/reconcile; the reconciler never closes clients). ``sleep``
    waits between on-the-spot reconcile attempts (tests pass a recorder);
    ``clock`` stamps status checks and the start of each POST, and tells when
    the settle window (``settle_window`` seconds) has passed.
    ``same_order_on_repeat`` says, for the client's base URL, whether that AX
    answers a repeated order code with the order it already made (the
    connection profile's choice; False by default: the pages do not promise it).
    One operation runs at a time per reconciler.
    """

    def __init__(
        self,
        client: ClientSource,
        journal: OrderJournal,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], dt.datetime] = utc_now,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        settle_window: float = DEFAULT_SETTLE_WINDOW,
        same_order_on_repeat: RepeatPolicy = False,
    ) -> None:
        self._source = client
        self._journal = journal
        self._sleep = sleep
        self._clock = clock
        self._retry_delays = tuple(retry_delays)
        self._window = dt.timedelta(seconds=settle_window)
        self._record = OutcomeRecorder(journal, clock, self._window)
        self._repeat_policy = same_order_on_repeat
        self._finds_by_channel_code: dict[str, bool] = {}
        """Per server: whether Get Confirm was seen finding an order by its channel code."""
        self._lock = threading.Lock()

    @property
    def settle_window(self) -> dt.timedelta:
        return self._window

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
            with self._journal.hold_order(code) as held:
                if not held:
                    return self._record.held_elsewhere(code)
                state = self._journal.state_of(code)
                if state is not None:
                    if state.needs_reconciliation:
                        return self._reconcile_with_backoff(client, code, None)
                    return self._record.as_it_stands(code)
                body = self._journal.record_sending(request, labels, endpoint=client.base_url)
                outcome = self._post(client, code, request, body)
                if outcome.is_unknown:
                    outcome = self._reconcile_with_backoff(client, code, outcome)
                return outcome

    def reconcile(
        self,
        channel_order_code: str,
        *,
        assign_endpoint: bool = False,
        absent_confirmed: bool = False,
        ax_order_code: str | None = None,
    ) -> SubmitOutcome:
        """One attempt to settle an order left "sending" or "unknown"; settled ones are reported.

        A pending order sent to another AX server than the client's is not
        touched: the outcome carries an ``EndpointError`` saying where it went.
        ``assign_endpoint=True`` is the operator confirming that an order whose
        server was never recorded went to the client's server: that is
        recorded first (an order with a recorded server is never reassigned).
        ``absent_confirmed=True`` is the operator saying AX told them it has no
        order under this code: once no earlier send can still land, it is sent
        again under the same code. ``ax_order_code`` is an AX order code the
        operator got from AX for this order: AX is asked by it.
        """
        with self._lock:
            try:
                client = self._client()
            except AxError as error:
                return self._record.unreachable(channel_order_code, error)
            if assign_endpoint:
                state = self._journal.state_of(channel_order_code)
                if state is not None and state.needs_reconciliation:
                    try:
                        self._journal.assign_endpoint(channel_order_code, client.base_url)
                    except EndpointError as error:
                        return self._record.elsewhere(channel_order_code, state, error)
            return self._reconcile_held(
                client,
                channel_order_code,
                absent_confirmed=absent_confirmed,
                ax_order_code=ax_order_code,
            )

    def reconcile_pending(self) -> list[SubmitOutcome]:
        """When a connection becomes usable: one attempt for every pending order, oldest first.

        Only orders sent to the client's server are asked about or sent again;
        the others come back untouched with an ``EndpointError`` outcome
        (``is_elsewhere``), so the UI can say where each one went. Where the
        profile says this AX answers a repeated code with the same order, the
        orders it made whose ticket codes are not known are sent again to
        learn them; those that learned them come back too, as "sent".
        """
        with self._lock:
            pending = self._journal.needs_reconciliation()
            try:
                client = self._client()
            except AxError as error:
                return [self._record.unreachable(p.channel_order_code, error) for p in pending]
            outcomes = [self._reconcile_held(client, p.channel_order_code) for p in pending]
            if self._repeats(client):
                for code in self._journal.orders_lacking_ticket_codes(client.base_url):
                    learned = self._learn_ticket_codes(client, code)
                    if learned is not None:
                        outcomes.append(learned)
            return outcomes

    # -- steps --------------------------------------------------------------------

    def _client(self) -> ChannelClient:
        source = self._source
        if isinstance(source, ChannelClient):
            return source
        return source()

    def _repeats(self, client: ChannelClient) -> bool:
        """Whether the profile says this AX answers a repeated code with the order it made."""
        policy = self._repeat_policy
        if isinstance(policy, bool):
            return policy
        return bool(policy(client.base_url))

    def _post(
        self, client: ChannelClient, code: str, request: OrderRequest, body: str
    ) -> SubmitOutcome:
        """POST ``body``, the journaled bytes of ``request``, and record what AX answered.

        The client sends ``body`` as it is: what reaches AX is exactly what the
        journal holds, and the request is not encoded a second time. A refusal
        is final only when no earlier send of the order may still land.
        """
        before = self._pending(code).uncertain_post_at
        self._journal.note_attempt(code, at=self._clock())
        try:
            created = client.create_order(request, body=body.encode("utf-8"))
        except AxError as error:
            return self._post_failed(code, error, before)
        return self._record.sent(code, created, f"AX accepted the order {code}.")

    def _post_failed(self, code: str, error: AxError, before: dt.datetime | None) -> SubmitOutcome:
        """Record a POST that did not get a 201. ``before`` is the order's uncertainty before it."""
        if _certainly_not_applied(error):
            # Nothing was made by this send: the order is as uncertain as it was before it.
            self._journal.mark_attempt_not_applied(code, before)
        if not _is_refusal(error):
            return self._record.no_answer(code, error, str(error))  # no answer, 5xx, 429, not sent
        if isinstance(error, AxRejectedError) and error.status != 409:
            # AX refused this send for what it says (sold out, a field). Final unless an
            # earlier send of the order may still reach AX and make it.
            if before is not None and self._clock() < before + self._window:
                return self._record.may_still_land_after_refusal(code, error, before)
        elif before is not None:
            # The key or the address refused, or a conflict: that says nothing of an earlier
            # send, which may have made the order.
            return self._record.no_answer(code, error, str(error))
        return self._record.refused(code, error)

    def _reconcile_held(
        self,
        client: ChannelClient,
        code: str,
        *,
        absent_confirmed: bool = False,
        ax_order_code: str | None = None,
    ) -> SubmitOutcome:
        """:meth:`_reconcile_once` while this desk holds the order (``desk_claims``); an
        order another desk is sending or settling now is left to that desk."""
        with self._journal.hold_order(code) as held:
            if not held:
                return self._record.held_elsewhere(code)
            return self._reconcile_once(
                client, code, absent_confirmed=absent_confirmed, ax_order_code=ax_order_code
            )

    def _reconcile_once(
        self,
        client: ChannelClient,
        code: str,
        *,
        absent_confirmed: bool = False,
        ax_order_code: str | None = None,
    ) -> SubmitOutcome:
        order = self._journal.pending_order(code)
        if order is None or not order.state.needs_reconciliation:
            return self._record.as_it_stands(code)
        try:
            self._journal.check_endpoint(code, client.base_url)
        except EndpointError as error:
            return self._record.elsewhere(code, order.state, error)
        if order.uncertain_post_at is None and ax_order_code is None:
            # No send of it can be at AX (none was made, or each was certainly refused).
            return self._resend(client, code)
        try:
            known, by_channel_code = self._ask(client, order, ax_order_code)
        except AxError as error:
            return self._record.no_answer(
                code, error, f"Checking the order with AX failed: {error}"
            )
        if known:
            if by_channel_code:
                self._finds_by_channel_code[normalize_endpoint(client.base_url)] = True
            return self._made(client, code, known)
        if self._repeats(client):
            return self._resend(client, code)  # AX answers a repeat with the order it made
        uncertain = order.uncertain_post_at
        if uncertain is not None and self._clock() < uncertain + self._window:
            return self._record.may_still_land_not_listed(code, uncertain)
        if absent_confirmed:
            return self._resend(client, code)  # the operator checked: AX does not have it
        try:
            answers_by_channel_code = self._finds_by_channel_code_at(client, code)
        except AxError as error:
            return self._record.no_answer(
                code, error, f"Checking the order with AX failed: {error}"
            )
        if answers_by_channel_code:
            return self._resend(client, code)  # AX does not have it, and no send can land now
        return self._record.cannot_ask(code)

    def _ask(
        self, client: ChannelClient, order: PendingOrder, ax_order_code: str | None
    ) -> tuple[list[OrderStatusInfo], bool]:
        """What AX lists of this order (Get Confirm), and whether its channel code found it.

        AX is asked by the channel order code, then by each AX order code the
        journal holds for the order (or the one the operator gave). Only entries
        naming this channel order code count. A 404 is "not listed".
        """
        code = order.channel_order_code
        found = [info for info in self._confirm(client, code) if info.channel_order_code == code]
        if found:
            return found, True
        ax_codes = list(self._journal.ax_order_codes(code))
        if ax_order_code is not None and ax_order_code not in ax_codes:
            ax_codes.append(ax_order_code)
        for ax_code in ax_codes:
            found.extend(
                info
                for info in self._confirm(client, ax_code)
                if info.channel_order_code == code
                and info.ax_order_code not in {f.ax_order_code for f in found}
            )
        return found, False

    @staticmethod
    def _confirm(client: ChannelClient, order_code: str) -> list[OrderStatusInfo]:
        try:
            return client.get_order_status(order_code)
        except AxNotFoundError:
            return []

    def _finds_by_channel_code_at(self, client: ChannelClient, code: str) -> bool:
        """Whether Get Confirm on this AX finds orders by their channel order code.

        Known once seen; else tried on the newest order the journal holds as made
        on this server. False when that order is not found by its channel code,
        or when there is no such order to try it on (it cannot be told).
        """
        server = normalize_endpoint(client.base_url)
        seen = self._finds_by_channel_code.get(server)
        if seen is not None:
            return seen
        sample = self._journal.order_known_at(server)
        if sample is None or sample == code:
            return False
        answers = any(info.channel_order_code == sample for info in self._confirm(client, sample))
        self._finds_by_channel_code[server] = answers
        return answers

    def _made(
        self, client: ChannelClient, code: str, known: Sequence[OrderStatusInfo]
    ) -> SubmitOutcome:
        """AX has the order: settle it as made; learn its ticket codes only where it is safe."""
        if not self._repeats(client):
            return self._record.known_without_tickets(code, known, TICKETS_UNKNOWN_NOTE)
        try:
            body = self._journal.stored_body(code)
            request = _request_from_body(body)
            self._journal.note_attempt(code, at=self._clock())
            created = client.create_order(request, body=body.encode("utf-8"))
        except AxError as error:
            note = repeat_not_answered_note(error)
            return self._record.known_without_tickets(code, known, note, error)
        outcome = self._record.sent(code, created, f"AX has the order {code}.")
        self._journal.apply_status_infos(known, self._clock())
        return outcome

    def _learn_ticket_codes(self, client: ChannelClient, code: str) -> SubmitOutcome | None:
        """Send a made order again under its code to learn its ticket codes (only where the
        profile says AX answers a repeat with the order it made); None when nothing learned.

        Only while this desk holds the order, and only if its codes are still missing then:
        another desk may be learning them (or have learned them since they were listed).
        """
        with self._journal.hold_order(code) as held:
            if not held or code not in self._journal.orders_lacking_ticket_codes(client.base_url):
                return None
            return self._learn_held(client, code)

    def _learn_held(self, client: ChannelClient, code: str) -> SubmitOutcome | None:
        try:
            body = self._journal.stored_body(code)
            created = client.create_order(_request_from_body(body), body=body.encode("utf-8"))
        except AxError:
            return None
        return self._record.sent(code, created, f"AX has the order {code}.")

    def _resend(self, client: ChannelClient, code: str) -> SubmitOutcome:
        try:
            body = self._journal.stored_body(code)
            request = _request_from_body(body)
        except AxError as error:
            self._journal.mark_unknown(code, str(error))
            return SubmitOutcome(
                code, JournalState.UNKNOWN, str(error), error=error, kind=ProblemKind.NO_ANSWER
            )
        return self._post(client, code, request, body)

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
            if not outcome.is_unknown or outcome.is_elsewhere or outcome.cannot_ask:
                break
        assert outcome is not None
        return outcome

    # -- outcomes -----------------------------------------------------------------

    def _pending(self, code: str) -> PendingOrder:
        order = self._journal.pending_order(code)
        if order is None:
            raise AxError(f"The order {code} is not in the journal.")
        return order


def _is_refusal(error: AxError) -> bool:
    """AX answered and refused the request (400/409/422, 401/403, 404; not 429)."""
    return isinstance(error, AxRejectedError | AxAuthError | AxNotFoundError)


def _certainly_not_applied(error: AxError) -> bool:
    """True when the POST behind ``error`` cannot have made the order at AX."""
    if isinstance(error, AxNetworkError):
        return not error.request_sent  # it never reached AX
    if isinstance(error, AxRateLimitedError):
        return True  # AX turned it away before handling it
    return _is_refusal(error)


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
