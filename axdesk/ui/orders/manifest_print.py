"""The printable day manifest: the guide's sheet for a departure, printed or saved as PDF.

One page per departure (date, time, option): every traveler not cancelled,
with phone, the notes the order sent, the ticket's status and an empty box
to tick at the meeting point. The sheet is a ``QTextDocument`` built from
HTML (:func:`manifest_html`): Qt lays out its tables, breaks long lists over
pages with page numbers, prints it to any ``QPrinter`` through Qt's print
dialog, and writes it as PDF with ``QPdfWriter`` with the fonts embedded
(subset TrueType with a ToUnicode map, so the Korean names can be searched
and copied). Its text is plain data, so tests read it back.

Korean names need a font with Hangul: :func:`korean_font_family` picks an
installed one (Noto Sans CJK, Nanum, Malgun Gothic, …); when there is none
and the sheet holds Korean, nothing is printed and the operator is told.

:class:`ManifestPrintDialog` chooses the day and the departure (starting on the
selected order's, not today's); :class:`ManifestPrinting` (built as
``ManifestPrinting(tab)``) prints or saves, the PDF written on the worker
(0600: it holds travelers' data).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.departures import Departure, DepartureTraveler
from axdesk.store.files import atomic_write_bytes
from axdesk.ui.common.context import supplier_today
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.orders.departure_picker import DeparturePicker, default_choice, departure_heading
from axdesk.ui.orders.sent_notes import person_note_parts
from axdesk.ui.orders.status_look import ticket_status_text

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab

KOREAN_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "UnDotum",
)
"""Fonts with Hangul, best first; any other family that writes Korean comes after them."""
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
SHEET_POINT_SIZE = 9.5


class NoKoreanFontError(Exception):
    """The sheet holds Korean text and no installed font has Hangul; nothing was printed."""


def korean_font_family() -> str | None:
    """An installed font family that writes Korean, or None."""
    installed = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    for family in KOREAN_FAMILIES:
        if family in installed:
            return family
    return installed[0] if installed else None


def _cell(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _notes(traveler: DepartureTraveler) -> str:
    order, ticket = traveler.order, traveler.ticket
    parts = person_note_parts(ticket.notes)
    purchaser = person_note_parts(order.purchaser_notes)
    if purchaser:
        parts.append(
            fill_args(
                QCoreApplication.translate("ManifestSheet", "Purchaser: %1"), " · ".join(purchaser)
            )
        )
    if order.comment and order.comment.strip():
        parts.append(
            fill_args(QCoreApplication.translate("ManifestSheet", "Order: %1"), order.comment)
        )
    return "\n".join(parts)


def _status(traveler: DepartureTraveler) -> str:
    if traveler.order.state.needs_reconciliation:
        return QCoreApplication.translate("ManifestSheet", "Outcome at AX not known yet")
    return ticket_status_text(traveler.ticket.status)


class ManifestSheet(QObject):
    """The sheet's counted texts (Qt's plural forms need a ``tr`` of a class)."""

    def summary(self, departure: Departure, printed_at: dt.datetime) -> str:
        """``5 travelers · 4 live tickets · printed 2026-02-28 17:02``."""
        return fill_args(
            self.tr("%1 · %2 · printed %3"),
            self.tr("%n traveler(s)", "", len(departure.coming_travelers)),
            self.tr("%n live ticket(s)", "", len(departure.live_travelers)),
            printed_at.strftime("%Y-%m-%d %H:%M"),
        )


def manifest_html(
    departures: Sequence[Departure],
    zone: dt.tzinfo,
    printed_at: dt.datetime,
    *,
    include_cancelled: bool = False,
) -> str:
    """The sheet of ``departures`` (one page each) as the HTML a ``QTextDocument`` lays out."""
    translate = QCoreApplication.translate
    sheet = ManifestSheet()
    heads = [
        "✓",
        "#",
        translate("ManifestSheet", "Traveler"),
        translate("ManifestSheet", "Phone"),
        translate("ManifestSheet", "Notes"),
        translate("ManifestSheet", "Ticket"),
        translate("ManifestSheet", "Order"),
    ]
    pages = []
    for number, departure in enumerate(departures):
        travelers = departure.travelers if include_cancelled else departure.coming_travelers
        brk = ' style="page-break-before: always"' if number else ""
        rows = []
        for index, traveler in enumerate(travelers, start=1):
            struck = ' style="text-decoration: line-through"' if traveler.is_cancelled else ""
            order = traveler.order
            who = order.purchaser_name or ""
            code = order.channel_order_code[:8]
            rows.append(
                f'<tr{struck}><td width="24">&nbsp;</td><td>{index}</td>'
                f"<td><b>{_cell(traveler.ticket.name)}</b></td>"
                f"<td>{_cell(traveler.ticket.phone)}</td>"
                f"<td>{_cell(_notes(traveler))}</td>"
                f"<td>{_cell(_status(traveler))}</td>"
                f"<td>{_cell(who)}<br><small>{_cell(code)}</small></td></tr>"
            )
        summary = sheet.summary(departure, printed_at.astimezone(zone))
        head_cells = "".join(f"<th>{_cell(head)}</th>" for head in heads)
        nobody = translate("ManifestSheet", "No traveler on this departure.")
        empty = f"<p>{_cell(nobody)}</p>" if not rows else ""
        title = translate("ManifestSheet", "Day manifest")
        pages.append(
            f"<div{brk}><h2>{_cell(title)}: "
            f"{_cell(departure_heading(departure, zone))}</h2>"
            f"<p>{_cell(summary)}</p>"
            '<table width="100%" border="1" cellspacing="0" cellpadding="4">'
            f"<thead><tr>{head_cells}</tr></thead>{''.join(rows)}</table>{empty}</div>"
        )
    return "<html><body>" + "".join(pages) + "</body></html>"


def manifest_document(
    departures: Sequence[Departure],
    zone: dt.tzinfo,
    printed_at: dt.datetime,
    *,
    include_cancelled: bool = False,
) -> QTextDocument:
    """The sheet as a document, in a font that writes Korean when it holds Korean.

    Raises :class:`NoKoreanFontError` when it holds Korean and no such font is installed.
    """
    text = manifest_html(departures, zone, printed_at, include_cancelled=include_cancelled)
    family = korean_font_family()
    if family is None and _HANGUL.search(text):
        raise NoKoreanFontError
    document = QTextDocument()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(SHEET_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(text)
    return document


def _page_setup(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)


def pdf_bytes(document: QTextDocument, title: str) -> bytes:
    """``document`` as a PDF (A4, fonts embedded), in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("axdesk")
    _page_setup(writer)
    document.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(data.data())


class ManifestPrintDialog(QDialog):
    """Chooses the departure (or every departure of a day) to print or save as PDF."""

    def __init__(self, picker: DeparturePicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Day manifest"))
        self.picker = picker
        self.cancelled_check = QCheckBox(self.tr("Include cancelled tickets (struck through)"))
        self.cancelled_check.setAccessibleName(self.tr("Include cancelled tickets"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the manifest"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the manifest as a PDF file"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the manifest"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picker)
        layout.addWidget(self.cancelled_check)
        layout.addWidget(self.state_label)
        layout.addWidget(buttons)
        picker.chosen.connect(self._update)
        self._update()
        self.resize(560, 380)

    def _update(self) -> None:
        can = bool(self.picker.chosen_departures())
        self.print_button.setEnabled(can)
        self.pdf_button.setEnabled(can)

    def include_cancelled(self) -> bool:
        return self.cancelled_check.isChecked()


class ManifestPrinting(QObject):
    """The day manifest from the Orders tab (built as ``ManifestPrinting(tab)``).

    Outcomes are announced by the tab's signals ``manifest_written`` (a PDF) and
    ``manifest_printed``; a sentence goes to the dialog and the tab's status line.
    """

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.dialog: ManifestPrintDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        tab.filters.print_manifest_action.triggered.connect(self.choose)

    def choose(self) -> None:
        """Open the manifest dialog on the selected order's day and departure."""
        tab = self._tab
        today = supplier_today(tab.ctx.connection.supplier_timezone)
        day, key = default_choice(tab.detail.detail, today, tab.zone())
        picker = DeparturePicker(
            tab.ctx.worker, tab.ctx.journal, tab.zone, day, key, offer_all=True
        )
        dialog = ManifestPrintDialog(picker, tab)
        dialog.print_button.clicked.connect(lambda: self._ask_printer(dialog))
        dialog.pdf_button.clicked.connect(lambda: self._ask_pdf_path(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        tab.open_dialog(dialog)

    # -- printing ---------------------------------------------------------------------------

    def print_to(
        self,
        printer: QPrinter,
        departures: Sequence[Departure],
        *,
        include_cancelled: bool = False,
    ) -> bool:
        """Print the sheet of ``departures`` on ``printer``; False (and a sentence) if not."""
        document = self._document(departures, include_cancelled)
        if document is None:
            return False
        document.print_(printer)
        self._say(self.tr("The manifest was sent to the printer."))
        self._tab.manifest_printed.emit()
        return True

    def write_pdf(
        self,
        path: Path,
        departures: Sequence[Departure],
        *,
        include_cancelled: bool = False,
    ) -> None:
        """Lay the sheet out here, write the PDF to ``path`` on the worker."""
        document = self._document(departures, include_cancelled)
        if document is None:
            return
        data = pdf_bytes(document, self.tr("Day manifest"))
        tab = self._tab

        def written(_none: None) -> None:
            self._say(fill_args(self.tr("The manifest was saved to %1."), str(path)))
            tab.manifest_written.emit(str(path))

        def failed(error: BaseException) -> None:
            reason = error.strerror if isinstance(error, OSError) else None
            self._say(
                fill_args(self.tr("The manifest could not be saved to %1: %2."), str(path), reason)
                if reason
                else fill_args(self.tr("The manifest could not be saved to %1."), str(path))
            )
            tab.manifest_failed.emit(str(path))

        tab.ctx.worker.call(lambda: atomic_write_bytes(path, data)).on_success(written).on_error(
            failed
        ).start()

    def _document(
        self, departures: Sequence[Departure], include_cancelled: bool
    ) -> QTextDocument | None:
        now = dt.datetime.now(dt.UTC)
        try:
            return manifest_document(
                departures, self._tab.zone(), now, include_cancelled=include_cancelled
            )
        except NoKoreanFontError:
            self._say(
                self.tr(
                    "No font with Korean letters is installed, so Korean names would print "
                    "as empty boxes. Install one (for example Noto Sans CJK or Nanum) and "
                    "try again."
                )
            )
            self._tab.manifest_failed.emit("")
            return None

    def _ask_printer(self, dialog: ManifestPrintDialog) -> None:
        departures = dialog.picker.chosen_departures()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _page_setup(printer)
        printer.setDocName(self.tr("Day manifest"))
        ask = QPrintDialog(printer, dialog)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.finished.connect(
            lambda result: (
                self.print_to(printer, departures, include_cancelled=dialog.include_cancelled())
                if result == QDialog.DialogCode.Accepted.value
                else None
            )
        )
        ask.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog = ask
        ask.show()

    def _ask_pdf_path(self, dialog: ManifestPrintDialog) -> None:
        departures = dialog.picker.chosen_departures()
        day = dialog.picker.day().isoformat()
        path, _filter = QFileDialog.getSaveFileName(
            dialog,
            self.tr("Save the manifest as PDF"),
            str(Path.home() / f"axdesk-manifest-{day}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.write_pdf(Path(path), departures, include_cancelled=dialog.include_cancelled())

    def _closed(self, dialog: ManifestPrintDialog) -> None:
        dialog.picker.stop()
        if self.dialog is dialog:
            self.dialog = None
            self.print_dialog = None

    def _say(self, sentence: str) -> None:
        if self.dialog is not None:
            self.dialog.state_label.setText(sentence)
        self._tab.show_message(sentence)
