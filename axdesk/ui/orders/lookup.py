"""Looking an order up at AX by code, and following it here (Ctrl+L, "Look up at AX…").

AX cannot list orders, so an order made elsewhere is found only by its code.
:class:`LookupDialog` shows AX's answer (Get Confirm) for a code that may not
be in the journal, and offers to import it; :class:`OrderLookup` runs the
lookup and the import (:mod:`axdesk.store.lookup`) on the worker and shows
an imported order in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import OrderStatusInfo
from axdesk.store.lookup import LookupAnswer, import_answer, look_up
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.orders.status_look import LookIcons, status_look, status_text

if TYPE_CHECKING:
    from axdesk.ui.orders.tab import OrdersTab


class LookupDialog(QDialog):
    """Look an order up at AX by code (Get Confirm) and import it into the journal.

    :class:`OrderLookup` runs the calls; the dialog asks for them and shows their outcome.

    Signals:
        lookup_requested(str): look this code up at AX.
        import_requested(object): import this answer (a list of ``OrderStatusInfo``).
    """

    lookup_requested = Signal(str)
    import_requested = Signal(object)

    def __init__(self, code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.infos: list[OrderStatusInfo] = []
        self._icons = LookIcons()
        self.setWindowTitle(self.tr("Look up an order at AX"))

        intro = QLabel(
            self.tr(
                "Enter a channel order code or an AX order code. AX's answer is shown; "
                "an order made elsewhere can then be followed here."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(code)
        self.code_edit.setAccessibleName(self.tr("Order code to look up"))
        self.code_edit.setPlaceholderText(self.tr("Channel or AX order code"))
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.returnPressed.connect(self._lookup)
        self.lookup_button = QPushButton(self.tr("&Look up"))
        self.lookup_button.setAccessibleName(self.tr("Look the code up at AX"))
        self.lookup_button.setAutoDefault(False)
        self.lookup_button.clicked.connect(self._lookup)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.lookup_button)

        self.result_tree = QTreeWidget()
        self.result_tree.setAccessibleName(self.tr("AX's answer"))
        self.result_tree.setHeaderLabels(
            [self.tr("Channel order"), self.tr("AX order"), self.tr("Status"), self.tr("Comment")]
        )
        self.result_tree.setRootIsDecorated(False)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setFrameShape(QFrame.Shape.NoFrame)

        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import into the journal"))
        self.import_button.setAccessibleName(self.tr("Import the order into the journal"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the lookup"))
        close.setAutoDefault(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result_tree, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setTabOrder(self.code_edit, self.lookup_button)
        self.setTabOrder(self.lookup_button, self.result_tree)
        self.setTabOrder(self.result_tree, self.import_button)
        self.resize(720, 340)

    def code(self) -> str:
        return self.code_edit.text().strip()

    def _lookup(self) -> None:
        code = self.code()
        if not code:
            self.message_label.setText(self.tr("Enter a code to look up."))
            return
        self.result_tree.clear()
        self.infos = []
        self.import_button.setEnabled(False)
        self.message_label.setText(self.tr("Asking AX…"))
        self.lookup_button.setEnabled(False)
        self.lookup_requested.emit(code)

    def _import(self) -> None:
        if self.infos:
            self.import_button.setEnabled(False)
            self.import_requested.emit(list(self.infos))

    def show_answer(self, answer: LookupAnswer) -> None:
        """Show AX's answer; orders the journal follows already are not offered for import."""
        self.lookup_button.setEnabled(True)
        infos = answer.infos
        self.infos = list(infos)
        self.result_tree.clear()
        for info in infos:
            look = status_look(info.status)
            item = QTreeWidgetItem(
                self.result_tree,
                [
                    info.channel_order_code,
                    info.ax_order_code,
                    status_text(info.status),
                    info.comment or "",
                ],
            )
            item.setIcon(2, self._icons(look))
        for column in range(3):
            self.result_tree.resizeColumnToContents(column)
        if not infos:
            self.message_label.setText(self.tr("AX knows no order with this code."))
            return
        if not answer.to_import:
            self.message_label.setText(
                self.tr("This order is already in the journal; its status was updated.")
            )
            self.import_button.setEnabled(False)
        else:
            self.message_label.setText(
                self.tr("This order is not in the journal. Import it to follow it here.")
            )
            self.import_button.setEnabled(True)
            self.import_button.setDefault(True)

    def show_error(self, sentence: str) -> None:
        self.lookup_button.setEnabled(True)
        self.message_label.setText(sentence)

    def show_imported(self, channel_order_codes: Sequence[str]) -> None:
        self.message_label.setText(
            fill_args(
                self.tr("Imported: %1. It is now followed by live sync."),
                ", ".join(channel_order_codes),
            )
        )


class OrderLookup(QObject):
    """The Orders tab's lookup at AX (built as ``OrderLookup(tab)``): the "Look up at AX…"
    button, Ctrl+L, and the hint's button, which looks up the code searched for."""

    def __init__(self, tab: OrdersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L), tab)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tab.filters.lookup_button.clicked.connect(lambda: self.open())
        tab.filters.hint_button.clicked.connect(lambda: self.open(tab.filters.search_text()))
        self.shortcut.activated.connect(lambda: self.open())

    def open(self, code: str = "") -> LookupDialog:
        """Open the lookup dialog (looking ``code`` up at once when given)."""
        dialog = LookupDialog(code, self._tab)
        dialog.lookup_requested.connect(lambda text: self._look_up(dialog, text))
        dialog.import_requested.connect(lambda infos: self._import(dialog, infos))
        self._tab.open_dialog(dialog)
        if code:
            dialog.lookup_button.click()
        return dialog

    def _look_up(self, dialog: LookupDialog, code: str) -> None:
        ctx = self._tab.ctx
        connection, journal = ctx.connection, ctx.journal
        ctx.worker.call(lambda: look_up(connection.client(), journal, code)).on_success(
            dialog.show_answer
        ).on_error(lambda error: dialog.show_error(describe_error(error) or "")).operator().start()

    def _import(self, dialog: LookupDialog, infos: list[OrderStatusInfo]) -> None:
        tab = self._tab
        connection, journal = tab.ctx.connection, tab.ctx.journal

        def imported(codes: list[str]) -> None:
            dialog.show_imported(codes)
            tab.refresh()
            if codes:
                tab.show_order(codes[0])
                for code in codes:
                    tab.order_imported.emit(code)

        tab.ctx.worker.call(lambda: import_answer(connection.client(), journal, infos)).on_success(
            imported
        ).on_error(lambda error: dialog.show_error(describe_error(error) or "")).start()
