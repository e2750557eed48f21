"""The answer size is capped after decompression, and the body is read in pieces.

Before the cap, a 204 KB gzip body grew the process by 622 MB and a 200 MB JSON
body by 764 MB: httpx inflates a whole network read at once and keeps every
byte. Now the client reads and inflates in bounded pieces and stops at the
call's cap (``CALL_LIMITS``): an ``AxMalformedResponseError`` with a sentence.
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
import uuid
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest
from page_examples import GET_CONFIRM_200, INVENTORY_NEW, PRODUCT_CODE

from axdesk.api import CALL_LIMITS, AxClient, AxMalformedResponseError

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
MB = 1024 * 1024


def client_answering(response: httpx.Response | httpx.MockTransport) -> AxClient:
    transport = (
        response
        if isinstance(response, httpx.MockTransport)
        else httpx.MockTransport(lambda request: response)
    )
    return AxClient(
        "https://test.ax-cloud.com", API_KEY, CHANNEL_CODE, transport=transport, max_retries=0
    )


def bomb(expanded: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join([*(packer.compress(block) for _ in range(expanded // MB)), packer.flush()])


def test_the_cap_is_set_from_a_year_of_inventory_with_margin() -> None:
    # The inventory benchmark's year (20 options x 365 days x 3 times, 21,900 slots)
    # is 6.6 MB; the cap leaves room for about five times as many options.
    assert CALL_LIMITS.inventory.max_bytes == 32 * MB
    assert CALL_LIMITS.order_status.max_bytes == 4 * MB
    assert CALL_LIMITS.create_order.max_bytes == 4 * MB
    assert CALL_LIMITS.cancel_ticket.max_bytes == 1 * MB


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    body = bomb(256 * MB)  # 256 MiB of zeros in about 250 KB
    response = httpx.Response(
        200,
        stream=httpx.ByteStream(body),  # content= would make httpx inflate it right here
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        with (
            client_answering(response) as client,
            pytest.raises(AxMalformedResponseError, match="larger than") as raised,
        ):
            client.get_inventory(PRODUCT_CODE)
        peak = tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()
    print(f"gzip bomb of {len(body) / 1024:.0f} KB (256 MiB inflated): peak {peak / MB:.1f} MB")
    assert peak < 50 * MB
    assert "32 MB" in str(raised.value)


def test_a_huge_plain_body_is_refused_at_the_cap() -> None:
    block = b" " * MB

    class Endless(httpx.SyncByteStream):
        def __init__(self) -> None:
            self.sent = 0

        def __iter__(self) -> Iterator[bytes]:
            while self.sent < 200 * MB:
                self.sent += len(block)
                yield block

    stream = Endless()
    response = httpx.Response(200, stream=stream, headers={"Content-Type": "application/json"})
    with (
        client_answering(response) as client,
        pytest.raises(AxMalformedResponseError, match="larger than"),
    ):
        client.get_order_status("abc")
    assert stream.sent <= CALL_LIMITS.order_status.max_bytes + 2 * MB  # it stopped reading


def test_a_content_length_over_the_cap_is_refused_before_reading() -> None:
    class Untouchable(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            raise AssertionError("the body must not be read")

    response = httpx.Response(200, stream=Untouchable(), headers={"Content-Length": str(5 * MB)})
    with (
        client_answering(response) as client,
        pytest.raises(AxMalformedResponseError, match="larger than"),
    ):
        client.cancel_ticket("o", "t")


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [("gzip", gzip.compress), ("x-gzip", gzip.compress), ("deflate", zlib.compress)],
)
def test_compressed_answers_are_read(encoding: str, encode: Callable[[bytes], bytes]) -> None:
    body = encode(GET_CONFIRM_200.encode())
    response = httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"Content-Encoding": encoding}
    )
    with client_answering(response) as client:
        assert client.get_order_status("abc")[0].ax_order_code


def test_raw_deflate_is_read_like_httpx_reads_it() -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = packer.compress(GET_CONFIRM_200.encode()) + packer.flush()
    response = httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"Content-Encoding": "deflate"}
    )
    with client_answering(response) as client:
        assert client.get_order_status("abc")[0].ax_order_code


def test_two_gzip_members_are_read_as_one_answer() -> None:
    data = INVENTORY_NEW.encode()
    body = gzip.compress(data[:100]) + gzip.compress(data[100:])
    response = httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"Content-Encoding": "gzip"}
    )
    with client_answering(response) as client:
        assert client.get_inventory(PRODUCT_CODE).options


@pytest.mark.parametrize(
    ("encoding", "body"),
    [("gzip", b"\x1f\x8b\x08\x00not gzip at all"), ("br", b"whatever"), ("gzip", b"")],
)
def test_an_answer_compressed_wrongly_is_a_sentence(encoding: str, body: bytes) -> None:
    response = httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"Content-Encoding": encoding}
    )
    with (
        client_answering(response) as client,
        pytest.raises(AxMalformedResponseError, match=r"could not be decoded|compressed"),
    ):
        client.get_order_status("abc")


def test_the_client_asks_only_for_encodings_it_reads() -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["accept-encoding"])
        return httpx.Response(200, content=GET_CONFIRM_200.encode())

    with client_answering(httpx.MockTransport(handle)) as client:
        client.get_order_status("abc")
    assert seen == ["gzip, deflate"]


def test_an_honest_year_of_inventory_is_read_whole() -> None:
    (code, (slot, *_)), *_ = json.loads(INVENTORY_NEW)["option_codes"].items()
    slots = [
        {**slot, "inventory_code": str(uuid.UUID(int=number)), "date": f"2030-01-{day:02d}"}
        for number, day in ((number, 1 + number % 28) for number in range(21_900))
    ]
    raw = json.dumps({"status_code": 200, "option_codes": {code: slots}}).encode()
    assert CALL_LIMITS.order_status.max_bytes < len(raw) < CALL_LIMITS.inventory.max_bytes
    response = httpx.Response(
        200, stream=httpx.ByteStream(gzip.compress(raw)), headers={"Content-Encoding": "gzip"}
    )
    with client_answering(response) as client:
        inventory = client.get_inventory(PRODUCT_CODE)
    assert len(inventory.options[code]) == 21_900
