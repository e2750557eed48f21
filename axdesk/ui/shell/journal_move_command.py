"""File > Move this computer's journal to the team server…: one command, run on the worker.

Copies every order of this computer's journal that the team journal lacks
(``axdesk.store.journal_move``), then says how many were copied and how many
were already there. Running it again adds nothing. This computer's journal
file is kept as it was. On a desk that does not use a team journal it says so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from axdesk.ui.common.context import AppContext
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error

if TYPE_CHECKING:
    from axdesk.store.journal_move import MoveReport


class JournalMoveCommand(QObject):
    """Moves this computer's journal to the team journal in use (see the module docstring).

    ``local`` is this computer's database; ``note`` and ``problem`` show a sentence.

    Signals:
        moved(object): the move ended; its ``MoveReport``.
        failed(str): the move stopped; the sentence shown (whole orders only were copied).
    """

    moved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        local: sqlite3.Connection,
        note: Callable[[str], None],
        problem: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._local = local
        self._note = note
        self._problem = problem

    def run(self) -> None:
        journal = self._ctx.journal
        if journal.backend != "postgresql":
            self._problem(
                self.tr(
                    "This desk writes this computer's journal, so there is no team server to "
                    "move it to. Choose the team server in File > Journal… and start axdesk "
                    "again, then move the journal."
                )
            )
            return
        from axdesk.store.journal_move import move_journal  # not before the window paints

        local = self._local
        (
            self._ctx.worker.call(lambda: move_journal(local, journal.connection))
            .on_success(self._done)
            .on_error(self._stopped)
            .start()
        )

    def _done(self, report: MoveReport) -> None:
        self._note(
            fill_args(
                self.tr(
                    "This computer's journal was moved to the team server.\n"
                    "Orders copied: %1\nAlready on the team server: %2\nTickets: %3\n"
                    "Cancels: %4\nAX status changes: %5\nWho-did-what lines: %6\n"
                    "This computer's journal file is kept as it was."
                ),
                str(report.orders_copied),
                str(report.orders_already_there),
                str(report.tickets),
                str(report.cancels),
                str(report.status_changes),
                str(report.activity_lines),
            )
        )
        self._ctx.events.journal_changed.emit(["*"])
        self.moved.emit(report)

    def _stopped(self, error: BaseException) -> None:
        said = describe_error(error)
        sentence = fill_args(
            self.tr("The move stopped; the orders copied so far are whole. %1"),
            str(said) if said is not None else "",
        )
        self._problem(sentence)
        self.failed.emit(sentence)
