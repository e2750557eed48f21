"""Keeping the New order draft: written as the operator types, brought back at start.

The draft (the form as JSON, see :mod:`axdesk.ui.order_entry.drafts`) is
written on the worker a moment after each change, once more when the window
closes, and read back when the tab is built. A send writes its own draft,
naming the order's code, from the submission; the keeper only pauses then.

Every snapshot of the form gets the next revision (:meth:`DraftKeeper.next_revision`,
on the GUI thread, continuing from the journal's at start), the send's too,
and the journal keeps only the newest (``axdesk.store.drafts``): a write of
the draft typed before Send that reaches the journal after the send's own
cannot replace it, nor can one that lands after the draft was cleared.

A draft that names an order the journal holds as being sent, or whose
outcome is not known, opens locked on that order; one whose order AX made
shows that order and starts a blank form.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from axdesk.store.journal_queries import JournalState, ProblemKind
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.drafts import (
    DRAFT_KEY,
    draft_json,
    is_readable_draft,
    keep_draft_file,
    submitted_code_of,
)
from axdesk.ui.order_entry.state import OrderFormState
from axdesk.ui.order_entry.unsettled_text import cannot_ask_text

if TYPE_CHECKING:
    from axdesk.ui.order_entry.tab import OrderTab

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class DraftKeeper(QObject):
    """The draft of one order tab, built as ``DraftKeeper(tab)``."""

    def __init__(self, tab: OrderTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._dirty = False
        self._saving = False
        self._revision = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self._save)

    def form_changed(self) -> None:
        """Something was typed: write the draft a moment from now."""
        if self._tab.closed:
            return
        self._dirty = True
        self._timer.start()

    def next_revision(self) -> int:
        """The number of a snapshot of the form taken now (GUI thread): newer than all before."""
        self._revision += 1
        return self._revision

    def pause(self) -> None:
        """A send is starting: it writes the draft itself (naming the order)."""
        self._timer.stop()

    def discard(self) -> None:
        """The form starts over: nothing of it is kept (cleared on the worker)."""
        self._timer.stop()
        self._dirty = False
        revision = self.next_revision()
        self._tab.ctx.worker.call(lambda: self._write(None, revision)).start()

    def write_now(self) -> None:
        """The window closes: write what was typed since the last save, here and now."""
        if self._timer.isActive() or self._dirty:
            self._timer.stop()
            try:
                self._write(self._json(), self.next_revision())
            except Exception:
                log.exception("The order draft could not be saved while closing")

    def _json(self) -> str:
        return draft_json(self._tab.form.state(), self._tab.sending.submitted_code)

    def _write(self, text: str | None, revision: int) -> None:
        """Write (or with None clear) the draft as ``revision``; on the worker, or at shutdown.

        The journal refuses it when a newer revision is there already.
        """
        journal = self._tab.ctx.journal
        if text is None:
            journal.clear_draft(DRAFT_KEY, revision=revision)
        else:
            journal.save_draft(DRAFT_KEY, text, revision=revision)

    def _save(self) -> None:
        """Write the draft on the worker; one write at a time, the newest wins."""
        if self._saving:
            self._timer.start()
            return
        self._dirty = False
        state = self._tab.form.state()
        blank = state.is_blank() and not self._tab.sending.submitted_code
        text = None if blank else self._json()
        revision = self.next_revision()
        self._saving = True

        def done() -> None:
            self._saving = False

        def failed(error: BaseException) -> None:
            self._saving = False
            self._dirty = True
            log.error("Saving the order draft failed", exc_info=error)

        self._tab.ctx.worker.call(lambda: self._write(text, revision)).on_success(
            lambda _none: done()
        ).on_error(failed).start()

    # -- at start -------------------------------------------------------------------

    def restore(self) -> None:
        """Bring back the half-typed order (a cheap local read at construction)."""
        tab = self._tab
        journal = tab.ctx.journal
        try:
            self._revision = journal.draft_revision(DRAFT_KEY)
            text = journal.load_draft(DRAFT_KEY)
        except Exception:
            log.exception("The order draft could not be read")
            return
        if not text:
            return
        if not is_readable_draft(text):
            self._keep_unreadable(text)
            return
        state = OrderFormState.from_json(text)
        code = submitted_code_of(text)
        order = journal.pending_order(code) if code else None
        if order is not None and order.state is JournalState.SENT:
            # The order in the draft was made (the draft outlived it): show it, never offer
            # it again.
            journal.clear_draft(DRAFT_KEY, revision=self.next_revision())
            detail = journal.get_order(code)
            if detail is not None:
                tab.result.show_sent(detail, tab.ctx.connection.supplier_timezone)
            return
        tab.form.set_state(state)
        if order is not None and order.state.needs_reconciliation:
            reason = self.tr("This order was being sent when axdesk stopped.")
            if order.problem_kind is ProblemKind.CANNOT_ASK:
                reason = cannot_ask_text(code)
            tab.sending.lock_on(code, reason, order.problem_kind)
            return
        tab.result.show_info(
            self.tr("Your unfinished order is back"),
            self.tr("It was saved as you typed. Press New order to start from a blank form."),
        )

    def _keep_unreadable(self, text: str) -> None:
        """Move a draft that cannot be read to a file of its own and say where it is.

        The form starts blank, but nothing typed before is thrown away: the
        draft's exact text goes to ``unreadable-draft-<time>.json`` in the data
        folder (on the worker: a file write), and only then leaves the journal.
        """
        journal = self._tab.ctx.journal
        folder = self._tab.ctx.paths.data_dir
        result = self._tab.result
        revision = self.next_revision()  # a draft typed from now on is newer: it stays

        def keep() -> Path:
            path = keep_draft_file(folder, text, dt.datetime.now())
            journal.clear_draft(DRAFT_KEY, revision=revision)
            return path

        def kept(path: Path) -> None:
            result.show_info(
                self.tr("The saved draft could not be read"),
                fill_args(
                    self.tr(
                        "The saved draft could not be read, so the form starts blank; "
                        "it was kept in %1."
                    ),
                    str(path),
                ),
            )

        def not_kept(error: BaseException) -> None:
            log.error("The unreadable order draft could not be kept aside", exc_info=error)
            result.show_info(
                self.tr("The saved draft could not be read"),
                fill_args(
                    self.tr(
                        "The saved draft could not be read, and it could not be copied to %1; "
                        "it stays in the order journal until you type a new order."
                    ),
                    str(folder),
                ),
            )

        log.warning("The order draft is not readable; keeping it aside")
        self._tab.ctx.worker.call(keep).on_success(kept).on_error(not_kept).start()
