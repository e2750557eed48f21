"""Errors raised by the AX channel client and the order builders.

Every error carries a human sentence as ``str(err)`` (English; the UI picks
its translation by class) and never contains the API key. The attributes
tell the caller what to do next:

* ``status``: the HTTP status, when the server answered.
* ``server_message``: the server's own ``message`` (or ``detail``), if any.
* ``outcome_unknown``: True when a write may have been applied although no
  answer arrived (read timeout, connection dropped after the request was
  sent, 5xx). The caller must reconcile before sending the write again.
  Never True for a read (GET): a read changes nothing at AX.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AxAuthError",
    "AxError",
    "AxMalformedResponseError",
    "AxNetworkError",
    "AxNotFoundError",
    "AxRateLimitedError",
    "AxRejectedError",
    "AxServerError",
    "OrderInputError",
]


class AxError(Exception):
    """Base of every error the client lets out; ``str(err)`` is a sentence for the user."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.server_message = server_message
        self.outcome_unknown = outcome_unknown

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor arguments would be lost by Exception's default pickling.
        return (_restore, (type(self), self.message, dict(self.__dict__)))


def _restore(cls: type[AxError], message: str, state: dict[str, Any]) -> AxError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class AxAuthError(AxError):
    """401/403: the API key or the channel code was refused."""


class AxNotFoundError(AxError):
    """404: the product, order or ticket code is unknown to AX."""


class AxRejectedError(AxError):
    """400/409/422: AX refused the request; ``errors`` holds its per-field messages."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        errors: list[str] | None = None,
    ) -> None:
        super().__init__(message, status=status, server_message=server_message)
        self.errors: list[str] = list(errors or [])


class AxRateLimitedError(AxError):
    """429: too many requests; ``retry_after`` is the server's wait in seconds, if given."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = 429,
        server_message: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status, server_message=server_message)
        self.retry_after = retry_after


class AxServerError(AxError):
    """5xx: AX failed; a write may or may not have been applied."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        outcome_unknown: bool = True,
    ) -> None:
        super().__init__(
            message, status=status, server_message=server_message, outcome_unknown=outcome_unknown
        )


class AxNetworkError(AxError):
    """No HTTP answer: connect failure, DNS, timeout or a dropped connection.

    ``request_sent`` is False only when the request certainly never reached
    the server (connect failure); then ``outcome_unknown`` is False too. A read
    that was sent is ``request_sent`` but not ``outcome_unknown``: only a write
    can have changed anything at AX (the client passes ``outcome_unknown``).
    """

    def __init__(
        self, message: str, *, request_sent: bool, outcome_unknown: bool | None = None
    ) -> None:
        super().__init__(
            message, outcome_unknown=request_sent if outcome_unknown is None else outcome_unknown
        )
        self.request_sent = request_sent


class AxMalformedResponseError(AxError):
    """The server answered, but not with AX data: HTML, empty body, invalid JSON, wrong shape."""


class OrderInputError(AxError, ValueError):
    """The user's order input (or a stored order) is inconsistent.

    It is a ``ValueError`` (the contract) and an ``AxError`` so that the UI
    shows its sentence instead of treating it as a bug.
    """
