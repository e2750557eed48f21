"""What the operator reads in Korean when a read through the app's client fails.

Before, a 5xx answer to an inventory read came back ``outcome_unknown`` (as if a
write), so the Korean sentence said "AX 서버 오류로 변경이 반영되었는지 알 수
없습니다" (not known whether the change was made) for a mere read.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_server import HostileServer, fixed
from PySide6.QtWidgets import QApplication

from axdesk.api import AxServerError
from axdesk.ui.common import i18n
from axdesk.ui.common.error_text import ax_error_sentence
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.connection.net import make_client
from axdesk.ui.connection.secrets import Credentials

TS_FILE = translations_dir() / "axdesk_ko.ts"
UNAVAILABLE = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"


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


@pytest.mark.usefixtures("korean")
def test_a_server_error_on_an_inventory_read_does_not_speak_of_a_change() -> None:
    server = HostileServer(fixed(UNAVAILABLE))
    try:
        client, _transport = make_client(
            server.base_url, Credentials("key-0123456789", "channel-0123"), None, max_retries=0
        )
        with client, pytest.raises(AxServerError) as raised:
            client.get_inventory("product-1")
    finally:
        server.close()
    sentence = ax_error_sentence(raised.value)
    assert sentence.startswith("AX 서버 오류가 발생했습니다.")
    assert "변경이 반영되었는지" not in sentence
