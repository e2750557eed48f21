"""A regression guard for the rule "the GUI thread never waits on the network, the database
or a slow disk": every SQLite statement the GUI thread runs, recorded with where it came from.

:class:`GuiThreadStatements` installs ``sqlite3.Connection.set_trace_callback`` on the
connections a test names (the shell's database, see the ``gui_thread_sql`` fixture in
``tests/ui/conftest.py``). SQLite calls the callback on the thread that runs the statement,
so the record says which thread did, not how long it took: the tests that use it cannot
flake on a busy machine. Only the GUI thread's statements are kept, each with the first
frame of ``axdesk`` outside the store (the caller that should have used the worker).

It is a fixture a test asks for, never an autouse patch over the whole suite.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

_AXDESK = Path(__file__).resolve().parents[2] / "axdesk"
_STORE = _AXDESK / "store"


@dataclass(frozen=True)
class GuiThreadStatement:
    """One statement the GUI thread ran, and the ``axdesk`` code that asked for it."""

    sql: str
    caller: str  # "axdesk/ui/…/x.py:123 in function", or "(no axdesk caller)"

    def __str__(self) -> str:
        return f"{self.caller}: {' '.join(self.sql.split())[:120]}"


def _caller() -> str:
    """The innermost ``axdesk`` frame outside ``axdesk/store`` (the store only runs the SQL)."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(_AXDESK) and not path.is_relative_to(_STORE):
            return f"{path.relative_to(_AXDESK.parent)}:{frame.lineno} in {frame.name}"
    return "(no axdesk caller)"


class GuiThreadStatements:
    """The SQLite statements run on the GUI thread over the watched connections."""

    def __init__(self) -> None:
        self._gui_thread = threading.main_thread()  # Qt's GUI thread in the tests
        self._statements: list[GuiThreadStatement] = []
        self._lock = threading.Lock()
        self._watched: list[sqlite3.Connection] = []

    def watch(self, conn: sqlite3.Connection) -> None:
        """Record the GUI thread's statements on ``conn`` from now on."""
        conn.set_trace_callback(self._traced)
        self._watched.append(conn)

    def stop(self) -> None:
        """Remove the callbacks (the connections stay open)."""
        for conn in self._watched:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed by its owner already
                conn.set_trace_callback(None)
        self._watched.clear()

    def clear(self) -> None:
        """Forget what was recorded so far (e.g. the setting up of the test)."""
        with self._lock:
            self._statements.clear()

    @property
    def statements(self) -> list[GuiThreadStatement]:
        with self._lock:
            return list(self._statements)

    def on_tables(self, *tables: str) -> list[GuiThreadStatement]:
        """The statements recorded that name one of ``tables`` (e.g. the catalog's)."""
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, tables)) + r")\b", re.IGNORECASE)
        return [statement for statement in self.statements if pattern.search(statement.sql)]

    def report(self, statements: list[GuiThreadStatement] | None = None) -> str:
        """A message naming the rule and each offending caller, for a failing assert."""
        chosen = self.statements if statements is None else statements
        lines = [str(statement) for statement in chosen]
        return (
            "The GUI thread never waits on the network, the database or a slow disk; "
            f"it ran {len(lines)} SQLite statement(s):\n  " + "\n  ".join(lines)
        )

    def _traced(self, sql: str) -> None:
        if threading.current_thread() is not self._gui_thread:
            return
        statement = GuiThreadStatement(sql, _caller())
        with self._lock:
            self._statements.append(statement)
