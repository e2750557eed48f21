"""AX errors reach the operator in the language of the UI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from axdesk.api import (
    AxAuthError,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxRateLimitedError,
    AxRejectedError,
    AxServerError,
)
from axdesk.ui.common import i18n
from axdesk.ui.common.context import NotConnectedError
from axdesk.ui.common.error_text import ax_error_sentence, is_slow_answer
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.common.worker import describe_error

TS_FILE = translations_dir() / "axdesk_ko.ts"

REFUSED = AxAuthError(
    "AX refused the API key or the channel code (HTTP 403).",
    status=403,
    server_message="이 작업을 수행할 권한(permission)이 없습니다.",
)


@pytest.fixture
def korean(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    shutil.copy(TS_FILE, tmp_path / TS_FILE.name)
    i18n.build(tmp_path)
    translations = Translations(qapp, tmp_path)
    assert translations.apply("ko") == "ko"
    try:
        yield
    finally:
        translations.apply("en")


def test_in_english_the_clients_own_sentence_is_shown(qapp: QApplication) -> None:
    assert describe_error(REFUSED) == str(REFUSED)


@pytest.mark.usefixtures("korean")
def test_in_korean_a_refused_key_is_a_korean_sentence_with_what_ax_said() -> None:
    sentence = describe_error(REFUSED)
    assert sentence is not None
    assert sentence.startswith("AX가 API 키 또는 채널 코드를 거부했습니다.")
    assert "(HTTP 403)" in sentence
    assert "이 작업을 수행할 권한(permission)이 없습니다." in sentence
    assert "refused" not in sentence


@pytest.mark.usefixtures("korean")
def test_in_korean_a_refused_order_names_the_fields_ax_named() -> None:
    error = AxRejectedError(
        "AX refused the order.",
        status=400,
        errors=[f"depth_combinations[0].tickets[{n}].email: invalid" for n in range(5)],
    )
    sentence = ax_error_sentence(error)
    assert sentence.startswith("AX가 요청을 거절했습니다.")
    assert "depth_combinations[0].tickets[2].email" in sentence
    assert "tickets[3]" not in sentence
    assert sentence.endswith("…")


@pytest.mark.usefixtures("korean")
@pytest.mark.parametrize(
    ("error", "start"),
    [
        (AxNetworkError("Could not connect.", request_sent=False), "AX에 연결할 수 없습니다."),
        (AxNetworkError("Timed out.", request_sent=True), "AX가 제시간에 응답하지 않아"),
        (AxServerError("502", status=502), "AX 서버 오류로"),
        (AxServerError("500", status=500, outcome_unknown=False), "AX 서버 오류가 발생했습니다."),
        (AxMalformedResponseError("HTML"), "서버의 응답이 AX 데이터가 아닙니다."),
        (AxRateLimitedError("slow", retry_after=12.0), "AX에 요청이 너무 많습니다."),
    ],
)
def test_in_korean_each_kind_has_its_sentence(error: AxError, start: str) -> None:
    assert ax_error_sentence(error).startswith(start)


@pytest.mark.usefixtures("korean")
def test_an_error_of_no_known_kind_keeps_its_own_sentence() -> None:
    error = AxError("The number of retries must be zero or more.")
    assert ax_error_sentence(error) == str(error)


def test_in_english_not_being_connected_says_where_to_connect(qapp: QApplication) -> None:
    assert describe_error(NotConnectedError()) == (
        "Not connected to AX. Choose a connection in Connection > Connect."
    )


@pytest.mark.usefixtures("korean")
def test_in_korean_not_being_connected_is_a_korean_sentence() -> None:
    sentence = describe_error(NotConnectedError())
    assert sentence is not None
    assert sentence.startswith("AX에 연결되지 않았습니다.")
    assert "Connect" not in sentence


@pytest.mark.usefixtures("korean")
def test_in_korean_an_unreadable_answer_points_to_the_call_log() -> None:
    sentence = ax_error_sentence(AxMalformedResponseError("not JSON", status=200))
    assert sentence.startswith("서버의 응답이 AX 데이터가 아닙니다.")
    assert "잠시 후 다시 시도하세요" in sentence
    assert "호출 기록" in sentence
    assert sentence.endswith("(HTTP 200)")


def timed_out(request: str = "GET") -> AxNetworkError:
    """What the client raises when AX took the request but did not answer in time."""
    error = AxNetworkError(
        "AX did not answer within 10 seconds. The request was sent, so it may have been applied.",
        request_sent=True,
    )
    error.__cause__ = httpx.ReadTimeout("timed out", request=httpx.Request(request, "https://ax"))
    return error


def test_a_timeout_after_ax_took_the_request_is_slow_not_unreachable(qapp) -> None:
    assert is_slow_answer(timed_out())
    sentence = ax_error_sentence(timed_out())
    assert sentence.startswith("AX is slow to answer.")
    assert "reach" not in sentence
    refused = AxNetworkError("Could not connect to AX.", request_sent=False)
    refused.__cause__ = httpx.ConnectTimeout("connect timed out")
    assert not is_slow_answer(refused)  # AX never answered the connect: not reached
    dropped = AxNetworkError("The connection to AX was dropped.", request_sent=True)
    dropped.__cause__ = httpx.RemoteProtocolError("closed")
    assert not is_slow_answer(dropped)


@pytest.mark.usefixtures("korean")
def test_in_korean_a_slow_answer_says_ax_is_slow() -> None:
    assert ax_error_sentence(timed_out()).startswith("AX의 응답이 느립니다")
