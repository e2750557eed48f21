"""Where each order went: the AX server an order may be sent to, or asked about on.

One journal holds the orders of every connection profile (production, test,
custom servers), so every channel order records the AX server it was sent to
(or looked up on), as :func:`normalize_endpoint` writes the client's base URL.
An order is only ever re-sent to, or asked about on, that server:
``needs_reconciliation`` and ``non_final_ax_orders``
(``axdesk.store.journal_queries``) given an endpoint list only that server's
orders, and :meth:`JournalEndpoints.check_endpoint` refuses the others with a
sentence naming where the order went. Orders journaled before axdesk kept the
endpoint have none (NULL). Nothing tells where those went, so they are never
re-sent or polled on their own: a filtered list leaves them out, the
unfiltered lists (no endpoint given) still show them with ``endpoint=None`` so
the UI can say they need the operator, and they get an endpoint only by an
explicit act of the operator (:meth:`JournalEndpoints.assign_endpoint`, or
importing AX's answer for the order from a lookup on that server, see
``OrderJournal.import_remote_order``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from axdesk.api import AxError
from axdesk.store.db import locked, time_to_db, transaction
from axdesk.store.journal_base import JournalBase, JournalError
from axdesk.store.problems import Problem
from axdesk.store.problems import template as _t

# Sentences that reach the screen (typed, worded by the UI; see axdesk.store.problems).
SENT_ELSEWHERE = _t("This order was sent to %1; connect to that server to check it.")
SERVER_NOT_RECORDED = _t(
    "axdesk did not record which AX server the order %1 was sent to, so it is not checked "
    "or sent again on its own. Connect to the server it was taken on and confirm there that "
    "it belongs to that server."
)


class EndpointError(JournalError, AxError):
    """The order may not be sent to, or asked about on, the AX server in use.

    An ``AxError`` too, so the UI shows its sentence like any answer from AX.
    ``endpoint`` is where the order went (None: not recorded); ``current`` is
    the server in use.
    """

    def __init__(
        self, message: str, channel_order_code: str, endpoint: str | None, current: str
    ) -> None:
        super().__init__(message)
        self.channel_order_code = channel_order_code
        self.endpoint = endpoint
        self.current = current


class OtherEndpointError(EndpointError):
    """The order was sent to another AX server than the one in use."""

    def __init__(self, channel_order_code: str, endpoint: str, current: str) -> None:
        super().__init__(
            Problem(SENT_ELSEWHERE, endpoint),
            channel_order_code,
            endpoint,
            current,
        )


class UnrecordedEndpointError(EndpointError):
    """The journal does not know which AX server the order went to (journaled before v2)."""

    def __init__(self, channel_order_code: str, current: str) -> None:
        super().__init__(
            Problem(SERVER_NOT_RECORDED, channel_order_code),
            channel_order_code,
            None,
            current,
        )


def normalize_endpoint(base_url: str) -> str:
    """The AX server address as the journal records it: ``scheme://host[:port][/path]``.

    Scheme and host in lower case, the default port (443, 80) and trailing
    slashes dropped, so one server is always written one way. Raises
    :class:`JournalError` for text that names no server.
    """
    text = base_url.strip() if isinstance(base_url, str) else ""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise JournalError(f"The AX server address {text[:80]!r} cannot be recorded with an order.")
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != {"https": 443, "http": 80}[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}{parts.path.rstrip('/')}"


class JournalEndpoints(JournalBase):
    """The journal's record of where each order went (see the module docstring)."""

    def endpoint_of(self, channel_order_code: str) -> str | None:
        """The AX server the order was sent to; None when not recorded (journaled before v2)."""
        with locked(self._conn):
            order_id = self._require_order(channel_order_code)
            row = self._conn.execute(
                "SELECT endpoint FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
        return None if row[0] is None else str(row[0])

    def check_endpoint(self, channel_order_code: str, endpoint: str) -> None:
        """Allow sending or asking about the order on ``endpoint``, or raise.

        Raises :class:`OtherEndpointError` when it went to another server and
        :class:`UnrecordedEndpointError` when the journal does not know where
        it went (only the operator can say, see :meth:`assign_endpoint`).
        """
        current = normalize_endpoint(endpoint)
        recorded = self.endpoint_of(channel_order_code)
        if recorded is None:
            raise UnrecordedEndpointError(channel_order_code, current)
        if recorded != current:
            raise OtherEndpointError(channel_order_code, recorded, current)

    def assign_endpoint(self, channel_order_code: str, endpoint: str) -> None:
        """The operator says the order went to ``endpoint``: record it where none is recorded.

        Only for orders journaled before the endpoint was kept; an endpoint
        already recorded is never changed (:class:`OtherEndpointError` when
        another one is given; the same one again is a no-op).
        """
        server = normalize_endpoint(endpoint)
        with transaction(self._conn):
            order_id = self._require_order(channel_order_code)
            row = self._conn.execute(
                "SELECT endpoint FROM channel_order WHERE id = ?", (order_id,)
            ).fetchone()
            if row[0] is not None:
                if row[0] != server:
                    raise OtherEndpointError(channel_order_code, str(row[0]), server)
                return
            self._conn.execute(
                "UPDATE channel_order SET endpoint = ?, updated_at = ? WHERE id = ?",
                (server, time_to_db(self._now()), order_id),
            )
