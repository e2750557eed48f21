"""The desk's internal note on an order: typed in the detail pane, kept in the journal.

The note is the agency's own ("VIP, pays cash at pick-up"): it is never sent
to AX. :class:`InternalNoteBox` is the editor in the detail pane; it saves by
itself a moment after the typing pauses (:data:`SAVE_PAUSE_MS`), when the focus
leaves it, when the pane moves to another order, and when the window closes,
so nothing typed vanishes. A live refresh of the shown order never replaces
text that is not saved yet.

:class:`OrderNoteSaving` (built as ``OrderNoteSaving(tab)``) writes the note
on the worker with :meth:`~axdesk.store.journal.OrderJournal.save_internal_note`,
naming the note the typing started from: when another desk saved another
note meanwhile, nothing is overwritten; the box shows the other text, keeps
the one typed here, and a second "Save note" replaces it knowingly.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.journal import (
    INTERNAL_NOTE_MAX_LENGTH,
    NoteChangedError,
    NoteTooLongError,
)
from axdesk.store.journal_base import UnknownOrderError
from axdesk.store.journal_queries import OrderDetail
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab

log = logging.getLogger(__name__)

SAVE_PAUSE_MS = 800
"""How long the typing pauses before the note is saved by itself."""


class InternalNoteBox(QWidget):
    """The internal note of the shown order, saved by itself (see the module docstring).

    Signals:
        save_requested(str, str, str): (channel order code, text, the note it is based
            on): keep this note; the tab's :class:`OrderNoteSaving` writes it.
    """

    save_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code: str | None = None
        self._base = ""
        self._saving: str | None = None
        self._conflict = False

        self.caption = QLabel()
        self.caption.setStyleSheet("QLabel { font-weight: bold; }")
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 12)
        self.editor.installEventFilter(self)
        self.caption.setBuddy(self.editor)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_now)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SAVE_PAUSE_MS)
        self._pause.timeout.connect(self._save_by_itself)
        self.editor.textChanged.connect(self._typed)

        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.editor)
        layout.addLayout(state_row)
        self.retranslate_ui()
        self.show_order(None)

    # -- what is shown ------------------------------------------------------------------

    @property
    def code(self) -> str | None:
        return self._code

    def base_text(self) -> str:
        """The journal's note the typing started from."""
        return self._base

    @property
    def is_dirty(self) -> bool:
        """The editor holds text the journal does not have (as far as this box knows)."""
        return self._code is not None and self.editor.toPlainText() != self._base

    def show_order(self, detail: OrderDetail | None) -> None:
        """Show ``detail``'s note. Unsaved text of another order is saved first; unsaved
        text of this same order (a live refresh) is kept as typed."""
        code = detail.channel_order_code if detail is not None else None
        if code != self._code:
            self.flush()
            self._code = code
            self._conflict = False
            self._saving = None
            self._set_text(detail.internal_note if detail is not None else "")
            self._base = self.editor.toPlainText()
            self.editor.setEnabled(detail is not None)
            self._show_saved_state(detail.internal_note_at if detail is not None else None)
        elif detail is not None and not self.is_dirty and self._saving is None:
            if detail.internal_note != self._base:
                self._set_text(detail.internal_note)
                self._base = detail.internal_note
            self._show_saved_state(detail.internal_note_at)
        self._update_button()

    def flush(self) -> None:
        """Ask to save unsaved text now (the pane moves on, the focus leaves)."""
        self._pause.stop()
        if self.is_dirty and self._saving != self.editor.toPlainText() and not self._conflict:
            self._request_save()

    def save_now(self) -> None:
        """ "Save note": save now, also over a note another desk saved meanwhile (the box
        showed it)."""
        self._pause.stop()
        self._conflict = False
        if self.is_dirty:
            self._request_save()

    # -- answers from the saving helper ---------------------------------------------------

    def note_saved(self, code: str, text: str, at: dt.datetime) -> None:
        if code != self._code:
            return
        self._saving = None
        self._base = text
        if self.is_dirty:
            self._pause.start()
            self.state_label.setText(self.tr("Not saved yet…"))
        else:
            self._show_saved_state(at)
        self._update_button()

    def note_changed_elsewhere(self, code: str, current: str) -> None:
        """Another desk saved ``current`` meanwhile: keep what was typed here, say the other
        text, and save only when the operator asks again."""
        if code != self._code:
            return
        self._saving = None
        self._base = current
        self._conflict = True
        self.state_label.setText(
            fill_args(
                self.tr(
                    "Another desk changed this note meanwhile to “%1”. Your text is kept "
                    "here: Save note replaces the other one."
                ),
                current,
            )
        )
        self._update_button()

    def note_not_saved(self, code: str, sentence: str) -> None:
        if code != self._code:
            return
        self._saving = None
        self._conflict = True  # no saving by itself until the operator tries again
        self.state_label.setText(sentence)
        self._update_button()

    # -- internals --------------------------------------------------------------------------

    def _set_text(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)

    def _typed(self) -> None:
        if self._code is None:
            return
        length = len(self.editor.toPlainText())
        if length > INTERNAL_NOTE_MAX_LENGTH:
            self._pause.stop()
            self.state_label.setText(self.too_long_sentence())
        elif self.is_dirty:
            if not self._conflict:
                self._pause.start()
                self.state_label.setText(self.tr("Not saved yet…"))
        else:
            self._pause.stop()
            self._show_saved_state(None)
        self._update_button()

    def too_long_sentence(self) -> str:
        return self.tr(
            "The note is longer than %n character(s); shorten it to save it.",
            "",
            INTERNAL_NOTE_MAX_LENGTH,
        )

    def _save_by_itself(self) -> None:
        if not self._conflict:
            self.flush()

    def _request_save(self) -> None:
        text = self.editor.toPlainText()
        if self._code is None or len(text) > INTERNAL_NOTE_MAX_LENGTH:
            return
        self._saving = text
        self.state_label.setText(self.tr("Saving…"))
        self.save_requested.emit(self._code, text, self._base)

    def _show_saved_state(self, at: dt.datetime | None) -> None:
        if self._code is None:
            self.state_label.setText("")
        elif at is not None:
            self.state_label.setText(
                fill_args(self.tr("Saved %1"), at.astimezone().strftime("%Y-%m-%d %H:%M"))
            )
        elif not self._base:
            self.state_label.setText(self.tr("Only this agency sees it; AX never does."))
        else:
            self.state_label.setText(self.tr("Saved"))

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.is_dirty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Internal &note (this desk only, never sent to AX)"))
        self.editor.setAccessibleName(self.tr("Internal note of the order"))
        self.editor.setPlaceholderText(self.tr("e.g. VIP, pays cash at pick-up, called back at 9"))
        self.save_button.setText(self.tr("Save note"))
        self.save_button.setAccessibleName(self.tr("Save the internal note now"))
        if not self.is_dirty and self._saving is None and not self._conflict:
            self._show_saved_state(None)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def note_icon(size: int = 16) -> QIcon:
    """The list's mark for an order with an internal note: a small yellow note."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#b08000"), 1))
    painter.setBrush(QColor("#ffe680"))
    painter.drawRoundedRect(QRectF(2.5, 1.5, size - 5, size - 3), 2, 2)
    painter.setPen(QPen(QColor("#806000"), 1))
    for line in range(3):
        y = 5.5 + line * 3
        painter.drawLine(QPointF(5, y), QPointF(size - 5, y))
    painter.end()
    return QIcon(pixmap)


class OrderNoteSaving(QObject):
    """Writes the internal notes the detail pane asks to keep (built as ``OrderNoteSaving(tab)``).

    Outcomes are announced by the tab's signals ``note_saved`` and ``note_failed``.
    """

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._box = tab.detail.note_box
        self._box.save_requested.connect(self.save)
        self._in_flight: dict[str, str] = {}
        """Channel order code -> the text being written now."""
        self._next: dict[str, str] = {}
        """Channel order code -> the newest text, to write when the one in flight is in."""

    def save(self, code: str, text: str, based_on: str) -> None:
        """Keep ``text`` as the note of ``code`` (on the worker). One write per order at a
        time: text typed meanwhile follows, based on the note just written."""
        if code in self._in_flight:
            self._next[code] = text
            return
        self._in_flight[code] = text
        journal = self._tab.ctx.journal
        self._tab.ctx.worker.call(
            lambda: journal.save_internal_note(code, text, based_on=based_on)
        ).on_success(lambda at: self._saved(code, text, at)).on_error(
            lambda error: self._failed(code, error)
        ).start()

    def save_before_closing(self) -> None:
        """The window closes: keep unsaved text now, on this thread (one local write; the
        worker is about to stop, and what was typed must not vanish)."""
        box = self._box
        code = box.code
        if code is None or not box.is_dirty:
            return
        text = box.editor.toPlainText()
        journal = self._tab.ctx.journal
        ours = {box.base_text(), self._in_flight.get(code, box.base_text())}
        try:
            try:
                journal.save_internal_note(code, text, based_on=box.base_text())
            except NoteChangedError as changed:
                if changed.current not in ours:  # another desk's: never overwritten unseen
                    raise
                # Our own write still on the worker got in first: build on it.
                journal.save_internal_note(code, text, based_on=changed.current)
        except NoteChangedError:
            log.warning("The internal note of %s was changed elsewhere; not overwritten", code)
        except Exception:  # the window is closing: log it, never a traceback on screen
            log.exception("The internal note of %s could not be kept", code)

    def _saved(self, code: str, text: str, at: dt.datetime) -> None:
        self._in_flight.pop(code, None)
        following = self._next.pop(code, None)
        if following is not None and following != text:
            self.save(code, following, text)
        self._box.note_saved(code, text, at)
        self._tab.model.update_order(code)
        self._tab.note_saved.emit(code)

    def _failed(self, code: str, error: BaseException) -> None:
        self._in_flight.pop(code, None)
        self._next.pop(code, None)  # the box keeps the text; the operator saves again
        if isinstance(error, NoteChangedError):
            self._box.note_changed_elsewhere(code, error.current)
            sentence = self.tr("Another desk changed this note meanwhile; nothing was overwritten.")
        else:
            if isinstance(error, NoteTooLongError):
                sentence = self._box.too_long_sentence()
            elif isinstance(error, UnknownOrderError):
                sentence = self.tr("This order is no longer in the journal; the note was not kept.")
            else:
                sentence = describe_error(error) or ""
            self._box.note_not_saved(code, sentence)
        self._tab.show_message(sentence)
        self._tab.note_failed.emit(code, sentence)
