"""The Practice menu (practice mode only): stage what a trainee must learn to recognise.

Each item drives the embedded sandbox's own hooks (``RunningSandbox.practice``,
see docs/sandbox.md): the next answer lost after AX made the order (or the
cancel), AX slow by some seconds, the supplier rejecting the next order, a
ticket the traveler already used, AX refusing the key; "Back to normal" undoes
them. The check marks show what is staged now (read from the sandbox each time
the menu opens). Staging takes the sandbox's lock for a moment and never waits
on the network, so it runs on the GUI thread; the ticket picker reads the
journal on the worker.

Quitting practice mode with an order half-typed asks first (:meth:`may_quit`):
practice orders and drafts live in memory only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from axdesk.store.journal import OrderJournal
from axdesk.ui.common.placeholders import fill_args

if TYPE_CHECKING:
    from axdesk.ui.shell.main_window import MainWindow

SLOW_CHOICES = (0, 3, 12)
"""Seconds AX may be made slow by (0: quick, as normal)."""
PICKER_ORDERS = 50
"""How many of the latest orders the ticket picker offers tickets of."""


@dataclass(frozen=True)
class TicketChoice:
    """A live ticket the trainee may mark used: what the picker shows, and its codes."""

    traveler: str
    option: str
    use_at: dt.datetime
    ax_order_code: str
    ax_ticket_code: str


def live_tickets(journal: OrderJournal, limit: int = PICKER_ORDERS) -> list[TicketChoice]:
    """The tickets AX issued that are still new, of the latest ``limit`` orders (worker)."""
    choices: list[TicketChoice] = []
    for summary in journal.list_orders(limit=limit):
        detail = journal.get_order(summary.channel_order_code)
        if detail is None:
            continue
        for line in detail.lines:
            for ticket in line.tickets:
                if ticket.is_cancellable and ticket.ax_order_code and ticket.ax_ticket_code:
                    choices.append(
                        TicketChoice(
                            ticket.name,
                            line.option_name or line.dc_code,
                            line.inventory_at,
                            ticket.ax_order_code,
                            ticket.ax_ticket_code,
                        )
                    )
    return choices


class PracticeMenu(QMenu):
    """The menu, built by :meth:`install` in practice mode only.

    Signals:
        picker_shown(object): the ticket picker (a ``QInputDialog``) is open.
        ticket_marked_used(str): this AX ticket is now Used at the sandbox.
    """

    picker_shown = Signal(object)
    ticket_marked_used = Signal(str)

    @classmethod
    def install(cls, window: MainWindow) -> PracticeMenu | None:
        """Add the menu before Help when ``window`` runs on the embedded sandbox."""
        sandbox = window.shell.sandbox
        if sandbox is None:
            return None
        menu = cls(window, sandbox.practice)
        bar = window.menuBar()
        bar.insertMenu(window.actions_.help_menu.menuAction(), menu)
        return menu

    def __init__(self, window: MainWindow, practice: Any) -> None:
        super().__init__(window.menuBar())
        self._window = window
        self._practice = practice
        self.lose_answer = self._item(self._lose_answer)
        self.slow_menu = QMenu(self)
        self.slow_group = QActionGroup(self)
        self.slow_group.setExclusive(True)
        self.slow_actions: dict[int, QAction] = {}
        for seconds in SLOW_CHOICES:
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, s=seconds: self._set_slow(s))
            self.slow_group.addAction(action)
            self.slow_menu.addAction(action)
            self.slow_actions[seconds] = action
        self.reject_order = self._item(self._reject_order)
        self.mark_used = self._item(self._pick_ticket, checkable=False)
        self.refuse_key = self._item(self._refuse_key)
        self.reset = self._item(self._reset, checkable=False)
        self.addAction(self.lose_answer)
        self.addMenu(self.slow_menu)
        self.addAction(self.reject_order)
        self.addAction(self.mark_used)
        self.addAction(self.refuse_key)
        self.addSeparator()
        self.addAction(self.reset)
        self.aboutToShow.connect(self.show_situation)
        self.retranslate_ui()
        self.show_situation()

    def _item(self, slot: Any, *, checkable: bool = True) -> QAction:
        action = QAction(self)
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- staging ---------------------------------------------------------------------

    def _lose_answer(self) -> None:
        self._practice.lose_next_answer()
        self._staged(
            self.tr(
                "Practice: AX will make the next order (or cancel) and its answer will be "
                "lost on the way. Watch what axdesk says, then settle it."
            )
        )

    def _set_slow(self, seconds: int) -> None:
        self._practice.set_slow(seconds)
        if seconds:
            self._staged(
                fill_args(
                    self.tr(
                        "Practice: AX now takes %1 s longer to answer every request. Cancel "
                        "a wait in the status bar."
                    ),
                    str(seconds),
                )
            )
        else:
            self._staged(self.tr("Practice: AX answers quickly again."))

    def _reject_order(self) -> None:
        self._practice.reject_next_order()
        self._staged(
            self.tr(
                "Practice: the supplier will reject the next order when it decides. Watch "
                "the Orders tab."
            )
        )

    def _refuse_key(self) -> None:
        refused = not self._practice.situation().key_refused
        self._practice.refuse_key(refused)
        if refused:
            self._staged(
                self.tr("Practice: AX now refuses the API key, as if it had been changed.")
            )
        else:
            self._staged(self.tr("Practice: AX accepts the API key again."))

    def _reset(self) -> None:
        self._practice.reset()
        self._staged(self.tr("Practice: back to normal (tickets marked used stay used)."))

    def _staged(self, sentence: str) -> None:
        self.show_situation()
        self._window.status.show_note(sentence, 20_000)

    # -- a ticket used -----------------------------------------------------------------

    def _pick_ticket(self) -> None:
        journal = self._window.ctx.journal
        self._window.ctx.worker.call(lambda: live_tickets(journal)).on_success(
            self._show_picker
        ).start()

    def _show_picker(self, choices: list[TicketChoice]) -> None:
        if not choices:
            self._window.status.show_note(
                self.tr("Practice: there is no live ticket to mark used; make an order first.")
            )
            return
        labels = [
            fill_args(
                self.tr("%1 — %2, %3 (ticket %4)"),
                choice.traveler,
                choice.option,
                choice.use_at.strftime("%Y-%m-%d %H:%M"),
                choice.ax_ticket_code,
            )
            for choice in choices
        ]
        picker = QInputDialog(self._window)
        picker.setWindowTitle(self.tr("Mark a ticket used"))
        picker.setLabelText(
            self.tr("The traveler came: which ticket did they use? It can no longer be cancelled.")
        )
        picker.setComboBoxItems(labels)
        picker.setComboBoxEditable(False)
        picker.setOkButtonText(self.tr("Mark used"))

        def chosen(text: str) -> None:
            if text in labels:
                self._mark_used(choices[labels.index(text)])

        picker.textValueSelected.connect(chosen)
        picker.finished.connect(picker.deleteLater)
        picker.open()
        self.picker_shown.emit(picker)

    def _mark_used(self, choice: TicketChoice) -> None:
        try:
            code = self._practice.mark_ticket_used(choice.ax_order_code, choice.ax_ticket_code)
        except (KeyError, ValueError) as error:
            self._window.show_problem(str(error).strip("'\""))
            return
        self._staged(
            fill_args(
                self.tr(
                    "Practice: the ticket of %1 is now used at AX. Try to cancel it when the "
                    "traveler calls."
                ),
                choice.traveler,
            )
        )
        self.ticket_marked_used.emit(code)

    # -- what is staged ----------------------------------------------------------------

    def show_situation(self) -> None:
        """Check the items that are staged now, as the sandbox says."""
        situation = self._practice.situation()
        self.lose_answer.setChecked(situation.answers_to_lose > 0)
        self.reject_order.setChecked(situation.orders_to_reject > 0)
        self.refuse_key.setChecked(situation.key_refused)
        slow = round(situation.slow_seconds)
        for seconds, action in self.slow_actions.items():
            action.setChecked(seconds == slow)
        self._situation = situation
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        situation = getattr(self, "_situation", None)
        lost = situation.answers_to_lose if situation else 0
        rejects = situation.orders_to_reject if situation else 0
        self.setTitle(self.tr("&Practice"))
        self.lose_answer.setText(
            self.tr("&Lose the next answer after AX made it (%n staged)", "", lost)
            if lost
            else self.tr("&Lose the next answer after AX made it")
        )
        self.slow_menu.setTitle(self.tr("AX is &slow"))
        for seconds, action in self.slow_actions.items():
            action.setText(
                self.tr("&Quick (normal)")
                if seconds == 0
                else fill_args(self.tr("%1 s longer per request"), str(seconds))
            )
        self.reject_order.setText(
            self.tr("Supplier &rejects the next order (%n staged)", "", rejects)
            if rejects
            else self.tr("Supplier &rejects the next order")
        )
        self.mark_used.setText(self.tr("Mark a ticket &used…"))
        self.refuse_key.setText(self.tr("AX re&fuses the key"))
        self.reset.setText(self.tr("&Back to normal"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- quitting ----------------------------------------------------------------------

    def may_quit(self) -> bool:
        """Ask before quitting with an order half-typed (practice keeps nothing)."""
        form = self._window.order_tab.form
        if form.state().is_blank():
            return True
        answer = QMessageBox.question(
            self._window,
            self.tr("Quit practice mode"),
            self.tr(
                "Quit practice mode? The order being typed is lost: practice orders and "
                "drafts are not kept."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
