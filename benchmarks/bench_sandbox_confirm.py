"""How many Get Confirm answers per second the embedded AX sandbox gives, against a floor.

Figures are printed, not asserted (see the developers' guide). Run:

    .venv/bin/python benchmarks/bench_sandbox_confirm.py [--orders 2000] [--clients 3] [--repeat 5]

The sandbox runs as the app's practice mode runs it (``start_sandbox`` with
its defaults: demo catalog, supplier deciding after 30 s, no faults, in a
thread of this process). ``--orders`` orders of one traveler each are made
first (not timed); then ``--clients`` keep-alive ``httpx.Client``s, one per
thread, ask Get Confirm for every one of them by AX order code, each client
its share, and the figure is orders per second over the whole batch.

The floor is the same clients doing the same number of GETs, in the same
way, against a trivial loopback HTTP server (asyncio, TCP_NODELAY, one fixed
JSON body of the same shape): what httpx and loopback cost by themselves.
Floor and sandbox alternate, ``--repeat`` times each; medians are printed
with their ratio. The load average is printed because the figures mean little
on a busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

import httpx

from axdesk.sandbox import RunningSandbox, start_sandbox

ORDERS = "/v1/channel/orders/tour"
INVENTORY = "/v1/channel/inventory/tour/"
SEOUL = ZoneInfo("Asia/Seoul")  # the demo catalog's zone


# --- the floor: a loopback server that answers every request with one fixed body ---


class _FixedAnswer(asyncio.Protocol):
    """HTTP/1.1 keep-alive: one fixed answer per request head (GETs carry no body)."""

    def __init__(self, answer: bytes) -> None:
        self.answer = answer
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            self.buffer = self.buffer[end + 4 :]
            assert self.transport is not None
            self.transport.write(self.answer)


class FloorServer:
    """A trivial HTTP server in its own thread and event loop, on a free loopback port."""

    def __init__(self, body: bytes) -> None:
        head = (
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\n\r\n"
        ).encode()
        self._answer = head + body
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="floor-server", daemon=True)
        self.base_url = ""

    def __enter__(self) -> FloorServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            self._loop.create_server(lambda: _FixedAnswer(self._answer), "127.0.0.1", 0)
        )
        port = server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()


# --- the clients ---


def get_all(base_url: str, headers: dict[str, str], paths: Sequence[str], clients: int) -> float:
    """GET every path with ``clients`` keep-alive clients in parallel; seconds for the batch."""
    shares = [list(paths[index::clients]) for index in range(clients)]
    start = threading.Barrier(clients + 1)
    failures: list[str] = []

    def run(share: list[str]) -> None:
        with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
            http.get(share[0])  # open the connection before the clock starts
            start.wait()
            for path in share:
                response = http.get(path)
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code}")
            start.wait()

    threads = [threading.Thread(target=run, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    start.wait()
    elapsed = time.perf_counter() - began
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return elapsed


# --- orders to ask about ---


def make_orders(sandbox: RunningSandbox, count: int, clients: int) -> list[str]:
    """Make ``count`` one-traveler orders on the demo catalog; their AX order codes."""
    headers = auth(sandbox)
    seats = free_seats(sandbox, headers)
    if len(seats) < count:
        raise SystemExit(f"The demo catalog has only {len(seats)} free seats.")
    step = len(seats) // count  # spread the orders over the catalog
    bodies = [order_body(seats[index * step], index) for index in range(count)]
    codes: list[str] = [""] * count
    failures: list[str] = []

    def post(offset: int) -> None:
        with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=30) as http:
            for index in range(offset, count, clients):
                response = http.post(ORDERS, json=bodies[index])
                if response.status_code != 201:
                    failures.append(f"Create Order: {response.status_code} {response.text}")
                    return
                codes[index] = response.json()["data"]["depth_combinations"][0]["ax_order_code"]

    threads = [threading.Thread(target=post, args=(offset,)) for offset in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(failures[0])
    return codes


def free_seats(sandbox: RunningSandbox, headers: dict[str, str]) -> list[dict[str, Any]]:
    """One order line per free seat of every departure on sale."""
    lines: list[dict[str, Any]] = []
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=30) as http:
        for product in sandbox.catalog():
            options = {o["dc_code"]: o for o in cast(list[dict[str, str]], product["options"])}
            inventory = http.get(f"{INVENTORY}{product['product_code']}").json()
            for dc_code, slots in inventory["option_codes"].items():
                option = options[dc_code]
                for slot in slots:
                    if not slot["is_order"] or slot["remain_quantity"] < 1:
                        continue
                    local = datetime.fromisoformat(f"{slot['date']}T{slot['start_time']}")
                    at = local.replace(tzinfo=SEOUL).astimezone(UTC)
                    line = {
                        "dc_code": dc_code,
                        "mapping": option["channel_product_mapping_code"],
                        "price": option["unit_price"],
                        "currency": option["currency"],
                        "inventory_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    }
                    lines.extend([line] * slot["remain_quantity"])
    return lines


def order_body(line: dict[str, Any], index: int) -> dict[str, Any]:
    person = {
        "name": f"Traveler {index}",
        "national_code": "82",
        "phone": "01012345678",
        "email": f"t{index}@example.com",
    }
    price = line["price"]
    total = f"{Decimal(price):.5f}"
    return {
        "depth_combinations": [
            {
                "channel_product_mapping_code": line["mapping"],
                "dc_code": line["dc_code"],
                "quantity": 1,
                "inventory_at": line["inventory_at"],
                "unit_selling_price": price,
                "amount_price": price,
                "tickets": [{"channel_code": f"ticket-{index}", **person, "extra": ""}],
            }
        ],
        "order": {
            "channel_order_code": str(uuid.uuid4()),
            "purchased_at": "2026-01-01T00:00:00Z",
            "sub_total": total,
            "total": total,
            "status": "New",
            "is_voucher": False,
            "currency": line["currency"],
        },
        "purchaser": {"is_required_more_information": False, **person, "extra": ""},
    }


def auth(sandbox: RunningSandbox) -> dict[str, str]:
    return {
        "Authorization": f"Token {sandbox.api_key}",
        "Channel": f"Code {sandbox.channel_code}",
        "Accept": "application/json",
    }


# --- the run ---


def median_rate(runs: list[float], count: int) -> float:
    return count / statistics.median(runs)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    with start_sandbox() as sandbox:
        codes = make_orders(sandbox, args.orders, args.clients)
        paths = [f"{ORDERS}/{code}" for code in codes]
        with httpx.Client(base_url=sandbox.base_url, headers=auth(sandbox)) as http:
            sample = http.get(paths[0]).content  # the floor answers a body of the same shape
        with FloorServer(sample) as floor:
            floor_runs: list[float] = []
            sandbox_runs: list[float] = []
            headers = auth(sandbox)
            for _ in range(args.repeat):
                floor_runs.append(get_all(floor.base_url, headers, paths, args.clients))
                sandbox_runs.append(get_all(sandbox.base_url, headers, paths, args.clients))

    floor_rate = median_rate(floor_runs, len(paths))
    sandbox_rate = median_rate(sandbox_runs, len(paths))
    load = os.getloadavg()[0]
    print(f"Get Confirm of {len(paths)} existing orders, {args.clients} keep-alive httpx clients")
    print(f"median of {args.repeat} runs; load average {load:.2f}, {os.cpu_count()} CPUs")
    print(f"  floor (trivial loopback server)  {floor_rate:7.0f} orders/s")
    print(f"  AX sandbox as shipped            {sandbox_rate:7.0f} orders/s")
    print(f"  ratio (sandbox time / floor)     {floor_rate / sandbox_rate:7.2f}x")
    print("  runs, seconds: floor", " ".join(f"{r:.2f}" for r in floor_runs))
    print("                 sandbox", " ".join(f"{r:.2f}" for r in sandbox_runs))


if __name__ == "__main__":
    main()
