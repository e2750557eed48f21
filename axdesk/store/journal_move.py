"""File > Move this computer's journal to the team server…: copy every order across.

:func:`move_journal` copies each channel order of this computer's SQLite
journal that the team journal does not hold yet (matched by channel order
code), with everything that belongs to it: lines, travelers' tickets, AX
orders and their status history, ticket cancels and who-did-what lines; its
search document is built again on the team journal. Each order goes in one
transaction, so an interrupted move leaves whole orders only and running it
again finishes the work: an order already on the team server is never copied
twice (a move run twice adds nothing). The local file is only read, never
changed, and stays where it is. Drafts stay on this desk; the catalog is read
from AX per connection profile and is not moved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from axdesk.store.db import locked, transaction
from axdesk.store.search import index_order


@dataclass(frozen=True)
class MoveReport:
    """What a move did: orders copied and already there, and the rows copied with them."""

    orders_copied: int = 0
    orders_already_there: int = 0
    tickets: int = 0
    ax_orders: int = 0
    status_changes: int = 0
    cancels: int = 0
    activity_lines: int = 0


def _columns(source: sqlite3.Connection, table: str, *, leave_out: Sequence[str]) -> list[str]:
    names = [str(row[1]) for row in source.execute(f"PRAGMA table_info({table})")]
    return [name for name in names if name not in leave_out]


def _copy_rows(
    target: Any,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    new_ids: bool = False,
) -> list[int]:
    """Insert ``rows`` (values in ``columns`` order); the new ids when ``new_ids``."""
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    made: list[int] = []
    for row in rows:
        cursor = target.execute(sql, tuple(row))
        if new_ids:
            made.append(int(cursor.lastrowid or 0))
    return made


def move_journal(
    source: sqlite3.Connection,
    target: Any,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> MoveReport:
    """Copy the orders of ``source`` (this computer's journal) missing from ``target`` (the
    team journal's connection); see the module docstring. ``progress(done, total)`` is
    called after each order."""
    with locked(source):
        codes = [
            str(row[0])
            for row in source.execute("SELECT channel_order_code FROM channel_order ORDER BY id")
        ]
        order_columns = _columns(source, "channel_order", leave_out=("id",))
        line_columns = _columns(source, "order_line", leave_out=("id", "order_id"))
        ticket_columns = _columns(source, "ticket", leave_out=("id", "order_id", "line_id"))
        ax_columns = _columns(source, "ax_order", leave_out=("order_id", "line_id"))
        history_columns = _columns(source, "ax_status_history", leave_out=("id",))
        cancel_columns = _columns(source, "ticket_cancel", leave_out=("ticket_id", "order_id"))
        activity_columns = _columns(source, "journal_activity", leave_out=("id", "order_id"))
    counts = dict.fromkeys(
        ("copied", "there", "tickets", "ax", "history", "cancels", "activity"), 0
    )
    for done, code in enumerate(codes, start=1):
        with transaction(target):
            there = target.execute(
                "SELECT 1 FROM channel_order WHERE channel_order_code = ?", (code,)
            ).fetchone()
            if there is not None:
                counts["there"] += 1
            else:
                _copy_order(
                    source,
                    target,
                    code,
                    counts,
                    (
                        order_columns,
                        line_columns,
                        ticket_columns,
                        ax_columns,
                        history_columns,
                        cancel_columns,
                        activity_columns,
                    ),
                )
                counts["copied"] += 1
        if progress is not None:
            progress(done, len(codes))
    return MoveReport(
        orders_copied=counts["copied"],
        orders_already_there=counts["there"],
        tickets=counts["tickets"],
        ax_orders=counts["ax"],
        status_changes=counts["history"],
        cancels=counts["cancels"],
        activity_lines=counts["activity"],
    )


def _copy_order(
    source: sqlite3.Connection,
    target: Any,
    code: str,
    counts: dict[str, int],
    columns: tuple[list[str], ...],
) -> None:
    orders, lines, tickets, axes, history, cancels, activity = columns

    def read(sql: str, params: Sequence[Any]) -> list[Any]:
        with locked(source):
            return source.execute(sql, tuple(params)).fetchall()

    old = read(
        f"SELECT id, {', '.join(orders)} FROM channel_order WHERE channel_order_code = ?",
        (code,),
    )[0]
    old_id = old[0]
    (new_id,) = _copy_rows(target, "channel_order", orders, [old[1:]], new_ids=True)
    line_rows = read(
        f"SELECT id, {', '.join(lines)} FROM order_line WHERE order_id = ? ORDER BY position",
        (old_id,),
    )
    line_ids = dict(
        zip(
            [row[0] for row in line_rows],
            _copy_rows(
                target,
                "order_line",
                ["order_id", *lines],
                [(new_id, *row[1:]) for row in line_rows],
                new_ids=True,
            ),
            strict=True,
        )
    )
    ticket_rows = read(
        f"SELECT id, line_id, {', '.join(tickets)} FROM ticket WHERE order_id = ? ORDER BY id",
        (old_id,),
    )
    ticket_ids = dict(
        zip(
            [row[0] for row in ticket_rows],
            _copy_rows(
                target,
                "ticket",
                ["order_id", "line_id", *tickets],
                [(new_id, line_ids[row[1]], *row[2:]) for row in ticket_rows],
                new_ids=True,
            ),
            strict=True,
        )
    )
    ax_rows = read(
        f"SELECT line_id, {', '.join(axes)} FROM ax_order WHERE order_id = ? ORDER BY rowid",
        (old_id,),
    )
    _copy_rows(
        target,
        "ax_order",
        ["order_id", "line_id", *axes],
        [(new_id, None if row[0] is None else line_ids[row[0]], *row[1:]) for row in ax_rows],
    )
    history_rows = read(
        f"SELECT {', '.join('h.' + c for c in history)} FROM ax_status_history h"
        " JOIN ax_order a ON a.ax_order_code = h.ax_order_code WHERE a.order_id = ?"
        " ORDER BY h.id",
        (old_id,),
    )
    _copy_rows(target, "ax_status_history", history, history_rows)
    cancel_rows = read(
        f"SELECT ticket_id, {', '.join(cancels)} FROM ticket_cancel WHERE order_id = ?",
        (old_id,),
    )
    _copy_rows(
        target,
        "ticket_cancel",
        ["ticket_id", "order_id", *cancels],
        [(ticket_ids[row[0]], new_id, *row[1:]) for row in cancel_rows],
    )
    activity_rows = read(
        f"SELECT {', '.join(activity)} FROM journal_activity WHERE order_id = ? ORDER BY id",
        (old_id,),
    )
    _copy_rows(
        target,
        "journal_activity",
        ["order_id", *activity],
        [(new_id, *row) for row in activity_rows],
    )
    index_order(target, new_id)
    counts["tickets"] += len(ticket_rows)
    counts["ax"] += len(ax_rows)
    counts["history"] += len(history_rows)
    counts["cancels"] += len(cancel_rows)
    counts["activity"] += len(activity_rows)
