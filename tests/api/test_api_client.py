"""The client over httpx.MockTransport: headers, every answer variant, every error path."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from page_examples import (
    CANCEL_TICKET_200,
    CREATE_ORDER_201,
    CREATE_ORDER_REQUEST,
    GET_CONFIRM_200,
    INVENTORY_CURL_FLAT,
    INVENTORY_NEW,
    OPTION_CODE,
    PRODUCT_CODE,
)

from axdesk import __version__
from axdesk.api import (
    ENVIRONMENTS,
    UNKNOWN_OPTION,
    AxAuthError,
    AxClient,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    AxServerError,
    CallRecord,
    OrderRequest,
    OrderStatus,
    TicketStatus,
    encode_json,
)

API_KEY = "api_key_secret_0123456789"
CHANNEL_CODE = "code_secret_abcdef"
BASE_URL = "https://test.ax-cloud.com"
HTML_502 = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"

Handler = Callable[[httpx.Request], httpx.Response]


class Script:
    """A MockTransport handler answering from a list, recording every request it saw."""

    def __init__(self, *answers: httpx.Response | Exception | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(request)


def respond(status: int, body: str | bytes = b"", **headers: str) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers=headers)


def respond_json(status: int, payload: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


class Harness:
    def __init__(self, script: Script, **options: Any) -> None:
        self.script = script
        self.sleeps: list[float] = []
        self.records: list[CallRecord] = []
        options.setdefault("sleep", self.sleeps.append)
        options.setdefault("on_call", self.records.append)
        self.client = AxClient(
            options.pop("base_url", BASE_URL),
            API_KEY,
            CHANNEL_CODE,
            transport=httpx.MockTransport(script),
            **options,
        )

    @property
    def calls(self) -> int:
        return len(self.script.requests)


@pytest.fixture
def harness_factory() -> Iterator[Callable[..., Harness]]:
    made: list[Harness] = []

    def make(*answers: httpx.Response | Exception | Handler, **options: Any) -> Harness:
        harness = Harness(Script(*answers), **options)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.client.close()


def page_request() -> OrderRequest:
    return OrderRequest.from_wire(json.loads(CREATE_ORDER_REQUEST))


def drop(message: str = "Server disconnected without sending a response.") -> Exception:
    return httpx.RemoteProtocolError(message)


# --------------------------------------------------------------------------- construction


def test_environments_are_the_two_ax_hosts() -> None:
    assert ENVIRONMENTS == {
        "production": "https://prod.ax-cloud.com",
        "test": "https://test.ax-cloud.com",
    }


@pytest.mark.parametrize(
    "url",
    [
        "https://test.ax-cloud.com",
        "https://test.ax-cloud.com/",
        "http://127.0.0.1:8765",
        "http://127.3.2.1:8765",
        "http://localhost:8000",
        "http://[::1]:8000",
        "https://example.org/prefix",
    ],
)
def test_https_or_loopback_base_urls_are_accepted(url: str) -> None:
    with AxClient(url, API_KEY, CHANNEL_CODE, transport=httpx.MockTransport(Script())) as client:
        assert client.base_url == url.rstrip("/")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://test.ax-cloud.com", "must use https://"),
        ("http://10.0.0.5:8000", "must use https://"),
        ("http://128.0.0.1", "must use https://"),
        ("ftp://test.ax-cloud.com", "must start with https://"),
        ("test.ax-cloud.com", "must start with https://"),
        ("", "No AX server address"),
        ("https://user:pw@test.ax-cloud.com", "user name or password"),
        ("https://test.ax-cloud.com/?debug=1", "query"),
        ("https://exa mple.com", "not a valid URL"),
        ("https://test.ax-cloud.com:99999", "no valid port"),
        ("http://127.0.0.1:0", "no valid port"),
    ],
)
def test_unsafe_or_broken_base_urls_are_refused_with_a_sentence(url: str, fragment: str) -> None:
    with pytest.raises(AxError, match=fragment) as caught:
        AxClient(url, API_KEY, CHANNEL_CODE)
    assert API_KEY not in str(caught.value)


@pytest.mark.parametrize(
    ("key", "code", "fragment"),
    [
        ("", CHANNEL_CODE, "API key is empty"),
        (API_KEY, "  ", "channel code is empty"),
        (API_KEY + "\n", CHANNEL_CODE, "API key contains spaces"),
        ("키" + API_KEY, CHANNEL_CODE, "API key contains"),
    ],
)
def test_unusable_credentials_are_refused_without_echoing_them(
    key: str, code: str, fragment: str
) -> None:
    with pytest.raises(AxError, match=fragment) as caught:
        AxClient(BASE_URL, key, code)
    assert API_KEY not in str(caught.value)


@pytest.mark.parametrize(
    "options", [{"timeout": 0}, {"timeout": -1.0}, {"timeout": True}, {"max_retries": -1}]
)
def test_nonsense_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(AxError):
        AxClient(BASE_URL, API_KEY, CHANNEL_CODE, **options)


def test_timeouts_are_explicit() -> None:
    with AxClient(BASE_URL, API_KEY, CHANNEL_CODE, timeout=20.0) as client:
        timeout = client._http.timeout
        assert (timeout.connect, timeout.read, timeout.write) == (5.0, 20.0, 20.0)


def test_repr_and_str_hide_key_and_channel_code() -> None:
    with AxClient(BASE_URL, API_KEY, CHANNEL_CODE) as client:
        for text in (repr(client), str(client), f"{client!r}", repr(vars(client))):
            assert API_KEY not in text
            assert CHANNEL_CODE not in text
        assert "api_key='***'" in repr(client)
        assert BASE_URL in repr(client)


# --------------------------------------------------------------------------- requests


def test_every_request_carries_both_credentials_and_json_headers(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(200, INVENTORY_NEW))
    harness.client.get_inventory(PRODUCT_CODE)
    (request,) = harness.script.requests
    assert request.method == "GET"
    assert request.url.path == f"/v1/channel/inventory/tour/{PRODUCT_CODE}"
    assert request.url.query == b""
    assert request.headers["Authorization"] == f"Token {API_KEY}"
    assert request.headers["Channel"] == f"Code {CHANNEL_CODE}"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"] == f"axdesk/{__version__}"
    assert "x-csrftoken" not in request.headers


def test_inventory_date_range_is_sent_as_query(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, INVENTORY_NEW))
    harness.client.get_inventory(PRODUCT_CODE, date(2023, 3, 1), date(2023, 3, 31))
    params = harness.script.requests[0].url.params
    assert (params["start_date"], params["end_date"]) == ("2023-03-01", "2023-03-31")


def test_inventory_range_backwards_is_refused_before_sending(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(200, INVENTORY_NEW))
    with pytest.raises(AxError, match="start date 2023-03-31 is after the end date"):
        harness.client.get_inventory(PRODUCT_CODE, date(2023, 3, 31), date(2023, 3, 1))
    assert harness.calls == 0


def test_codes_are_quoted_into_the_path(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200))
    harness.client.get_order_status("a/b c")
    assert harness.script.requests[0].url.raw_path == b"/v1/channel/orders/tour/a%2Fb%20c"


def test_empty_codes_are_refused_before_sending(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200))
    with pytest.raises(AxError, match="No order code"):
        harness.client.get_order_status(" ")
    with pytest.raises(AxError, match="No product code"):
        harness.client.get_inventory("")
    with pytest.raises(AxError, match="No ticket code"):
        harness.client.cancel_ticket("order", "")
    assert harness.calls == 0


def test_a_cookie_set_by_the_server_never_goes_with_later_calls(
    harness_factory: Callable[..., Harness],
) -> None:
    """AX authenticates by the two headers: a cookie set by a server (or a proxy on the
    way) is state the journal knows nothing of, and must not ride along on later calls."""
    harness = harness_factory(
        respond(200, GET_CONFIRM_200, **{"Set-Cookie": "session=abc; Path=/"}),
        respond(200, GET_CONFIRM_200),
    )
    harness.client.get_order_status("first")
    harness.client.get_order_status("second")
    assert [request.headers.get("Cookie") for request in harness.script.requests] == [None, None]


def test_base_url_prefix_is_kept(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200), base_url="https://gw.example/ax/")
    harness.client.get_order_status("abc")
    assert str(harness.script.requests[0].url) == "https://gw.example/ax/v1/channel/orders/tour/abc"


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize(
    ("body", "option"),
    [
        (INVENTORY_NEW, OPTION_CODE),
        (json.dumps({"status_code": 200, "data": {"option_codes": {"o": []}}}), "o"),
        (json.dumps({"status_code": 200, "data": {"o": []}}), "o"),
        (INVENTORY_CURL_FLAT.replace(": c2befdbe-57fa-4a47-9132-f7f8153b5f2c", ': "c2"')
         .replace(": 0c529494-955f-4429-8fe6-6afc67d2a058", ': "0c"')
         .replace(": 2269ced3-3cf9-4a75-b1fd-c6aa36a189e9", ': "22"'), UNKNOWN_OPTION),
    ],
)  # fmt: skip
def test_get_inventory_reads_every_shape(
    harness_factory: Callable[..., Harness], body: str, option: str
) -> None:
    harness = harness_factory(respond(200, body))
    inventory = harness.client.get_inventory(PRODUCT_CODE)
    assert list(inventory.options) == [option]
    assert inventory.product_code == PRODUCT_CODE


def test_create_order_sends_the_exact_wire_bytes_and_reads_the_example(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(201, CREATE_ORDER_201))
    request = page_request()
    created = harness.client.create_order(request)
    (sent,) = harness.script.requests
    assert sent.method == "POST"
    assert sent.url.path == "/v1/channel/orders/tour"
    assert sent.content == encode_json(request.to_wire())
    body = json.loads(sent.content)
    assert body["depth_combinations"][0]["unit_selling_price"] == "2222.00000"
    assert body["order"]["purchased_at"] == "2017-05-23T23:30:00Z"
    assert created.depth_combinations[0].quantity == 2
    assert created.channel_order_status is OrderStatus.NEW


def test_create_order_sends_a_given_body_as_it_is_without_encoding_the_request_again(
    harness_factory: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    harness = harness_factory(respond(201, CREATE_ORDER_201))
    request = page_request()
    journaled = encode_json(request.to_wire())  # what the journal recorded before the POST

    def no_second_encoding(_self: OrderRequest) -> Any:
        raise AssertionError("the request was encoded again")

    monkeypatch.setattr(OrderRequest, "to_wire", no_second_encoding)
    created = harness.client.create_order(request, body=journaled)
    (sent,) = harness.script.requests
    assert sent.content == journaled
    assert created.channel_order_status is OrderStatus.NEW


def test_create_order_refuses_a_body_that_is_not_bytes(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(201, CREATE_ORDER_201))
    request = page_request()
    with pytest.raises(AxError, match="JSON as bytes"):
        harness.client.create_order(request, body=encode_json(request.to_wire()).decode())  # type: ignore[arg-type]
    assert harness.script.requests == []


def test_create_order_reads_the_wrapped_form(harness_factory: Callable[..., Harness]) -> None:
    wrapped = '{"status_code": 201, "data": ' + CREATE_ORDER_201 + "}"
    harness = harness_factory(respond(201, wrapped))
    created = harness.client.create_order(page_request())
    assert created.channel_order_code == "915c1218-f41c-492b-bb0b-96177ff4d2ee"


def test_get_order_status_reads_the_confirm_example(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200))
    (info,) = harness.client.get_order_status("d96b2ed4-12c5-4fb5-ae94-4f39b11ee980")
    assert info.status is OrderStatus.SUPPLIER_CONFIRM
    assert info.comment == "Supplier 확정"


def test_cancel_ticket_patches_and_reads_the_example(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(200, CANCEL_TICKET_200), respond(200, CANCEL_TICKET_200))
    cancelled = harness.client.cancel_ticket("ax-order", "ticket-1", comment="여행자 요청")
    harness.client.cancel_ticket("ax-order", "ticket-1")
    first, second = harness.script.requests
    assert first.method == "PATCH"
    assert first.url.path == "/v1/channel/orders/tour/ax-order/tickets/ticket-1"
    assert json.loads(first.content) == {"status": "Traveler canceled", "comment": "여행자 요청"}
    assert json.loads(second.content) == {"status": "Traveler canceled"}
    assert cancelled.ax_ticket_status is TicketStatus.TRAVELER_CANCELED


# --------------------------------------------------------------------------- HTTP errors


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_auth_errors(
    harness_factory: Callable[..., Harness], status: int
) -> None:
    harness = harness_factory(
        respond_json(status, {"message": "이 작업을 수행할 권한(permission)이 없습니다."})
    )
    with pytest.raises(AxAuthError) as caught:
        harness.client.get_order_status("abc")
    error = caught.value
    assert "refused the API key or the channel code" in str(error)
    assert error.status == status
    assert error.server_message == "이 작업을 수행할 권한(permission)이 없습니다."
    assert error.outcome_unknown is False
    assert harness.calls == 1


def test_unknown_code_is_not_found(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(404, "{'message': '찾을 수 없습니다.'}"))
    with pytest.raises(AxNotFoundError, match="AX does not know the order abc") as caught:
        harness.client.get_order_status("abc")
    assert caught.value.status == 404
    # The page's error example uses Python quotes, so no server message can be read.
    assert caught.value.server_message is None


def test_not_found_with_json_message(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond_json(404, {"message": "찾을 수 없습니다."}))
    with pytest.raises(AxNotFoundError, match="the product p1") as caught:
        harness.client.get_inventory("p1")
    assert caught.value.server_message == "찾을 수 없습니다."
    assert "AX said: 찾을 수 없습니다." in str(caught.value)


@pytest.mark.parametrize(
    ("status", "payload", "errors"),
    [
        (
            400,
            {"message": "invalid order", "errors": ["sub_total does not match", "bad email"]},
            ["sub_total does not match", "bad email"],
        ),
        (409, {"message": "A used ticket cannot be cancelled."}, []),
        (
            422,
            {"detail": [{"loc": ["body", "order", "total"], "msg": "field required"}]},
            ["order.total: field required"],
        ),
        (400, {"errors": {"email": ["Enter a valid email."]}}, ["email: Enter a valid email."]),
        (400, {"phone": ["This field is required."]}, ["phone: This field is required."]),
    ],
)
def test_rejections_carry_the_servers_errors(
    harness_factory: Callable[..., Harness],
    status: int,
    payload: dict[str, Any],
    errors: list[str],
) -> None:
    harness = harness_factory(respond_json(status, payload))
    with pytest.raises(AxRejectedError) as caught:
        harness.client.create_order(page_request())
    error = caught.value
    assert error.status == status
    assert error.errors == errors
    assert error.outcome_unknown is False
    assert str(error).startswith(f"AX refused the request (HTTP {status}): ")
    assert (errors[0] if errors else payload["message"]) in str(error)


def test_rejection_without_a_body_still_has_a_sentence(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(409))
    with pytest.raises(AxRejectedError, match=r"\(HTTP 409\): no reason was given"):
        harness.client.cancel_ticket("o", "t")


def test_other_4xx_is_a_plain_ax_error(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(405, "Method Not Allowed"))
    with pytest.raises(AxError, match="unexpected HTTP status 405") as caught:
        harness.client.get_order_status("abc")
    assert type(caught.value) is AxError


def test_status_in_body_overrides_http_200(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond_json(200, {"status_code": 403, "message": "no"}))
    with pytest.raises(AxAuthError):
        harness.client.get_order_status("abc")


def test_redirects_are_not_followed(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(301, location="http://evil.example/steal"))
    with pytest.raises(AxMalformedResponseError, match="redirect") as caught:
        harness.client.get_order_status("abc")
    assert caught.value.status == 301
    assert harness.calls == 1


# --------------------------------------------------------------------------- malformed answers


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"", "empty body"),
        (b"<html><body>Please log in</body></html>", "web page, not AX data"),
        (INVENTORY_CURL_FLAT.encode(), "not valid JSON"),
        (b'{"status_code": 200, "data": [{"channel_order_code": "x"}]}', "shape"),
        (b'"just a string"', "shape"),
    ],
)
def test_malformed_2xx_answers_are_malformed_errors(
    harness_factory: Callable[..., Harness], body: bytes, fragment: str
) -> None:
    harness = harness_factory(respond(200, body))
    with pytest.raises(AxMalformedResponseError, match=fragment) as caught:
        harness.client.get_order_status("abc")
    assert caught.value.status == 200
    assert caught.value.outcome_unknown is False
    assert harness.calls == 1
    assert harness.sleeps == []


def test_malformed_created_order_is_reported_with_its_status(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(201, b'{"channel_order_code": "x"}'))
    with pytest.raises(AxMalformedResponseError, match="created order") as caught:
        harness.client.create_order(page_request())
    assert caught.value.status == 201
    assert caught.value.outcome_unknown is True  # AX took it; what it made was not read


@pytest.mark.parametrize(
    "body", [b"", b"<html>thanks</html>", b'{"unexpected": true}', b"\x1f\x8b junk"]
)
def test_an_unreadable_answer_to_a_write_that_ax_accepted_is_unknown(
    harness_factory: Callable[..., Harness], body: bytes
) -> None:
    harness = harness_factory(respond(200, body))
    with pytest.raises(AxMalformedResponseError) as caught:
        harness.client.cancel_ticket("o", "t")
    assert caught.value.outcome_unknown is True  # cancelled or not: it must be settled


# --------------------------------------------------------------------------- 5xx and 429


def test_html_502_is_a_server_error_and_get_retries_with_backoff(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(502, HTML_502, **{"content-type": "text/html"}))
    with pytest.raises(AxServerError) as caught:
        harness.client.get_inventory(PRODUCT_CODE)
    error = caught.value
    assert str(error) == "AX is temporarily unavailable (HTTP 502). It answered with a web page."
    assert error.status == 502
    assert error.outcome_unknown is False  # a read: nothing can have been applied
    assert harness.calls == 4  # one try and max_retries=3 retries
    assert len(harness.sleeps) == 3
    for number, delay in enumerate(harness.sleeps):
        full = 0.5 * 2**number
        assert full / 2 <= delay <= full  # jittered, growing
    assert [record.attempt for record in harness.records] == [1, 2, 3, 4]


def test_backoff_is_capped(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(503), max_retries=8)
    with pytest.raises(AxServerError):
        harness.client.get_order_status("abc")
    assert len(harness.sleeps) == 8
    assert max(harness.sleeps) <= 8.0


@pytest.mark.parametrize("status", [502, 503, 504])
def test_get_recovers_after_a_transient_gateway_error(
    harness_factory: Callable[..., Harness], status: int
) -> None:
    harness = harness_factory(respond(status), respond(200, GET_CONFIRM_200))
    (info,) = harness.client.get_order_status("abc")
    assert info.status is OrderStatus.SUPPLIER_CONFIRM
    assert harness.calls == 2
    assert len(harness.sleeps) == 1


def test_500_is_not_retried(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond_json(500, {"message": "boom"}))
    with pytest.raises(AxServerError, match="internal problem \\(HTTP 500\\)") as caught:
        harness.client.get_order_status("abc")
    assert caught.value.server_message == "boom"
    assert harness.calls == 1


def test_max_retries_zero_means_a_single_try(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(503), max_retries=0)
    with pytest.raises(AxServerError):
        harness.client.get_order_status("abc")
    assert harness.calls == 1
    assert harness.sleeps == []


def test_429_honours_retry_after_seconds(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(429, **{"Retry-After": "7"}), respond(200, GET_CONFIRM_200))
    harness.client.get_order_status("abc")
    assert harness.sleeps == [7.0]


def test_429_retry_after_as_http_date(harness_factory: Callable[..., Harness]) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=12), usegmt=True)
    harness = harness_factory(respond(429, **{"Retry-After": when}), max_retries=0)
    with pytest.raises(AxRateLimitedError) as caught:
        harness.client.get_order_status("abc")
    assert caught.value.retry_after is not None
    assert 9.0 <= caught.value.retry_after <= 12.0
    assert caught.value.status == 429


def test_429_with_a_long_retry_after_goes_to_the_user(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(429, **{"Retry-After": "3600"}))
    with pytest.raises(AxRateLimitedError, match="Try again in 3600 seconds") as caught:
        harness.client.get_order_status("abc")
    assert caught.value.retry_after == 3600.0
    assert harness.calls == 1
    assert harness.sleeps == []


def test_429_without_or_with_junk_retry_after_backs_off(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(
        respond(429), respond(429, **{"Retry-After": "soon"}), respond(200, GET_CONFIRM_200)
    )
    harness.client.get_order_status("abc")
    assert len(harness.sleeps) == 2
    assert all(0 < delay <= 1.0 for delay in harness.sleeps)


# --------------------------------------------------------------------------- network failures


def test_connect_error_is_a_network_error_with_nothing_sent(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(AxNetworkError, match="connection was refused") as caught:
        harness.client.get_order_status("abc")
    assert caught.value.request_sent is False
    assert caught.value.outcome_unknown is False
    assert caught.value.status is None
    assert harness.calls == 4


def test_dns_failure_names_the_host(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(
        httpx.ConnectError("[Errno -2] Name or service not known"), max_retries=0
    )
    with pytest.raises(AxNetworkError, match=r"server name test\.ax-cloud\.com could not be found"):
        harness.client.get_order_status("abc")


def test_certificate_failure_is_named(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(
        httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        max_retries=0,
    )
    with pytest.raises(AxNetworkError, match="certificate could not be verified"):
        harness.client.get_order_status("abc")


def test_read_timeout_on_get_is_retried_then_reported(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(httpx.ReadTimeout("timed out"), timeout=4.0)
    with pytest.raises(AxNetworkError, match="did not answer within 4 seconds") as caught:
        harness.client.get_inventory(PRODUCT_CODE)
    assert caught.value.request_sent is True
    assert caught.value.outcome_unknown is False  # a read: nothing can have been applied
    assert harness.calls == 4


def test_dropped_connection_then_success(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(drop(), respond(200, INVENTORY_NEW))
    inventory = harness.client.get_inventory(PRODUCT_CODE)
    assert inventory.options[OPTION_CODE]
    assert harness.calls == 2
    assert [record.status for record in harness.records] == [None, 200]


@pytest.mark.parametrize(
    ("failure", "unknown"),
    [
        (httpx.ReadTimeout("timed out"), True),
        (drop(), True),
        (httpx.ReadError("connection reset"), True),
        (httpx.ConnectError("refused"), False),
        (respond(503), True),
        (respond(502, HTML_502), True),
        (respond(429, **{"Retry-After": "1"}), False),
    ],
)
def test_post_is_never_retried(
    harness_factory: Callable[..., Harness], failure: httpx.Response | Exception, unknown: bool
) -> None:
    harness = harness_factory(failure, respond(201, CREATE_ORDER_201))
    with pytest.raises(AxError) as caught:
        harness.client.create_order(page_request())
    assert caught.value.outcome_unknown is unknown
    assert harness.calls == 1
    assert harness.sleeps == []


@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("timed out"), drop(), respond(503), respond(429)]
)
def test_patch_is_never_retried(
    harness_factory: Callable[..., Harness], failure: httpx.Response | Exception
) -> None:
    harness = harness_factory(failure, respond(200, CANCEL_TICKET_200))
    with pytest.raises(AxError):
        harness.client.cancel_ticket("o", "t")
    assert harness.calls == 1
    assert harness.sleeps == []


def test_server_error_on_post_says_the_outcome_is_unknown(
    harness_factory: Callable[..., Harness],
) -> None:
    harness = harness_factory(respond(500))
    with pytest.raises(AxServerError, match="may or may not have been applied") as caught:
        harness.client.create_order(page_request())
    assert caught.value.outcome_unknown is True


@pytest.mark.parametrize("status", [500, 502, 503, 504, 599])
def test_a_server_error_on_a_read_leaves_nothing_unknown(
    harness_factory: Callable[..., Harness], status: int
) -> None:
    harness = harness_factory(respond(status), max_retries=0)
    with pytest.raises(AxServerError) as caught:
        harness.client.get_inventory(PRODUCT_CODE)
    assert caught.value.outcome_unknown is False  # only a write can have been applied
    assert "may or may not have been applied" not in str(caught.value)


# --------------------------------------------------------------------------- nothing else escapes


class Boom(Exception):
    pass


@pytest.mark.parametrize(
    ("call", "unknown"),
    [
        (lambda client: client.get_order_status("abc"), False),
        (lambda client: client.create_order(page_request()), True),
        (lambda client: client.cancel_ticket("o", "t"), True),
    ],
    ids=["get", "post", "patch"],
)
def test_unexpected_exceptions_become_ax_errors(
    harness_factory: Callable[..., Harness], call: Callable[[AxClient], object], unknown: bool
) -> None:
    harness = harness_factory(Boom("something odd"))
    with pytest.raises(AxError, match=r"failed unexpectedly \(Boom\)") as caught:
        call(harness.client)
    assert type(caught.value) is AxError
    assert caught.value.outcome_unknown is unknown
    assert harness.calls == 1


def test_other_httpx_failures_become_ax_errors(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(httpx.DecodingError("bad gzip"), max_retries=0)
    with pytest.raises(AxMalformedResponseError, match="could not be decoded"):
        harness.client.get_order_status("abc")


def test_wrong_argument_types_become_ax_errors(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200))
    with pytest.raises(AxError, match="complete order"):
        harness.client.create_order({"order": {}})  # type: ignore[arg-type]
    with pytest.raises(AxError, match="must be a date"):
        harness.client.get_inventory("p", start_date="2023-03-01")  # type: ignore[arg-type]
    with pytest.raises(AxError, match="comment must be text"):
        harness.client.cancel_ticket("o", "t", comment=5)  # type: ignore[arg-type]
    with pytest.raises(AxError, match="No order code"):
        harness.client.get_order_status(None)  # type: ignore[arg-type]
    assert harness.calls == 0


def test_a_closed_client_refuses_with_a_sentence(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(200, GET_CONFIRM_200))
    harness.client.close()
    harness.client.close()
    with pytest.raises(AxError, match="has been closed"):
        harness.client.get_order_status("abc")


def test_a_failing_call_hook_does_not_break_the_call(
    harness_factory: Callable[..., Harness],
) -> None:
    def broken_hook(record: CallRecord) -> None:
        raise RuntimeError("hook bug")

    harness = harness_factory(respond(200, GET_CONFIRM_200), on_call=broken_hook)
    assert harness.client.get_order_status("abc")[0].ax_order_code


# --------------------------------------------------------------------------- records, secrets


def test_call_records_describe_each_exchange(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond(503), respond(200, INVENTORY_NEW))
    harness.client.get_inventory(PRODUCT_CODE, start_date=date(2023, 3, 1))
    first, second = harness.records
    assert first.method == "GET"
    assert first.path == f"/v1/channel/inventory/tour/{PRODUCT_CODE}?start_date=2023-03-01"
    assert (first.status, second.status) == (503, 200)
    assert first.error is not None
    assert first.error.startswith("AxServerError: AX is temporarily unavailable")
    assert second.error is None
    assert second.duration_ms >= 0
    assert second.headers_redacted["authorization"] == "Token ***"
    assert second.headers_redacted["channel"] == "Code ***"
    assert second.headers_redacted["user-agent"] == f"axdesk/{__version__}"


def test_the_key_never_reaches_logs_errors_or_records(
    harness_factory: Callable[..., Harness], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"message": f"Token {API_KEY} is not valid for channel {CHANNEL_CODE}"}
    harness = harness_factory(
        respond(200, INVENTORY_NEW),
        respond_json(401, echo),
        respond(503),
        httpx.ConnectError(f"refused for {API_KEY}"),
        respond(200, GET_CONFIRM_200),
        Boom(f"odd {API_KEY}"),
        respond_json(422, {"errors": [f"key {API_KEY} invalid"]}),
        max_retries=1,
    )
    client = harness.client
    failures: list[AxError] = []
    client.get_inventory(PRODUCT_CODE)
    for action in (
        lambda: client.get_order_status("abc"),
        lambda: client.get_order_status("abc"),
        lambda: client.get_order_status("abc"),
        lambda: client.create_order(page_request()),
    ):
        try:
            action()
        except AxError as error:
            failures.append(error)
    assert [type(error) for error in failures] == [AxAuthError, AxNetworkError, AxError]
    texts = [record.getMessage() for record in caplog.records]
    texts += [f"{record.args!r}" for record in caplog.records]
    for error in failures:
        texts += [str(error), repr(error), repr(error.server_message)]
        texts += getattr(error, "errors", [])
    texts += [repr(record) for record in harness.records]
    assert any("AX refused the API key" in text for text in texts)
    for text in texts:
        assert API_KEY not in text
        assert CHANNEL_CODE not in text
    assert failures[0].server_message == "Token *** is not valid for channel ***"
    assert any(record.name == "axdesk.api" for record in caplog.records)


def test_rejection_errors_are_scrubbed_too(harness_factory: Callable[..., Harness]) -> None:
    harness = harness_factory(respond_json(422, {"errors": [f"key {API_KEY} invalid"]}))
    with pytest.raises(AxRejectedError) as caught:
        harness.client.create_order(page_request())
    assert caught.value.errors == ["key *** invalid"]
    assert API_KEY not in str(caught.value)


def test_an_interrupted_retry_wait_reports_the_original_failure(
    harness_factory: Callable[..., Harness],
) -> None:
    def interrupted(seconds: float) -> None:
        raise InterruptedError("cancelled by the user")

    harness = harness_factory(respond(503), sleep=interrupted)
    with pytest.raises(AxServerError, match="temporarily unavailable"):
        harness.client.get_order_status("abc")
    assert harness.calls == 1
