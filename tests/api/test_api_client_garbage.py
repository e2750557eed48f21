"""A call to AX leaves no reference cycle behind.

In the app Python's cyclic collector runs on the GUI thread only
(``axdesk.ui.shell.memory``), so every cycle a worker's call leaves is GUI time:
live sync's Get Confirm left ~60 cyclic objects per answer (the body reader's
recursive closure, httpx's response and stream referring to each other with the
request and the pool's bookkeeping hanging off them, a JSON error kept with its
traceback), ~60,000 a cycle of 1,000 orders, collected in 20-30 ms passes several
times a cycle. A refcount frees what a call made the moment it ends.
"""

from __future__ import annotations

import gc
import gzip
import zlib

import httpx
import pytest
from page_examples import GET_CONFIRM_200

from axdesk.api import AxClient


def _answering(coding: str) -> httpx.MockTransport:
    body = GET_CONFIRM_200.encode()
    headers = {"Content-Type": "application/json"}
    if coding == "gzip":
        body = gzip.compress(body)
    elif coding == "deflate, gzip":
        body = gzip.compress(zlib.compress(body))
    if coding:
        headers["Content-Encoding"] = coding
    # A stream, as from the network (content= would hand the reader a body already read).
    return httpx.MockTransport(
        lambda request: httpx.Response(200, stream=httpx.ByteStream(body), headers=headers)
    )


def _cyclic_garbage() -> list[str]:
    """What the collector finds unreachable now, by type; then freed."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    gc.collect()
    gc.set_debug(0)
    found = [f"{type(thing).__module__}.{type(thing).__qualname__}" for thing in gc.garbage]
    functions = [
        f"{thing.__module__}.{thing.__qualname__}"
        for thing in gc.garbage
        if callable(thing) and hasattr(thing, "__qualname__")
    ]
    gc.garbage.clear()
    gc.collect()  # saved aside they were still cycles: freed now, not found again
    return sorted(set(found + functions))


@pytest.mark.usefixtures("no_cyclic_collection")
@pytest.mark.parametrize("coding", ["", "gzip", "deflate, gzip"])
def test_get_confirm_leaves_no_cycle(coding: str) -> None:
    client = AxClient(
        "https://test.ax-cloud.com",
        "api_key_secret_0123456789",
        "code_secret_abcdef",
        transport=_answering(coding),
        max_retries=0,
        on_call=lambda record: None,
    )
    with client:
        client.get_order_status("warm-up")  # what is made once per client, not per call
        _cyclic_garbage()
        for number in range(5):
            statuses = client.get_order_status(f"order-{number}")
            assert statuses[0].ax_order_code
        assert _cyclic_garbage() == []
