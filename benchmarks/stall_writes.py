"""GUI-thread stalls while axdesk writes to a slow AX: submit, cancel, a 500-order sync.

Run by ``runner.py --child writes``. An AX sandbox runs in a process of its own
(so its event loop does not share this process's GIL), with supplier confirms
off so that every order stays non-final for live sync. 500 orders are first
journaled through the real client and :class:`~axdesk.store.reconcile.Reconciler`
while the sandbox answers at once; then the sandbox is told to answer every
request after 2 s and each repetition measures, against an idle stretch of the
same heartbeat:

- submit: a filled New order form sent with ``OrderTab.submit`` until the
  outcome is in the journal and the form is cleared;
- cancel: one ticket cancelled through the Orders tab's ``TicketCancelling``
  until the tab says so;
- sync: the Orders tab's live sync over the 500 orders (three lanes, so at 2 s an
  answer a full cycle takes minutes): the first ``SYNC_WINDOW`` seconds of a cycle,
  in which answers arrive on three lanes and are written and shown in batches.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from stall_clock import heartbeat, longest_gap_ms, spin

ROOT = Path(__file__).resolve().parent.parent
SYNC_ORDERS = 500
SYNC_WINDOW = 10.0
AX_LATENCY = 2.0

SANDBOX_CODE = """
import json, sys
from axdesk.sandbox.embedded import start_sandbox
s = start_sandbox(confirm_after=None, random_seed=1)
print(json.dumps({'url': s.base_url, 'key': s.api_key, 'channel': s.channel_code,
                  'catalog': s.catalog()}), flush=True)
for line in sys.stdin:
    s.practice.set_slow(float(line))
    print('ok', flush=True)
s.stop()
"""


class SandboxProcess:
    """The sandbox in a child process; :meth:`set_slow` changes its latency."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", SANDBOX_CODE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdout is not None
        self.facts: dict[str, Any] = json.loads(self.process.stdout.readline())

    def set_slow(self, seconds: float) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(f"{seconds}\n")
        self.process.stdin.flush()
        self.process.stdout.readline()

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=20)


def journal_orders(shell: Any, count: int) -> list[str]:
    """``count`` one-traveler orders sent through the reconciler; their channel codes."""
    from axdesk.api import LineInput, TravelerInput, build_order_request, slot_datetime
    from axdesk.store.journal import OptionLabel
    from axdesk.store.reconcile import Reconciler
    from axdesk.ui.common.context import supplier_today

    client = shell.ctx.connection.client()
    zone = shell.ctx.connection.supplier_timezone
    earliest = supplier_today(zone) + dt.timedelta(days=2)
    seats = []
    for product in shell.ctx.catalog.list_products():
        inventory = client.get_inventory(product.product_code)
        for option in product.options:
            for slot in inventory.options.get(option.dc_code, []):
                if slot.date >= earliest and slot.is_order and slot.remain_quantity > 0:
                    seats.extend([(product, option, slot)] * slot.remain_quantity)
    reconciler = Reconciler(client, shell.ctx.journal)
    codes = []
    for n, (product, option, slot) in enumerate(seats[:count]):
        person = TravelerInput(
            name=f"동기화 {n}", national_code="82", phone="010-3333-4444", email="s@example.com"
        )
        line = LineInput(
            channel_product_mapping_code=option.channel_product_mapping_code,
            dc_code=option.dc_code,
            inventory_at=slot_datetime(slot.date, slot.start_time, zone),
            unit_price=Decimal(option.unit_price),
            travelers=[person],
        )
        request = build_order_request([line], person, currency=option.currency)
        labels = {option.dc_code: OptionLabel(product.product_code, product.name, option.name)}
        if reconciler.submit(request, labels).is_sent:
            codes.append(request.order.channel_order_code)
    return codes


def filled_form(shell: Any, run: int) -> Any:
    """A New order form state that passes every rule: a future slot, a price, e-mails."""
    from axdesk.ui.common.context import supplier_today
    from axdesk.ui.order_entry.state import LineState, OrderFormState, PersonState

    client = shell.ctx.connection.client()
    product = shell.ctx.catalog.list_products()[0]
    option = product.options[0]
    earliest = supplier_today(shell.ctx.connection.supplier_timezone) + dt.timedelta(days=3)
    slots = [
        s
        for s in client.get_inventory(product.product_code).options[option.dc_code]
        if s.date >= earliest and s.is_order and s.remain_quantity > 5
    ]
    chosen = slots[run % len(slots)]
    return OrderFormState(
        purchaser=PersonState("Kim Minji", "82", "010-1234-5678", "m@example.com"),
        lines=[
            LineState(
                product_code=product.product_code,
                dc_code=option.dc_code,
                date=chosen.date,
                start_time=chosen.start_time,
                quantity=2,
                unit_price=str(option.unit_price),
                travelers=[
                    PersonState(f"여행자 {run}-{n}", "82", "010-2222-3333", f"t{n}@example.com")
                    for n in range(2)
                ],
            )
        ],
    )


def cancel_target(shell: Any, channel_order_code: str) -> Any:
    from axdesk.store.cancel import CancelTarget

    detail = shell.ctx.journal.get_order(channel_order_code)
    line = detail.lines[0]
    ticket = line.tickets[0]
    return CancelTarget(
        channel_order_code,
        ticket.ax_order_code,
        ticket.ax_ticket_code,
        ticket.name,
        line.product_name,
        line.option_name,
        line.inventory_at,
    )


def child_writes(repeat: int) -> dict[str, Any]:
    from qt_app import application

    from axdesk.store.paths import AppPaths
    from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, ConnectionProfile
    from axdesk.ui.connection.secrets import Credentials
    from axdesk.ui.order_entry.tab import OrderTab
    from axdesk.ui.orders.tab import OrdersTab
    from axdesk.ui.shell.bootstrap import open_shell
    from axdesk.ui.shell.memory import tune_garbage_collector

    app = application()
    app.setQuitOnLastWindowClosed(False)
    sandbox = SandboxProcess()
    facts = sandbox.facts
    stalls: dict[str, list[float]] = {"idle": [], "submit": [], "cancel": [], "sync": []}
    done: dict[str, int] = {"sent": 0, "cancelled": 0, "synced": 0}
    try:
        with tempfile.TemporaryDirectory() as home:
            os.environ["AXDESK_HOME"] = home
            shell = open_shell(AppPaths.default(), sandbox_mode=True)
            shell.ctx.catalog.replace_from_sandbox(facts["catalog"])
            shell.connect(
                ConnectionProfile("Sandbox", ENVIRONMENT_SANDBOX, facts["url"]),
                Credentials(facts["key"], facts["channel"]),
            )
            codes = journal_orders(shell, SYNC_ORDERS)
            forms = [filled_form(shell, run) for run in range(repeat)]
            order_tab = OrderTab(shell.ctx)
            order_tab.resize(1280, 900)
            order_tab.show()
            orders_tab = OrdersTab(shell.ctx, start_sync=False)
            orders_tab.resize(1280, 900)
            orders_tab.show()
            spin(1.0, lambda: orders_tab.model.has_loaded)
            tune_garbage_collector()
            sandbox.set_slow(AX_LATENCY)
            cancelled: list[str] = []
            orders_tab.ticket_cancelled.connect(cancelled.append)
            orders_tab.cancel_failed.connect(lambda code, _sentence: cancelled.append(code))
            checked: list[object] = []
            orders_tab.sync.orders_checked.connect(checked.append)
            beat = heartbeat()
            beat.start()
            for run in range(repeat):
                since = time.perf_counter()
                spin(0.6)
                stalls["idle"].append(longest_gap_ms(beat.ticks, since))

                order_tab.form.set_state(forms[run])
                spin(0.3)
                before = shell.ctx.journal.count_orders()
                since = time.perf_counter()
                order_tab.submit()
                spin(
                    20,
                    lambda before=before: (
                        shell.ctx.journal.count_orders() > before and not order_tab.sending.locked
                    ),
                )
                spin(0.5)
                stalls["submit"].append(longest_gap_ms(beat.ticks, since))

                since = time.perf_counter()
                orders_tab.cancelling.cancel_ticket(cancel_target(shell, codes[run]), None)
                spin(20, lambda run=run: len(cancelled) > run)
                spin(0.5)
                stalls["cancel"].append(longest_gap_ms(beat.ticks, since))

                since = time.perf_counter()
                orders_tab.sync.refresh_now()
                spin(SYNC_WINDOW)
                orders_tab.sync.stop()
                spin(0.3)
                stalls["sync"].append(longest_gap_ms(beat.ticks, since))
            beat.stop()
            done = {
                "sent": shell.ctx.journal.count_orders() - len(codes),
                "cancelled": len(cancelled),
                "synced": sum(len(batch) for batch in checked),  # type: ignore[arg-type]
                "journaled": len(codes),
            }
            order_tab.shutdown()
            orders_tab.shutdown()
            order_tab.close()
            orders_tab.close()
            shell.close()
    finally:
        sandbox.stop()
    return {"stalls": stalls, **done}
