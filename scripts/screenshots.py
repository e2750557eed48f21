#!/usr/bin/env python3
"""Screenshots of each tab for the README: ``./dev screenshots``.

Starts its own Xvfb on a free display, runs axdesk in practice mode there (the
embedded sandbox, a throw-away AXDESK_HOME), puts realistic content in each tab
(an inventory month, an order being keyed in, a few sent orders, the Practice
menu open) and grabs the screen into
``docs/screenshots/{inventory,new-order,orders,practice-menu}.png``; the first page
of the day manifest a guide would print goes to ``docs/screenshots/manifest.png``.
Every order is for a departure that has not left by the supplier's clock.

    scripts/screenshots.py [--lang ko|en] [--size 1280x800] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "screenshots"
SHOTS = ("inventory", "new-order", "orders", "practice-menu", "manifest")
X_TMP = Path("/tmp")  # noqa: S108 - where X servers keep their lock files and sockets


# -- the parent: Xvfb and a child process ---------------------------------------------


def free_display() -> int:
    for number in range(90, 200):
        if (
            not (X_TMP / f".X{number}-lock").exists()
            and not (X_TMP / ".X11-unix" / f"X{number}").exists()
        ):
            return number
    raise SystemExit("screenshots: no free X display number between :90 and :199")


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("screenshots: Xvfb is missing (apt-get install xvfb xauth)")
    number = free_display()
    process = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket_path = X_TMP / ".X11-unix" / f"X{number}"
    deadline = time.monotonic() + 10
    while not socket_path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"screenshots: Xvfb did not start on :{number}")
        time.sleep(0.05)
    return process, f":{number}"


def run_parent(args: argparse.Namespace) -> int:
    width, height = (int(part) for part in args.size.split("x"))
    xvfb, display = start_xvfb(width, height)
    try:
        with tempfile.TemporaryDirectory(prefix="axdesk-shots-") as home:
            env = dict(os.environ)
            env.update(
                DISPLAY=display,
                QT_QPA_PLATFORM="xcb",
                AXDESK_HOME=home,
                LANG="ko_KR.UTF-8" if args.lang == "ko" else "en_US.UTF-8",
            )
            env.pop("WAYLAND_DISPLAY", None)
            child = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                "--lang",
                args.lang,
                "--size",
                args.size,
                "--out",
                str(args.out),
            ]
            return subprocess.run(child, env=env, timeout=180, check=False).returncode
    finally:
        xvfb.terminate()
        try:
            xvfb.wait(5)
        except subprocess.TimeoutExpired:
            xvfb.kill()


# -- the child: the app itself ----------------------------------------------------------


def run_child(args: argparse.Namespace) -> int:
    import datetime as dt
    from decimal import Decimal

    from PySide6.QtCore import QEventLoop, QPoint, QSizeF, QTimer
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from axdesk.api import LineInput, TravelerInput, build_order_request, slot_datetime
    from axdesk.store.departures import read_departures
    from axdesk.store.paths import AppPaths
    from axdesk.store.reconcile import Reconciler
    from axdesk.ui.app import configure_application, launch
    from axdesk.ui.common.context import SlotRef, supplier_today, supplier_zone
    from axdesk.ui.orders.manifest_print import manifest_document
    from axdesk.ui.shell.main_window import INVENTORY_TAB, ORDER_TAB, ORDERS_TAB

    app = QApplication([sys.argv[0]])
    configure_application(app)
    window = launch(
        app,
        AppPaths.default(),
        sandbox=True,
        language=args.lang,
        sandbox_options={"random_seed": 3, "confirm_after": 2.0},
    )
    width, height = (int(part) for part in args.size.split("x"))
    window.setGeometry(0, 0, width, height)
    window.show()

    def settle(milliseconds: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    def wait_for(condition: object, what: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            settle(50)

    def shoot(name: str) -> None:
        settle(600)
        screen = window.screen()
        pixmap = screen.grabWindow(0, 0, 0, width, height)
        if pixmap.isNull():
            pixmap = window.grab()
        target = args.out / f"{name}.png"
        if not pixmap.save(str(target)):
            raise SystemExit(f"screenshots: could not write {target}")
        print(f"saved {target}")

    args.out.mkdir(parents=True, exist_ok=True)
    ctx = window.ctx
    client = ctx.connection.client()
    products = ctx.catalog.list_products()
    product = products[0]
    option = product.options[0]
    inventory = client.get_inventory(product.product_code)
    # Days ahead by the supplier's clock: nothing shown or booked has left already.
    today = supplier_today(ctx.connection.supplier_timezone)
    slots = [
        s
        for s in inventory.options[option.dc_code]
        if s.is_order and s.remain_quantity >= 4 and s.date > today
    ]
    if not slots:
        raise SystemExit("screenshots: the demo sandbox has no open slot")

    # A few sent orders, journaled the way the app sends them, for the Orders tab.
    korean = args.lang == "ko"
    groups = (
        [["김민준"], ["이서연", "정하은"], ["박지호", "박서윤", "박도윤"]]
        if korean
        else [["Emma Wilson"], ["Liam Chen", "Ava Chen"], ["Sofia Park", "Noah Park", "Mia Park"]]
    )
    codes = []
    zone = ctx.connection.supplier_timezone
    for index, names in enumerate(groups):
        slot = slots[min(index * 2, len(slots) - 1)]
        travelers = [
            TravelerInput(
                name=name,
                national_code="82",
                phone=f"010-{2345 + index * 1111:04d}-{6789 - number * 1000:04d}",
                email=f"guest{index + 1}.{number + 1}@example.com",
            )
            for number, name in enumerate(names)
        ]
        line = LineInput(
            channel_product_mapping_code=option.channel_product_mapping_code,
            dc_code=option.dc_code,
            inventory_at=slot_datetime(slot.date, slot.start_time, zone),
            unit_price=Decimal(option.unit_price),
            travelers=travelers,
        )
        request = build_order_request([line], travelers[0], currency=option.currency)
        outcome = Reconciler(client, ctx.journal).submit(request)
        if not outcome.is_sent:
            raise SystemExit(f"screenshots: a demo order was not sent: {outcome.message}")
        codes.append(request.order.channel_order_code)

    # Inventory: the first product, the month of its first open slot, that day selected.
    window.show_tab(INVENTORY_TAB)
    window.inventory_tab.show_product(product.product_code)
    wait_for(lambda: window.inventory_tab.inventory_index is not None, "the inventory")
    first = slots[0]
    window.inventory_tab.calendar.set_selected_date(first.date)
    shoot("inventory")

    # New order: a slot booked from the inventory, two travelers, the purchaser typed in.
    window.book_slot(
        SlotRef(
            product_code=product.product_code,
            dc_code=option.dc_code,
            date=first.date,
            start_time=first.start_time,
            inventory_code=first.inventory_code,
        )
    )
    form = window.order_tab.form
    purchaser = form.header.purchaser
    purchaser.name_edit.setText("최유나" if korean else "Yuna Choi")
    purchaser.code_edit.setText("82")
    purchaser.phone_edit.setText("010-3141-5926")
    purchaser.email_edit.setText("yuna.choi@example.com")
    editor = form.lines[0]
    editor.quantity_spin.setValue(2)
    editor.travelers.fill_all(purchaser.state())
    window.show_tab(ORDER_TAB)
    shoot("new-order")

    # Orders: the list with the orders above (the supplier has decided by now, and live
    # sync has picked it up), the biggest one open.
    window.show_tab(ORDERS_TAB)
    settle(2500)
    window.orders_tab.refresh_now()
    settle(1500)
    window.orders_tab.show_order(codes[-1])
    shoot("orders")

    # The Practice menu, open: what a trainee can stage.
    practice = window.practice
    if practice is None:
        raise SystemExit("screenshots: practice mode has no Practice menu")
    bar = window.menuBar()
    practice.popup(
        bar.mapToGlobal(QPoint(bar.actionGeometry(practice.menuAction()).left(), bar.height()))
    )
    shoot("practice-menu")
    practice.close()

    # The first page of the day manifest of the first order's departure, as printed.
    tz = supplier_zone(zone)
    sheet = manifest_document(
        read_departures(ctx.journal, slots[0].date, tz), tz, dt.datetime.now(tz)
    )
    page = QSizeF(794, 1123)  # A4 at 96 dpi
    sheet.setPageSize(page)
    image = QImage(int(page.width()), int(page.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    sheet.drawContents(painter)
    painter.end()
    target = args.out / "manifest.png"
    if not image.save(str(target)):
        raise SystemExit(f"screenshots: could not write {target}")
    print(f"saved {target}")

    window.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ko", "en"), default="en")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_child(args)
    return run_parent(args)


if __name__ == "__main__":
    raise SystemExit(main())
