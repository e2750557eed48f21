"""Error classes: sentences, attributes, and that they survive pickling and copying."""

from __future__ import annotations

import copy
import pickle

import pytest

from axdesk.api import (
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

ERRORS: list[AxError] = [
    AxError("plain", status=418, server_message="teapot"),
    AxAuthError("refused", status=403, server_message="권한"),
    AxNotFoundError("unknown", status=404),
    AxRejectedError("rejected", status=422, errors=["a: b"]),
    AxRateLimitedError("slow down", retry_after=7.0),
    AxServerError("broken", status=503),
    AxNetworkError("dropped", request_sent=True),
    AxMalformedResponseError("html", status=200),
    OrderInputError("no lines"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_errors_survive_pickle_and_copy(error: AxError) -> None:
    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):  # noqa: S301 (own bytes)
        assert type(clone) is type(error)
        assert str(clone) == str(error)
        assert vars(clone) == vars(error)


def test_attributes_and_defaults() -> None:
    assert str(AxAuthError("The key was refused.")) == "The key was refused."
    assert AxServerError("x", status=500).outcome_unknown is True
    assert AxRejectedError("x").errors == []
    assert AxRateLimitedError("x").status == 429
    sent = AxNetworkError("x", request_sent=True)
    unsent = AxNetworkError("x", request_sent=False)
    assert (sent.outcome_unknown, unsent.outcome_unknown) == (True, False)
    assert AxMalformedResponseError("x").outcome_unknown is False


def test_order_input_error_is_both_a_value_error_and_an_ax_error() -> None:
    error = OrderInputError("The order has no lines.")
    assert isinstance(error, ValueError)
    assert isinstance(error, AxError)
    assert error.status is None
    assert error.outcome_unknown is False
