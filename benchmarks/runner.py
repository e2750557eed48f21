"""Issue 13's table: every figure against its floor, measured in the same run, interleaved.

Run through ``benchmarks/run`` (which starts Xvfb for the cold start). Each row is
measured ``--repeat`` times (5 by default), floor and figure alternating, and the
table shows medians and their ratio. Each kind of measurement runs in a child
process of its own (``--child KIND``), so one cannot warm the next.

Rows:
- cold start, both modes: from spawning ``python -m axdesk.ui`` to its first painted
  frame (the start-up probe, ``AXDESK_STARTUP_PROBE``), against ``bare_window.py``
  (a bare PySide6 QMainWindow + QTabWidget) spawned the same way; under Xvfb. Also
  the process's CPU time at that paint (less moved by a busy machine). axdesk's
  bytecode is compiled first, as an installed wheel has it: with
  ``PYTHONDONTWRITEBYTECODE`` set and no ``__pycache__``, every start would compile
  axdesk's sources again (~60-100 ms) and the floor, importing nothing of axdesk, not.
- GUI-thread stalls: the longest gap between ticks of a 5 ms ``QTimer`` beyond its
  interval while the app loads a 21,900-slot inventory (6.6 MB, served from memory),
  and (``stall_writes.py``) while it sends an order, cancels a ticket and live-syncs
  500 orders against an AX sandbox (a separate process) answering after 2 s; the
  floor is the same heartbeat over an idle event loop in the same child. The first
  paint of the calendar is part of the inventory load.
- inventory, bytes to painted month: ``from_common_json`` + ``prepared_index`` (the
  worker's share: the index and the month on screen folded) + showing and painting
  the tab, against ``json.loads`` and ``msgspec.json.decode`` of the same bytes; the
  GUI thread's share of a load through the tab (the callback, ``show_inventory``,
  and the paint that follows it) apart.
- search per keystroke over ``--tickets`` journaled tickets, typing "0", "01", "u",
  "e", "최 호": the page the Orders tab asks for (``fetch_rows``), the worst keystroke
  of each repetition; the count, read after a full page and capped, apart.
- RSS: a window with the journal of ``--tickets`` tickets listed and a year calendar
  shown, minus the bare window's.
- Get Confirm through the sandbox and through live sync: ``bench_sandbox_confirm.py``
  and ``bench_live_sync.py`` are run and their figures copied (the latter when present).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keystrokes import WORDS, time_keystrokes
from stall_clock import heartbeat, longest_gap_ms, spin
from stall_writes import child_writes

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
SCRIPT_TIMEOUT = 900
"""Seconds a whole figure script may take (each row ends, even when a script hangs)."""


# --------------------------------------------------------------------------- helpers


def child(kind: str, args: argparse.Namespace, display: bool = False) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join((str(ROOT), str(HERE))))  # this tree
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    process = subprocess.run(  # noqa: S603 - our own interpreter and script
        [
            PY,
            str(HERE / "runner.py"),
            "--child",
            kind,
            "--repeat",
            str(args.repeat),
            "--tickets",
            str(args.tickets),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        return {"error": (process.stderr or process.stdout)[-800:]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def spawn_until(
    command: list[str], env: dict[str, str], probe: Path, until: str = "first_paint"
) -> dict[str, float]:
    """Spawn ``command``, wait for the probe step ``until``, close it; seconds per step
    (and ``cpu:STEP``: the process's CPU seconds at that step)."""
    began = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    steps: dict[str, float] = {}
    deadline = began + 60
    try:
        while until not in steps and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
            if probe.exists():
                for line in probe.read_text(encoding="utf-8").splitlines():
                    if line.endswith("}"):
                        entry = json.loads(line)
                        steps[entry["step"]] = entry["monotonic"] - began
                        if "cpu" in entry:
                            steps["cpu:" + entry["step"]] = entry["cpu"]
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return steps


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --------------------------------------------------------------------------- children


def child_startup(args: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ)
    display = os.environ.get("AXDESK_BENCH_DISPLAY")
    if display:
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
    commands = {
        "bare": [PY, str(HERE / "bare_window.py")],
        "normal": [PY, "-m", "axdesk.ui", "--lang", "en"],
        "sandbox": [PY, "-m", "axdesk.ui", "--sandbox", "--lang", "en"],
    }
    subprocess.run(  # noqa: S603 - as installed: axdesk's bytecode is there (see above)
        [PY, "-m", "compileall", "-q", str(ROOT / "axdesk")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    found: dict[str, list[float]] = {name: [] for name in commands}
    ready: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            with tempfile.TemporaryDirectory() as home:
                probe = Path(home) / "probe.jsonl"
                run_env = dict(env, AXDESK_HOME=home, AXDESK_STARTUP_PROBE=str(probe))
                steps = spawn_until(command, run_env, probe, until="ready")
            found[name].append(steps.get("first_paint", float("nan")) * 1000)
            ready[name].append(steps.get("ready", float("nan")) * 1000)
            cpu[name].append(steps.get("cpu:first_paint", float("nan")) * 1000)
    return {
        "paint": found,
        "ready": ready,
        "cpu": cpu,
        "platform": env.get("QT_QPA_PLATFORM", ""),
    }


def _bench_inventory() -> tuple[list[bytes], list[Any], Any]:
    """Four 21,900-slot answers, the catalog product they belong to, a client serving them."""
    from decimal import Decimal

    import httpx
    from bench_inventory import PRODUCT, build_response

    from axdesk.api import AxClient
    from axdesk.store.catalog import CatalogOption, CatalogProduct

    bodies, codes = [], []
    for run in range(4):
        body, codes = build_response(random.Random(20300101 + run))
        bodies.append(body)
    products = [
        CatalogProduct(
            PRODUCT,
            "Benchmark Tour",
            tuple(
                CatalogOption(c, PRODUCT, f"Option {n}", f"map-{n}", Decimal(1000), "KRW")
                for n, c in enumerate(codes)
            ),
        )
    ]
    answers = iter(bodies * 1000)
    client = AxClient(
        "https://test.ax-cloud.com",
        "bench-key",
        "bench-channel",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=next(answers))),
    )
    return bodies, products, client


def _bench_profile() -> Any:
    from axdesk.ui.common.context import ENVIRONMENT_TEST, ConnectionProfile

    return ConnectionProfile("Bench", ENVIRONMENT_TEST, "https://test.ax-cloud.com")


def _inventory_setup(home: str) -> tuple[Any, Any, list[bytes]]:
    from axdesk.store.paths import AppPaths
    from axdesk.ui.shell.bootstrap import open_shell

    os.environ["AXDESK_HOME"] = home
    bodies, products, client = _bench_inventory()
    shell = open_shell(AppPaths.default(), sandbox_mode=True, database_path=Path(home) / "b.db")
    shell.ctx.catalog.replace_all(products)
    shell.ctx.connection.use(_bench_profile(), client)
    return shell, client, bodies


def child_inventory(args: argparse.Namespace) -> dict[str, Any]:
    import msgspec
    from bench_inventory import FIRST_DAY, PRODUCT
    from qt_app import application

    from axdesk.api import Inventory
    from axdesk.ui.inventory.loading import prepared_index
    from axdesk.ui.inventory.tab import InventoryTab
    from axdesk.ui.shell.memory import tune_garbage_collector

    app = application()
    with tempfile.TemporaryDirectory() as home:
        shell, _client, bodies = _inventory_setup(home)
        tab = InventoryTab(shell.ctx, today=lambda: FIRST_DAY)
        tab.resize(1280, 800)
        tab.show()
        app.processEvents()
        tune_garbage_collector()
        threshold = shell.ctx.settings.nearly_full_threshold
        results: dict[str, list[float]] = {
            "json.loads": [],
            "msgspec": [],
            "axdesk": [],
            "show+paint": [],
            "callback": [],
        }
        stalls: dict[str, list[float]] = {"idle": [], "inventory load": []}
        # The loader's callback on the GUI thread (show_inventory), timed during the
        # loads through the tab (its paint follows from the event loop, as in the app).
        tab.loading.loaded.disconnect(tab.show_inventory)

        def timed_arrival(index: Any) -> None:
            began = time.perf_counter()
            tab.show_inventory(index)
            results["callback"].append((time.perf_counter() - began) * 1000)

        tab.loading.loaded.connect(timed_arrival)
        beat = heartbeat()
        beat.start()
        for run in range(args.repeat):
            body = bodies[run % len(bodies)]
            began = time.perf_counter()
            json.loads(body)
            results["json.loads"].append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            msgspec.json.decode(body)
            results["msgspec"].append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            inventory = Inventory.from_common_json(PRODUCT, body)
            assert inventory is not None
            index = prepared_index(
                inventory, threshold, tab.calendar.month_shown(tab.selected_option())
            )
            prepared = time.perf_counter()
            tab.show_inventory(index)
            tab.repaint()
            results["axdesk"].append((time.perf_counter() - began) * 1000)
            results["show+paint"].append((time.perf_counter() - prepared) * 1000)
            del index
            del inventory
            gc.collect()
            # stalls: idle, then a whole load through the tab (worker + GUI), alternating
            since = time.perf_counter()
            spin(0.6)
            stalls["idle"].append(longest_gap_ms(beat.ticks, since))
            arrivals: list[str] = []
            tab.inventory_loaded.connect(arrivals.append)
            since = time.perf_counter()
            tab.show_product(PRODUCT)
            spin(30, lambda arrivals=arrivals: bool(arrivals))
            spin(0.3)
            tab.inventory_loaded.disconnect()
            stalls["inventory load"].append(longest_gap_ms(beat.ticks, since))
        beat.stop()
        tab.shutdown()
        tab.close()
        shell.close()
    return {"parse": results, "stalls": stalls}


def child_search(args: argparse.Namespace) -> dict[str, Any]:
    from bench_journal_search import fill

    from axdesk.store.db import open_database, transaction
    from axdesk.store.journal import OrderJournal

    with tempfile.TemporaryDirectory() as folder:
        conn = open_database(Path(folder) / "bench.sqlite3")
        journal = OrderJournal(conn)
        with transaction(conn):
            fill(journal, args.tickets, random.Random(1))
        orders = journal.count_orders()
        times = time_keystrokes(journal, args.repeat)
        conn.close()
    return {
        "worst": times.worst,
        "per_word": times.pages,
        "counts": times.counts,
        "found": times.found,
        "orders": orders,
    }


def child_memory_data(args: argparse.Namespace) -> dict[str, Any]:
    """Fill the journal, the catalog and one inventory answer under AXDESK_HOME (another
    process than the measured one, so that none of this garbage is in its RSS)."""
    from bench_journal_search import fill

    from axdesk.store.catalog import CatalogStore
    from axdesk.store.db import open_database, transaction
    from axdesk.store.journal import OrderJournal
    from axdesk.store.paths import AppPaths

    paths = AppPaths.default()
    paths.ensure_dirs()
    bodies, products, _client = _bench_inventory()
    (Path(os.environ["AXDESK_HOME"]) / "inventory.json").write_bytes(bodies[0])
    conn = open_database(paths.database_path)
    with transaction(conn):
        fill(OrderJournal(conn), args.tickets, random.Random(1))
    CatalogStore(conn).replace_all(products)
    conn.close()
    return {"written": True}


def child_memory(args: argparse.Namespace) -> dict[str, Any]:
    """RSS of a window with the journal listed and a year calendar shown (this process)."""
    import httpx
    from bench_inventory import FIRST_DAY, PRODUCT
    from qt_app import application

    from axdesk.api import AxClient
    from axdesk.store.paths import AppPaths
    from axdesk.ui.app import launch

    app = application()
    with tempfile.TemporaryDirectory() as home:
        os.environ["AXDESK_HOME"] = home
        filled = child("memory_data", args)
        if "error" in filled:
            return filled
        body = (Path(home) / "inventory.json").read_bytes()
        client = AxClient(
            "https://test.ax-cloud.com",
            "bench-key",
            "bench-channel",
            transport=httpx.MockTransport(lambda request: httpx.Response(200, content=body)),
        )
        window = launch(app, AppPaths.default(), language="en")
        window.resize(1280, 860)
        window.show()
        spin(0.5)
        window.ctx.connection.use(_bench_profile(), client)
        tab = window.inventory_tab
        tab.show_product(PRODUCT)
        spin(30, lambda: tab.inventory_index is not None)
        tab.calendar.set_selected_date(FIRST_DAY)
        for _ in range(11):
            tab.calendar.next_month()
            tab.calendar.repaint()
        window.show_tab(2)
        spin(30, lambda: window.orders_tab.model.has_loaded)
        spin(1.0)
        used = rss_mb()
        shown = window.orders_tab.model.rowCount()
        window.close()
    return {"rss": used, "orders_shown": shown, "answer_mb": len(body) / 1e6}


def child_bare_memory(_args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as home:
        probe = Path(home) / "probe.jsonl"
        env = dict(os.environ, AXDESK_STARTUP_PROBE=str(probe))
        began = time.monotonic()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter
            [PY, str(HERE / "bare_window.py")], env=env, cwd=ROOT
        )
        while not probe.exists() and time.monotonic() - began < 60:
            time.sleep(0.01)
        time.sleep(1.0)
        used = rss_mb(process.pid)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    return {"rss": used}


CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "startup": child_startup,
    "inventory": child_inventory,
    "writes": lambda args: child_writes(args.repeat),
    "search": child_search,
    "memory": child_memory,
    "memory_data": child_memory_data,
    "bare_memory": child_bare_memory,
}


# --------------------------------------------------------------------------- the table


def med(values: list[float]) -> float:
    clean = [v for v in values if v == v]
    return statistics.median(clean) if clean else float("nan")


def script_figures(script: str, arguments: list[str]) -> str | None:
    path = HERE / script
    if not path.exists():
        return None
    try:
        process = subprocess.run(  # noqa: S603 - our own interpreter and script
            [PY, str(path), *arguments],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env={
                "QT_QPA_PLATFORM": "offscreen",
                **os.environ,
                "PYTHONPATH": os.pathsep.join((str(ROOT), str(HERE))),
            },
            timeout=SCRIPT_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"failed: {script} did not finish in {SCRIPT_TIMEOUT} s"
    return process.stdout if process.returncode == 0 else "failed: " + process.stderr[-400:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tickets", type=int, default=50_000)
    parser.add_argument("--child", choices=sorted(CHILDREN))
    parser.add_argument("--skip", action="append", default=[], help="a child kind to skip")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return

    rows: list[tuple[str, str, str, str, str]] = []
    load_before = os.getloadavg()
    began = time.monotonic()

    def row(figure: str, floor: str, now: str, ratio: str, target: str) -> None:
        rows.append((figure, floor, now, ratio, target))
        print(f"  measured: {figure}: {now} ({ratio})", file=sys.stderr)

    kinds = [
        k
        for k in ("startup", "inventory", "writes", "search", "bare_memory", "memory")
        if k not in args.skip
    ]
    results = {kind: child(kind, args) for kind in kinds}

    start = results.get("startup", {})
    if "paint" in start:
        bare = med(start["paint"]["bare"])
        bare_cpu = med(start["cpu"]["bare"])
        for mode, label in (("sandbox", "axdesk --sandbox"), ("normal", "axdesk (normal)")):
            now = med(start["paint"][mode])
            now_cpu = med(start["cpu"][mode])
            row(
                f"{label} to first painted window ({start['platform']})",
                f"bare {bare:.0f} ms (CPU {bare_cpu:.0f} ms)",
                f"{now:.0f} ms (CPU {now_cpu:.0f} ms; ready {med(start['ready'][mode]):.0f} ms)",
                f"{now / bare:.2f}x (CPU {now_cpu / bare_cpu:.2f}x)",
                "<= 1.5x",
            )
    elif start:
        row("cold start", "-", "error", start.get("error", "")[:60], "")

    writes = results.get("writes", {})
    labels = {
        "inventory load": "inventory load (21,900 slots)",
        "submit": f"submit ({writes.get('sent', '?')} orders sent)",
        "cancel": f"cancel ({writes.get('cancelled', '?')} tickets cancelled)",
        "sync": (
            f"sync of {writes.get('journaled', '?')} orders, first 10 s of a cycle"
            f" ({writes.get('synced', '?')} answers)"
        ),
    }
    for kind in ("inventory", "writes"):
        stalls = results.get(kind, {}).get("stalls")
        if not stalls:
            if kind in results:
                row(f"GUI stall ({kind})", "-", "error", str(results[kind].get("error"))[-60:], "")
            continue
        idle = med(stalls["idle"])
        for name, values in stalls.items():
            if name == "idle":
                continue
            worst = med(values)
            latency = ", AX answers in 2 s" if kind == "writes" else ""
            row(
                f"GUI stall over the 5 ms heartbeat: {labels.get(name, name)}{latency}",
                f"idle {idle:.1f} ms",
                f"{worst:.1f} ms (max {max(values):.1f})",
                f"+{worst - idle:.1f} ms",
                "<= +30 ms",
            )

    parse = results.get("inventory", {}).get("parse")
    if parse:
        ours = med(parse["axdesk"])
        loads, fast = med(parse["json.loads"]), med(parse["msgspec"])
        row(
            "21,900 slots, bytes to painted month",
            f"json.loads {loads:.1f} / msgspec {fast:.1f} ms",
            f"{ours:.1f} ms",
            f"{ours / loads:.2f}x json.loads, {ours / fast:.2f}x msgspec",
            "<= 50 ms",
        )
        if parse.get("callback"):
            row(
                "  of which the GUI thread's: show + paint; the loader's callback alone",
                "-",
                f"{med(parse['show+paint']):.1f} ms; {med(parse['callback']):.1f} ms",
                "-",
                "small",
            )

    search = results.get("search", {})
    if "worst" in search:
        words = ", ".join(f"{w!r} {med(search['per_word'][w]):.1f}" for w in WORDS)
        counts = ", ".join(f"{w!r} {med(search['counts'][w]):.1f}" for w in WORDS)
        row(
            f"search per keystroke, {args.tickets:,} tickets ({search['orders']:,} orders)",
            "-",
            f"worst {med(search['worst']):.1f} ms",
            f"pages: {words}",
            "<= 20 ms",
        )
        row("  count after a full page (capped at 20,000)", "-", counts, "-", "lazy")

    bare_rss = results.get("bare_memory", {}).get("rss")
    app_rss = results.get("memory", {}).get("rss")
    if bare_rss and app_rss:
        row(
            f"RSS, {args.tickets:,} tickets + a year calendar",
            f"bare window {bare_rss:.0f} MB",
            f"{app_rss:.0f} MB",
            f"+{app_rss - bare_rss:.0f} MB",
            "<= +120 MB",
        )
    elif "memory" in results:
        row("RSS", "-", "error", str(results["memory"].get("error", ""))[:80], "")

    confirm = script_figures("bench_sandbox_confirm.py", ["--repeat", str(args.repeat)])
    if confirm is None:
        row("2,000 Get Confirm against the sandbox", "-", "not available", "-", ">= 300/s")
    else:
        floor = re.search(r"floor.*?([\d.]+) orders/s", confirm)
        shipped = re.search(r"as shipped\s+([\d.]+) orders/s", confirm)
        ratio = re.search(r"ratio.*?([\d.]+)x", confirm)
        row(
            "2,000 Get Confirm against the sandbox as shipped",
            f"{floor.group(1) if floor else '?'} orders/s",
            f"{shipped.group(1) if shipped else '?'} orders/s",
            f"{ratio.group(1) if ratio else '?'}x",
            ">= 300 orders/s",
        )
    live = script_figures("bench_live_sync.py", ["--repeat", str(args.repeat)])
    if live is None:
        row(
            "2,000 Get Confirm through live sync",
            "bare httpx.Client loop",
            "not available (benchmarks/bench_live_sync.py is not in this tree)",
            "-",
            "<= 1.25x",
        )
    else:
        floor = re.search(r"floor \(bare httpx.Client loop\)\s+(\d+) orders/s", live)
        shipped = re.search(
            r"live sync \(as shipped\)\s+(\d+) orders/s\s+([\d.]+)x"
            r"(?:[^\n]*?\((\d+) commits)?",
            live,
        )
        row(
            "2,000 Get Confirm through live sync",
            f"bare httpx.Client loop {floor.group(1) if floor else '?'} orders/s",
            (
                f"{shipped.group(1)} orders/s ({shipped.group(3) or '?'} commits per cycle)"
                if shipped
                else " ".join(live.split())[:80]
            ),
            f"{shipped.group(2) if shipped else '?'}x",
            "<= 1.25x",
        )

    load_after = os.getloadavg()
    print()
    print(f"axdesk benchmarks/run: medians of {args.repeat} interleaved repetitions")
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    print(
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"took {time.monotonic() - began:.0f} s"
    )
    widths = [
        max(len(r[i]) for r in [*rows, ("figure", "floor", "now", "ratio", "target")])
        for i in range(5)
    ]
    header = ("figure", "floor, same run", "now", "ratio", "target")
    for line in (header, *rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
