"""The AX Cloud channel client: one keep-alive ``httpx.Client``, typed answers, sentences.

Rules this module keeps:

* Only ``AxError`` (and its subclasses) leaves a public method, whatever goes wrong.
* The API key never appears in a log line, an exception text or a repr: it is
  held in a ``_Secret`` and every header that carries it is redacted before
  logging; server texts that echo it are scrubbed.
* GETs are retried with capped, jittered exponential backoff on network
  errors, 429 and 502/503/504. POST and PATCH are never retried: a write whose
  outcome is unknown must be reconciled, not repeated blindly.
* TLS verification is always on (the operating system's trust store, see
  ``transport``), and plain http is refused except to a loopback host (the
  local sandbox).
* Every call ends: one deadline covers the whole call, retries included, and
  the answer is read in pieces up to a size cap counted after decompression
  (``limits.CALL_LIMITS``). A ``Retry-After`` is never taken above an hour.
* Only a write can have been applied: a failed read is never "outcome unknown".
"""

from __future__ import annotations

import logging
import math
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any, Final, NoReturn, Self, TypeVar
from urllib.parse import quote, urlencode

import httpx

from axdesk import __version__
from axdesk.api.answers import ACCEPT_ENCODING, read_answer
from axdesk.api.errors import (
    AxAuthError,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    AxServerError,
    OrderInputError,
)
from axdesk.api.limits import CALL_LIMITS, CallLimit, CallLimits
from axdesk.api.models import (
    CancelledTicket,
    CreatedOrder,
    Inventory,
    OrderRequest,
    OrderStatusInfo,
    TicketStatus,
)
from axdesk.api.redaction import protect_secrets, release_secrets
from axdesk.api.transport import AxTransport, call_deadline, is_loopback_host
from axdesk.api.wire import decode_json, encode_json

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENVIRONMENTS",
    "RETRY_AFTER_LIMIT",
    "AxClient",
    "CallRecord",
    "is_loopback_host",
    "redact_headers",
    "validate_base_url",
]

logger = logging.getLogger("axdesk.api")

ENVIRONMENTS: Final[dict[str, str]] = {
    "production": "https://prod.ax-cloud.com",
    "test": "https://test.ax-cloud.com",
}

DEFAULT_TIMEOUT = 10.0
CONNECT_TIMEOUT_CAP = 5.0
"""Connecting never waits longer than this, even when the read timeout is longer."""
BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
RETRY_AFTER_CAP = 30.0
"""A ``Retry-After`` longer than this is not waited out: the error goes to the user instead."""
RETRY_AFTER_LIMIT = 3600.0
"""The longest ``Retry-After`` the client reports (``AxRateLimitedError.retry_after``):
whatever the server says, no caller ever waits more than an hour, or overflows a timer."""
DEADLINE_TOLERANCE = 0.02
"""A timeout this close to the deadline is the deadline (socket waits end on the millisecond)."""
RETRY_STATUSES: Final[frozenset[int]] = frozenset({502, 503, 504})

_SECRET_HEADERS: Final[frozenset[str]] = frozenset(
    {"authorization", "channel", "proxy-authorization", "cookie", "set-cookie", "x-csrftoken"}
)


_T = TypeVar("_T")


@dataclass(frozen=True)
class _Answer:
    """A successful exchange: the decoded JSON, or what the call's fast reader made of it.

    ``payload`` is None when ``early`` is set: the body was never decoded the
    general way because the fast reader understood it directly.
    """

    payload: Any
    status: int
    early: object | None = None


_FastReader = Callable[[bytes], object | None]
"""Reads a 2xx body directly into its final value, or returns None to decode it the general way."""

_SPENT: Final = httpx.ByteStream(b"")
"""What a read and closed answer's ``stream`` is replaced with (see ``_read_body``)."""


# Host names after IDNA encoding (letters, digits, "-", "_", ".") or an IPv6 literal.
_HOST = re.compile(r"[A-Za-z0-9._-]+|[0-9A-Fa-f:.]+")


class _Secret:
    """A string that shows as ``***`` in every repr, str and format."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "***"

    __str__ = __repr__


@dataclass(frozen=True)
class CallRecord:
    """One HTTP exchange, for the call log. Headers are redacted; no body is kept."""

    method: str
    path: str
    status: int | None
    duration_ms: float
    headers_redacted: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    attempt: int = 1


class _NoCookies(httpx.Cookies):
    """A cookie jar that keeps nothing and sends nothing.

    AX authenticates each call by its two headers; a cookie a server (or a
    proxy on the way) sets would be state the journal knows nothing of, sent
    along on every later call. Keeping none also spares each answer httpx's
    cookie bookkeeping (a ``urllib`` request and response built per answer,
    a tenth of live sync's time).
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        return None

    def set_cookie_header(self, request: httpx.Request) -> None:
        return None


class _CookielessClient(httpx.Client):
    """``httpx.Client`` with a jar that keeps no cookies (:class:`_NoCookies`)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._no_cookies = _NoCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies

    @cookies.setter
    def cookies(self, cookies: object) -> None:
        """Ignored: this client keeps no cookies."""


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Copy of ``headers`` with credentials replaced by ``***`` (the scheme word is kept)."""
    redacted: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in _SECRET_HEADERS:
            scheme, _, rest = value.partition(" ")
            redacted[name] = f"{scheme} ***" if rest else "***"
        else:
            redacted[name] = value
    return redacted


def validate_base_url(base_url: str) -> str:
    """The base URL without a trailing slash; ``AxError`` with a sentence if unusable.

    https is required, except for loopback hosts (127.0.0.0/8, ::1, localhost)
    where the local sandbox speaks plain http.
    """
    if not isinstance(base_url, str) or not base_url.strip():
        raise AxError("No AX server address was given.")
    text = base_url.strip()
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise AxError(f"The AX server address {text[:80]!r} is not a valid URL.") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise AxError(
            f"The AX server address {text[:80]!r} must start with https:// and name a server."
        )
    if not _HOST.fullmatch(url.raw_host.decode("ascii", "replace")):
        raise AxError(f"The AX server address {text[:80]!r} is not a valid URL.")
    if url.port is not None and not 0 < url.port < 65536:
        raise AxError(f"The AX server address {text[:80]!r} has no valid port (1 to 65535).")
    if url.userinfo:
        raise AxError("The AX server address must not contain a user name or password.")
    if url.query or url.fragment:
        raise AxError("The AX server address must not contain a query or a fragment.")
    if url.scheme == "http" and not is_loopback_host(url.host):
        raise AxError(
            f"The AX server address must use https:// ({url.host} is not this computer); "
            "plain http is allowed only for the local sandbox."
        )
    return text.rstrip("/")


def _check_credential(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AxError(f"The {what} is empty; enter it in the connection settings.")
    if value != value.strip() or not value.isascii() or not value.isprintable() or " " in value:
        raise AxError(
            f"The {what} contains spaces or characters that cannot be sent; check it was "
            "pasted whole."
        )
    return value


def _check_code(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AxError(f"No {what} was given.")
    return value.strip()


def _retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds, at most :data:`RETRY_AFTER_LIMIT`; None if absent or junk.

    A number of seconds or an HTTP date. Absurd values (a date in the year 9999,
    ``1e999``, a zone offset of a billion hours) never raise: a date too far or a
    huge number is the limit, and what cannot be read at all is None.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isascii() and text.replace(".", "", 1).isdigit():
        seconds = float(text)  # digits only: float() cannot fail, only grow to inf
    elif text[:1] in "+-" and text[1:].isascii() and text[1:].replace(".", "", 1).isdigit():
        seconds = float(text)
    else:
        try:
            moment = parsedate_to_datetime(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            seconds = (moment - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if math.isnan(seconds):
        return None
    return min(RETRY_AFTER_LIMIT, max(0.0, seconds))


def _accepted(status: int | None) -> bool:
    """A 2xx: the server took the request (a write answered so was applied)."""
    return status is not None and 200 <= status < 300


def _error_texts(value: object) -> list[str]:
    """Flatten the server's ``errors`` (a list, a field->messages mapping, FastAPI details)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        texts: list[str] = []
        for item in value:
            if isinstance(item, Mapping) and ("msg" in item or "message" in item):
                message = str(item.get("msg", item.get("message")))
                location = item.get("loc")
                if isinstance(location, list) and location:
                    place = ".".join(str(part) for part in location if part != "body")
                    message = f"{place}: {message}" if place else message
                texts.append(message)
            else:
                texts.extend(_error_texts(item))
        return texts
    if isinstance(value, Mapping):
        return [f"{key}: {text}" for key, inner in value.items() for text in _error_texts(inner)]
    return [str(value)]


class AxClient:
    """Typed client of the AX Cloud channel API. Use as a context manager or call ``close()``.

    ``transport`` replaces the network (tests pass ``httpx.MockTransport``), and
    ``mounts`` adds transports by URL pattern (``httpx.Client(mounts=...)``): with a
    transport of its own, httpx no longer reads the proxy settings, so the caller
    mounts the proxies' transports there. ``sleep``
    is what waits between GET retries, and ``on_call`` receives a ``CallRecord`` for
    every HTTP exchange (retries included).

    ``max_retries`` counts retries of a GET after its first try (3 means up to 4 tries).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        channel_code: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        mounts: Mapping[str, httpx.BaseTransport | None] | None = None,
        max_retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        on_call: Callable[[CallRecord], None] | None = None,
        call_limits: CallLimits = CALL_LIMITS,
    ) -> None:
        self._base_url = validate_base_url(base_url)
        self._api_key = _Secret(_check_credential(api_key, "API key"))
        self._channel_code = _Secret(_check_credential(channel_code, "channel code"))
        if not isinstance(call_limits, CallLimits):
            raise AxError("The call limits must be a CallLimits.")
        self._limits = call_limits
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise AxError("The number of retries must be zero or more.")
        if isinstance(timeout, httpx.Timeout):
            timeouts = timeout
        elif isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and timeout > 0:
            seconds = float(timeout)
            timeouts = httpx.Timeout(
                connect=min(seconds, CONNECT_TIMEOUT_CAP), read=seconds, write=seconds, pool=seconds
            )
        else:
            raise AxError("The network timeout must be a positive number of seconds.")
        self._read_timeout = timeouts.read
        self._max_retries = max_retries
        self._sleep = sleep
        self._on_call = on_call
        self._random = random.Random()
        self._closed = False
        self._timeout_extension = timeouts.as_dict()  # what each request carries
        waits = self._timeout_extension.values()  # None: no limit of its own, the deadline's
        self._longest_timeout = (
            math.inf if None in waits else max(w for w in waits if w is not None)
        )
        host = httpx.URL(self._base_url).host
        self._host = host
        if transport is None:
            # Our own transport, so that the deadline, the pool limits and the OS trust
            # store apply; httpx then reads no proxy settings, so they are mounted here.
            own = AxTransport()
            if mounts is None:
                try:
                    mounts = own.proxy_mounts(self._base_url)
                except ValueError as error:
                    own.close()
                    raise AxError(str(error)) from None
            transport = own
        protect_secrets(api_key, channel_code)  # released by close()
        self._http = _CookielessClient(
            base_url=self._base_url,
            headers={
                "Authorization": f"Token {api_key}",
                "Channel": f"Code {channel_code}",
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
                "Content-Type": "application/json",
                "User-Agent": f"axdesk/{__version__}",
            },
            timeout=timeouts,
            transport=transport,
            mounts=mounts,
            follow_redirects=False,
            trust_env=False,  # proxies are mounted above; nothing else is read from the env
        )
        # The headers never change after this: redacted once, not per call.
        self._headers_redacted = redact_headers(self._http.headers)

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def call_limits(self) -> CallLimits:
        """The deadline and answer size cap of each kind of call."""
        return self._limits

    def __repr__(self) -> str:
        return f"AxClient(base_url={self._base_url!r}, channel_code='***', api_key='***')"

    def close(self) -> None:
        """Close the connection pool; later calls raise ``AxError``. Safe to call twice."""
        if not self._closed:
            self._closed = True
            try:
                self._http.close()
            finally:
                release_secrets(self._api_key.reveal(), self._channel_code.reveal())

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ endpoints

    def get_inventory(
        self,
        product_code: str,
        start_date: date | None = None,
        end_date: date | None = None,
    ) -> Inventory:
        """``GET /v1/channel/inventory/tour/{product_code}``, optionally limited to a date range."""
        code = _check_code(product_code, "product code")
        params: dict[str, str] = {}
        first = self._as_date(start_date, "start date")
        last = self._as_date(end_date, "end date")
        if first is not None and last is not None and first > last:
            raise AxError(
                f"The start date {first.isoformat()} is after the end date {last.isoformat()}."
            )
        if first is not None:
            params["start_date"] = first.isoformat()
        if last is not None:
            params["end_date"] = last.isoformat()
        answer = self._call(
            "GET",
            f"/v1/channel/inventory/tour/{quote(code, safe='')}",
            params=params,
            not_found=f"the product {code}",
            limit=self._limits.inventory,
            fast_read=lambda content: Inventory.from_common_json(code, content),
        )
        if isinstance(answer.early, Inventory):
            return answer.early
        return self._read(lambda: Inventory.from_payload(code, answer.payload), "GET", answer)

    def create_order(self, request: OrderRequest, *, body: bytes | None = None) -> CreatedOrder:
        """``POST /v1/channel/orders/tour``. Never retried: on an unknown outcome, reconcile.

        ``body`` is the request's wire JSON (``encode_json(request.to_wire())``)
        when the caller has it already: the journal records those exact bytes
        before the POST, and passing them here sends what was recorded, byte
        for byte, instead of encoding the request a second time. Without
        ``body`` the request is encoded here.
        """
        if not isinstance(request, OrderRequest):
            raise AxError("Only a complete order can be sent to AX.")
        if body is None:
            try:
                body = encode_json(request.to_wire())
            except (TypeError, ValueError) as error:
                raise OrderInputError(
                    f"The order cannot be written as JSON ({type(error).__name__})."
                ) from None
        elif not isinstance(body, bytes):
            raise AxError("The order body must be the order's JSON as bytes.")
        answer = self._call(
            "POST",
            "/v1/channel/orders/tour",
            body=body,
            not_found="the ordering address (is the server address right?)",
            limit=self._limits.create_order,
        )
        return self._read(lambda: CreatedOrder.from_payload(answer.payload), "POST", answer)

    def get_order_status(self, order_code: str) -> list[OrderStatusInfo]:
        """``GET /v1/channel/orders/tour/{order_code}`` (Get Confirm): one entry per AX order."""
        code = _check_code(order_code, "order code")
        answer = self._call(
            "GET",
            f"/v1/channel/orders/tour/{quote(code, safe='')}",
            not_found=f"the order {code}",
            limit=self._limits.order_status,
        )
        return self._read(lambda: OrderStatusInfo.list_from_payload(answer.payload), "GET", answer)

    def cancel_ticket(
        self, ax_order_code: str, ticket_code: str, comment: str | None = None
    ) -> CancelledTicket:
        """PATCH the ticket to "Traveler canceled" (a partial cancel). Never retried."""
        order = _check_code(ax_order_code, "AX order code")
        ticket = _check_code(ticket_code, "ticket code")
        body: dict[str, Any] = {"status": TicketStatus.TRAVELER_CANCELED.value}
        if comment is not None:
            if not isinstance(comment, str):
                raise AxError("The cancellation comment must be text.")
            body["comment"] = comment
        answer = self._call(
            "PATCH",
            f"/v1/channel/orders/tour/{quote(order, safe='')}/tickets/{quote(ticket, safe='')}",
            body=encode_json(body),
            not_found=f"the ticket {ticket} of order {order}",
            limit=self._limits.cancel_ticket,
        )
        return self._read(lambda: CancelledTicket.from_payload(answer.payload), "PATCH", answer)

    # ------------------------------------------------------------------ machinery

    @staticmethod
    def _as_date(value: object, what: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        raise AxError(f"The {what} must be a date.")

    def _scrub(self, text: str) -> str:
        """Remove this client's key and channel code from a text that came from elsewhere.

        Secrets of every length are removed, however short. Only this client's:
        another client's short test credential (a word like "key") must not eat
        words of the server's sentences shown here (the log filter takes all).
        """
        for secret in sorted((self._api_key.reveal(), self._channel_code.reveal()), key=len)[::-1]:
            text = text.replace(secret, "***")
        return text

    def _read(self, reader: Callable[[], _T], method: str, answer: _Answer) -> _T:
        """Run a response reader; anything but ``AxError`` becomes one."""
        try:
            return reader()
        except AxError as error:
            error.message = self._scrub(error.message)
            if error.status is None:
                error.status = answer.status
            if method != "GET" and _accepted(answer.status):
                error.outcome_unknown = True  # AX took the write; what it made is unread
            raise
        except Exception as error:
            logger.error("Reading an AX answer failed unexpectedly: %s", self._scrub(repr(error)))
            raise AxMalformedResponseError(
                "axdesk could not read AX's answer (an unexpected "
                f"{type(error).__name__}); the details are in the log.",
                status=answer.status,
                outcome_unknown=method != "GET",
            ) from None

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: bytes | None = None,
        not_found: str,
        limit: CallLimit,
        fast_read: _FastReader | None = None,
    ) -> _Answer:
        if self._closed:
            raise AxError("The connection to AX has been closed; reconnect and try again.")
        target = f"{path}?{urlencode(params)}" if params else path
        deadline_at = time.monotonic() + limit.deadline
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._exchange(
                    method, target, body, not_found, attempt, limit, deadline_at, fast_read
                )
            except AxError as error:
                delay = self._retry_delay(error, attempt) if method == "GET" else None
                if delay is None or delay >= deadline_at - time.monotonic():
                    raise  # not retried, or the deadline would pass during the wait
                logger.info(
                    "%s %s: %s Retrying in %.1f s (retry %d of %d).",
                    method,
                    target,
                    error,
                    delay,
                    attempt,
                    self._max_retries,
                )
                try:
                    self._sleep(delay)
                except Exception as interruption:
                    # The wait was cut short: report the failure we were about to retry.
                    logger.info("Waiting to retry was interrupted: %s", type(interruption).__name__)
                    raise error from None

    def _retry_delay(self, error: AxError, attempt: int) -> float | None:
        """Seconds to wait before retrying a GET, or None when it must not be retried."""
        if attempt > self._max_retries:
            return None
        backoff = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** (attempt - 1))
        jittered = backoff * (0.5 + 0.5 * self._random.random())
        if isinstance(error, AxRateLimitedError):
            if error.retry_after is None:
                return jittered
            return error.retry_after if error.retry_after <= RETRY_AFTER_CAP else None
        if isinstance(error, AxNetworkError):
            return jittered
        if isinstance(error, AxServerError) and error.status in RETRY_STATUSES:
            return jittered
        return None

    def _timeouts_until(self, deadline_at: float) -> dict[str, float | None]:
        """The client's timeouts, none longer than the time left before the deadline, in
        the form a request carries them (its ``timeout`` extension)."""
        left = max(0.001, deadline_at - time.monotonic())
        if left >= self._longest_timeout:
            # All of them end before the deadline. A copy: each request owns its extensions,
            # so whatever a transport does with them never reaches the next request.
            return dict(self._timeout_extension)

        def bounded(seconds: float | None) -> float:
            return left if seconds is None else min(seconds, left)

        return {name: bounded(seconds) for name, seconds in self._timeout_extension.items()}

    def _exchange(
        self,
        method: str,
        target: str,
        body: bytes | None,
        not_found: str,
        attempt: int,
        limit: CallLimit,
        deadline_at: float,
        fast_read: _FastReader | None = None,
    ) -> _Answer:
        """One HTTP request and its interpretation; always reports a ``CallRecord``.

        A 2xx body goes to ``fast_read`` first, when given; only if that returns
        None is it decoded and checked the general way (``_interpret``).
        """
        started = time.perf_counter()
        status: int | None = None
        failure: str | None = None
        try:
            with call_deadline(deadline_at):
                try:
                    # Built here rather than by the client's build_request, which merges
                    # the base URL, cookies and parameters anew for every call (58 us
                    # against 33 a request): the target is whole and the headers fixed.
                    request = httpx.Request(
                        method,
                        self._base_url + target,
                        headers=self._http.headers,
                        content=body,
                        extensions={"timeout": self._timeouts_until(deadline_at)},
                    )
                    response = self._http.send(request, stream=True)
                except httpx.HTTPError as error:
                    raise self._transport_error(error, method, limit, deadline_at) from error
                status = response.status_code
                content = self._read_body(response, method, limit, deadline_at)
            if fast_read is not None and 200 <= status < 300:
                early = fast_read(content)
                if early is not None:
                    return _Answer(None, status, early)
            return _Answer(self._interpret(response, content, method, not_found), status)
        except AxError as error:
            error.message = self._scrub(error.message)
            if error.server_message is not None:
                error.server_message = self._scrub(error.server_message)
            if method == "GET":
                error.outcome_unknown = False  # a read changes nothing at AX
            elif isinstance(error, AxMalformedResponseError) and _accepted(status):
                error.outcome_unknown = True  # AX took the write; what it made is unread
            failure = f"{type(error).__name__}: {error}"
            raise
        except Exception as error:
            failure = f"unexpected {type(error).__name__}"
            logger.error("%s %s failed unexpectedly: %s", method, target, self._scrub(repr(error)))
            raise AxError(
                f"Talking to AX failed unexpectedly ({type(error).__name__}); "
                "the details are in the log.",
                outcome_unknown=method != "GET",
            ) from None
        finally:
            self._report(method, target, status, started, failure, attempt)

    def _read_body(
        self, response: httpx.Response, method: str, limit: CallLimit, deadline_at: float
    ) -> bytes:
        """The decoded body, read in pieces up to the cap and the deadline; always closes.

        An error status whose body cannot be read (too large, broken compression)
        is still that error status: its body is then taken as empty.
        """
        try:
            return read_answer(response, limit.max_bytes, deadline_at)
        except httpx.HTTPError as error:
            raise self._transport_error(error, method, limit, deadline_at) from error
        except AxMalformedResponseError:
            if 200 <= response.status_code < 300:
                raise
            return b""
        finally:
            try:
                response.close()
            except httpx.HTTPError as error:
                logger.info("Closing an answer failed: %s", type(error).__name__)
            # httpx's response and its stream refer to each other: a reference cycle per
            # answer, with the pool's bookkeeping of the request hanging off it, left for
            # the collector (on the GUI thread in the app). Closed, the stream is spent.
            response.stream = _SPENT

    def _report(
        self,
        method: str,
        target: str,
        status: int | None,
        started: float,
        failure: str | None,
        attempt: int,
    ) -> None:
        record = CallRecord(
            method=method,
            path=target,
            status=status,
            duration_ms=(time.perf_counter() - started) * 1000.0,
            headers_redacted=dict(self._headers_redacted),
            error=failure,
            attempt=attempt,
        )
        if failure is None:
            logger.debug(
                "%s %s -> %s in %.0f ms (attempt %d) headers=%s",
                method,
                target,
                status,
                record.duration_ms,
                attempt,
                record.headers_redacted,
            )
        else:
            logger.warning(
                "%s %s -> %s in %.0f ms (attempt %d): %s",
                method,
                target,
                status if status is not None else "no answer",
                record.duration_ms,
                attempt,
                failure,
            )
        if self._on_call is not None:
            try:
                self._on_call(record)
            except Exception as error:
                logger.warning("The call log hook failed: %s", type(error).__name__)

    def _transport_error(
        self, error: httpx.HTTPError, method: str, limit: CallLimit, deadline_at: float
    ) -> AxError:
        """Sort an httpx failure into an ``AxNetworkError`` (or another ``AxError``)."""
        host = self._host
        detail = self._scrub(str(error))
        writing = method != "GET"
        applied = " The request was sent, so it may have been applied." if writing else ""
        deadline_passed = time.monotonic() >= deadline_at - DEADLINE_TOLERANCE
        if deadline_passed and isinstance(error, httpx.TimeoutException):
            allowed = f"within the {limit.deadline:g} seconds allowed for this call"
            if isinstance(error, (httpx.ConnectTimeout, httpx.PoolTimeout)):
                return AxNetworkError(
                    f"Could not connect to AX at {host} {allowed}. Check the network connection.",
                    request_sent=False,
                )
            return AxNetworkError(
                f"AX did not finish answering {allowed}.{applied}",
                request_sent=True,
                outcome_unknown=writing,
            )
        if isinstance(error, httpx.ConnectTimeout):
            return AxNetworkError(
                f"Could not connect to AX at {host}: it did not answer in time. "
                "Check the network connection.",
                request_sent=False,
            )
        if isinstance(error, httpx.PoolTimeout):
            return AxNetworkError(
                "Too many requests to AX are already under way; try again shortly.",
                request_sent=False,
            )
        if isinstance(error, httpx.ConnectError):
            lowered = detail.lower()
            if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
                message = (
                    f"The secure connection to {host} failed: its certificate could not be "
                    "verified."
                )
            elif any(
                sign in lowered
                for sign in ("name or service", "name resolution", "getaddrinfo", "nodename")
            ):
                message = f"The AX server name {host} could not be found. Check the address."
            else:
                message = (
                    f"Could not connect to AX at {host}: the connection was refused or the "
                    "network is down."
                )
            return AxNetworkError(message, request_sent=False)
        if isinstance(error, httpx.ProxyError):
            return AxNetworkError(
                f"The network proxy refused the connection to {host}.", request_sent=False
            )
        if isinstance(error, httpx.ReadTimeout):
            seconds = f" within {self._read_timeout:g} seconds" if self._read_timeout else ""
            return AxNetworkError(
                f"AX did not answer{seconds}.{applied}",
                request_sent=True,
                outcome_unknown=writing,
            )
        if isinstance(error, (httpx.WriteTimeout, httpx.WriteError)):
            return AxNetworkError(
                "The connection to AX broke while the request was being sent"
                + ("; it may have been applied." if writing else "."),
                request_sent=True,
                outcome_unknown=writing,
            )
        if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError, httpx.CloseError)):
            return AxNetworkError(
                "The connection to AX was dropped before an answer arrived"
                + ("; the request may have been applied." if writing else "."),
                request_sent=True,
                outcome_unknown=writing,
            )
        if isinstance(error, httpx.DecodingError):
            return AxMalformedResponseError(
                "AX's answer could not be decoded (a broken compressed body)."
            )
        if isinstance(error, httpx.TransportError):
            return AxNetworkError(
                f"The network failed while talking to AX ({type(error).__name__}).",
                request_sent=True,
                outcome_unknown=writing,
            )
        return AxError(
            f"The request to AX could not be made ({type(error).__name__}).",
            outcome_unknown=writing,
        )

    def _interpret(
        self, response: httpx.Response, content: bytes, method: str, not_found: str
    ) -> Any:
        status = response.status_code
        content_type = response.headers.get("content-type")
        if 200 <= status < 300:
            payload = decode_json(content, status=status, content_type=content_type)
            body_status = payload.get("status_code") if isinstance(payload, dict) else None
            if (
                isinstance(body_status, int)
                and not isinstance(body_status, bool)
                and body_status >= 400
            ):
                # Some servers answer HTTP 200 and put the real status in the body.
                self._raise_for_status(body_status, payload, response, content, method, not_found)
            return payload
        if 300 <= status < 400:
            location = response.headers.get("location", "another address")
            raise AxMalformedResponseError(
                f"AX answered with a redirect (HTTP {status}) to {location[:120]}, which axdesk "
                "does not follow. Check the server address.",
                status=status,
            )
        try:
            payload = decode_json(content, status=status, content_type=content_type)
        except AxMalformedResponseError:
            payload = None
        self._raise_for_status(status, payload, response, content, method, not_found)

    def _raise_for_status(
        self,
        status: int,
        payload: Any,
        response: httpx.Response,
        content: bytes,
        method: str,
        not_found: str,
    ) -> NoReturn:
        server_message: str | None = None
        errors: list[str] = []
        if isinstance(payload, Mapping):
            for key in ("message", "detail", "error"):
                value = payload.get(key)
                if isinstance(value, str) and value.strip():
                    server_message = self._scrub(value.strip())
                    break
            if "errors" in payload:
                errors = _error_texts(payload["errors"])
            elif isinstance(payload.get("detail"), list):
                errors = _error_texts(payload["detail"])
            elif server_message is None:
                errors = _error_texts(
                    {key: value for key, value in payload.items() if key != "status_code"}
                )
        errors = [self._scrub(text) for text in errors]
        said = f" AX said: {server_message}" if server_message else ""
        web_page = payload is None and content[:4096].lstrip().startswith(b"<")

        if status in (401, 403):
            raise AxAuthError(
                f"AX refused the API key or the channel code (HTTP {status}). "
                f"Check both in the connection settings.{said}",
                status=status,
                server_message=server_message,
            )
        if status == 404:
            raise AxNotFoundError(
                f"AX does not know {not_found} (HTTP 404).{said}",
                status=status,
                server_message=server_message,
            )
        if status in (400, 409, 422):
            reason = server_message or (errors[0] if errors else "no reason was given")
            if server_message and errors:
                reason = f"{server_message} ({'; '.join(errors[:3])})"
            elif len(errors) > 1:
                reason = "; ".join(errors[:3])
            raise AxRejectedError(
                f"AX refused the request (HTTP {status}): {reason}",
                status=status,
                server_message=server_message,
                errors=errors,
            )
        if status == 429:
            retry_after = _retry_after_seconds(response.headers.get("retry-after"))
            wait = (
                f" Try again in {retry_after:.0f} seconds."
                if retry_after is not None
                else " Try again shortly."
            )
            raise AxRateLimitedError(
                f"AX is receiving too many requests (HTTP 429).{wait}",
                status=status,
                server_message=server_message,
                retry_after=retry_after,
            )
        if 500 <= status < 600:
            page = " It answered with a web page." if web_page else ""
            if status in RETRY_STATUSES:
                message = f"AX is temporarily unavailable (HTTP {status}).{page}"
            else:
                message = f"AX had an internal problem (HTTP {status}).{page}"
            if method != "GET":
                message += " The request may or may not have been applied."
            raise AxServerError(
                message + said,
                status=status,
                server_message=server_message,
                outcome_unknown=method != "GET",  # a read cannot have changed anything
            )
        raise AxError(
            f"AX answered with an unexpected HTTP status {status}.{said}",
            status=status,
            server_message=server_message,
        )
