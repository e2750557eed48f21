"""Keeping the New order draft: written as the operator types, brought back at start.

The draft (the form as JSON, see :mod:`axdesk.ui.order_entry.drafts`) is
written on the worker a moment after each change, once more when the window
closes, and read back on the worker when the tab is built: it is put into the
form when it arrives, unless the operator started an order meanwhile (then it
is kept in a file and the message bar says where, see :meth:`DraftKeeper._arrived`).
A send writes its own draft, naming the order's code, from the submission; the
keeper only pauses then.

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
from dataclasses import dataclass
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
    from axdesk.store.journal_queries import OrderDetail, PendingOrder
    from axdesk.ui.common.context import AppContext
    from axdesk.ui.order_entry.tab import OrderTab

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


@dataclass(frozen=True)
class SavedDraft:
    """What the worker read of the saved draft (``text`` "" when there is none)."""

    revision: int
    text: str
    code: str
    order: PendingOrder | None
    detail: OrderDetail | None


def read_saved_draft(ctx: AppContext) -> SavedDraft:
    """On the worker: the saved draft, its revision, and the order it names, if any."""
    journal = ctx.journal
    revision = journal.draft_revision(DRAFT_KEY)
    text = journal.load_draft(DRAFT_KEY) or ""
    code = submitted_code_of(text) if text and is_readable_draft(text) else ""
    order = journal.pending_order(code) if code else None
    detail = None
    if order is not None and order.state is JournalState.SENT:
        detail = journal.get_order(code)
    return SavedDraft(revision, text, code, order, detail)


class DraftKeeper(QObject):
    """The draft of one order tab, built as ``DraftKeeper(tab)``."""

    def __init__(self, tab: OrderTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._dirty = False
        self._saving = False
        self._revision = 0
        self._restored = False
        self._started_over = False
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
        if not self._restored:
            self._started_over = True
            self._dirty = True  # the blank form is written once the saved draft is read
            return
        self._dirty = False
        revision = self.next_revision()
        self._tab.ctx.worker.call(lambda: self._write(None, revision)).start()

    def write_now(self) -> None:
        """The window closes: write what was typed since the last save, here and now."""
        if self._timer.isActive() or self._dirty:
            self._timer.stop()
            try:
                if not self._restored:  # closing before the saved draft was read
                    self._ready_to_close()
                self._write(self._json(), self.next_revision())
            except Exception:
                log.exception("The order draft could not be saved while closing")

    def _ready_to_close(self) -> None:
        """Closing before the saved draft was read: number past it, and keep it aside if the
        form was started over it (here and now, as the rest of the close)."""
        journal = self._tab.ctx.journal
        self._revision = max(self._revision, journal.draft_revision(DRAFT_KEY))
        saved = journal.load_draft(DRAFT_KEY)
        if saved and self._touched():
            keep_draft_file(self._tab.ctx.paths.data_dir, saved, dt.datetime.now(), kind="saved")

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
        if not self._restored:
            self._dirty = True  # written once the saved draft is read (see restore)
            return
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

    @property
    def is_restored(self) -> bool:
        """The saved draft was read (on the worker) and dealt with; saves go out from now on."""
        return self._restored

    def restore(self) -> None:
        """Read the saved draft on the worker; :meth:`_arrived` brings it back into the form.

        The read is a query of the journal's database (which may sit on a slow disk or a
        network home), so the tab is built and shown first. Until the answer is in, no
        draft is written: the journal's revision is not known yet, and a write numbered
        too low would be refused (what was typed meanwhile is written as soon as it is).
        """
        ctx = self._tab.ctx
        ctx.worker.call(lambda: read_saved_draft(ctx)).on_success(self._arrived).on_error(
            self._read_failed
        ).start()

    def _read_failed(self, error: BaseException) -> None:
        log.error("The order draft could not be read", exc_info=error)
        self._ready(0)

    def _ready(self, stored_revision: int) -> None:
        """The journal's revision is known: number on from it and write what waits."""
        self._revision = max(self._revision, stored_revision)
        self._restored = True
        if self._dirty and not self._tab.closed:
            self._save()

    def _touched(self) -> bool:
        """The operator started an order before the draft came: the form is not blank (typed
        into, or a slot booked into it), or New order was pressed. A form typed into and
        emptied again is untouched: nothing in it can be lost."""
        tab = self._tab
        return (
            self._started_over
            or bool(tab.sending.submitted_code)
            or not tab.form.state().is_blank()
        )

    def _arrived(self, saved: SavedDraft) -> None:
        """The saved draft was read: bring it back, then show what the bar says now."""
        if self._tab.closed:
            return
        self._bring_back(saved)
        self._tab.update_bar()

    def _bring_back(self, saved: SavedDraft) -> None:
        """Bring the saved draft back, unless the operator already started a new order.

        A form the operator touched before the draft was read is not overwritten
        (what they type now is what they mean), unless the draft names an order in
        doubt (:meth:`_lock_over_typing`: a second booking is worse than retyping):
        the saved draft is then copied to a file of its own in the data folder and the
        message bar says where, so nothing is lost silently. A draft whose order AX
        made needs no copy: the order is in the journal. An untouched form gets the
        draft as before.
        """
        tab = self._tab
        if not saved.text:
            self._ready(saved.revision)
            return
        if not is_readable_draft(saved.text):
            self._ready(saved.revision)
            self._keep_unreadable(saved.text)
            return
        if self._touched():
            if self._in_doubt(saved) and not tab.sending.submitted_code:
                self._lock_over_typing(saved)
                return
            made = saved.order is not None and saved.order.state is JournalState.SENT
            if made:
                self._ready(saved.revision)
            else:
                self._keep_aside(saved.text, saved.revision)
            return
        if saved.order is not None and saved.order.state is JournalState.SENT:
            # The order in the draft was made (the draft outlived it): show it, never offer
            # it again.
            self._ready(saved.revision)
            self.discard()
            if saved.detail is not None:
                tab.result.show_sent(saved.detail, tab.ctx.connection.supplier_timezone)
            return
        tab.form.set_state(OrderFormState.from_json(saved.text))
        self._dirty = False  # the form now holds what is saved
        self._timer.stop()
        self._ready(saved.revision)
        if self._in_doubt(saved):
            assert saved.order is not None
            tab.sending.lock_on(saved.code, self._lock_reason(saved), saved.order.problem_kind)
            return
        tab.result.show_info(
            self.tr("Your unfinished order is back"),
            self.tr("It was saved as you typed. Press New order to start from a blank form."),
        )

    @staticmethod
    def _in_doubt(saved: SavedDraft) -> bool:
        """The saved draft names an order whose outcome at AX is not known yet."""
        return saved.order is not None and saved.order.state.needs_reconciliation

    def _lock_reason(self, saved: SavedDraft) -> str:
        assert saved.order is not None
        if saved.order.problem_kind is ProblemKind.CANNOT_ASK:
            return cannot_ask_text(saved.code)
        return self.tr("This order was being sent when axdesk stopped.")

    def _lock_over_typing(self, saved: SavedDraft) -> None:
        """The saved draft names an order in doubt: its lock wins over what was typed.

        A new order typed over it could book the same travelers twice (AX may still
        make the first), so the form goes back to that order, locked, as at any start;
        what the operator typed before the draft was read goes to a file of its own
        (``typed-draft-…``, on the worker) and the panel says where.
        """
        assert saved.order is not None
        tab = self._tab
        typed = draft_json(tab.form.state())
        folder = tab.ctx.paths.data_dir
        code, kind, reason = saved.code, saved.order.problem_kind, self._lock_reason(saved)
        tab.form.set_state(OrderFormState.from_json(saved.text))
        self._dirty = False  # the form holds what is saved: the draft naming that order
        self._started_over = False
        self._timer.stop()
        self._ready(saved.revision)
        tab.sending.lock_on(code, reason, kind)

        def kept(path: Path) -> None:
            if tab.sending.submitted_code == code:
                said = self.tr("What you typed before it came back was kept in %1.")
                tab.sending.lock_on(code, f"{reason} {fill_args(said, str(path))}", kind)

        def not_kept(error: BaseException) -> None:
            log.error("What was typed over a locked draft could not be kept", exc_info=error)
            if tab.sending.submitted_code == code:
                said = self.tr(
                    "What you typed before it came back could not be kept: type it again "
                    "once this order is settled."
                )
                tab.sending.lock_on(code, f"{reason} {said}", kind)

        tab.ctx.worker.call(
            lambda: keep_draft_file(folder, typed, dt.datetime.now(), kind="typed")
        ).on_success(kept).on_error(not_kept).start()

    def _keep_aside(self, text: str, revision: int) -> None:
        """A saved draft the operator typed over: to a file of its own (on the worker), said.

        The operator's own draft is written only once the copy is done (or failed), so
        the saved one leaves the journal after it is safe in its file.
        """
        folder = self._tab.ctx.paths.data_dir
        result = self._tab.result

        def kept(path: Path) -> None:
            self._ready(revision)
            result.show_info(
                self.tr("A saved draft was kept aside"),
                fill_args(
                    self.tr(
                        "You started typing before the saved draft was read, so the form "
                        "keeps what you typed; the saved draft was kept in %1."
                    ),
                    str(path),
                ),
            )

        def not_kept(error: BaseException) -> None:
            log.error("The order draft typed over could not be kept aside", exc_info=error)
            self._ready(revision)
            result.show_info(
                self.tr("A saved draft was kept aside"),
                fill_args(
                    self.tr(
                        "You started typing before the saved draft was read, and it could "
                        "not be copied to %1; what you type now replaces it."
                    ),
                    str(folder),
                ),
            )

        self._tab.ctx.worker.call(
            lambda: keep_draft_file(folder, text, dt.datetime.now(), kind="saved")
        ).on_success(kept).on_error(not_kept).start()

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
