"""A desk process for the team-journal tests: sends one order and dies before recording AX's answer.

Usage: team_desk_driver.py JOURNAL_URL BASE_URL API_KEY CHANNEL_CODE REQUEST_JSON_FILE

Holds the order (as a desk does while sending it), journals it, counts the
POST, sends it to AX, prints ``POSTED`` and then waits to be killed: the
journal is left "sending" with an uncertain POST that AX applied, exactly as
a desk killed mid-send leaves it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from axdesk.api import AxClient, OrderRequest
from axdesk.store import open_journal
from axdesk.store.journal_activity import Actor


def main(url: str, base_url: str, api_key: str, channel_code: str, request_file: str) -> None:
    request = OrderRequest.from_wire(json.loads(Path(request_file).read_text("utf-8")))
    journal = open_journal(url)
    journal.act_as(Actor("Doomed", "desk-killed"))
    code = request.order.channel_order_code
    with journal.hold_order(code) as held, AxClient(base_url, api_key, channel_code) as ax:
        assert held
        body = journal.record_sending(request, endpoint=ax.base_url)
        journal.note_attempt(code)
        ax.create_order(request, body=body.encode("utf-8"))
        print("POSTED", flush=True)
        time.sleep(600)  # killed here, before the answer is recorded


if __name__ == "__main__":
    main(*sys.argv[1:6])
