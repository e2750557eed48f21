"""Help > About axdesk: the version, axdesk's licence, the bundled packages' licences, About Qt.

The packages and their licence texts are read from the installed metadata on the
worker (:mod:`axdesk.ui.shell.licenses`); choosing one in the list shows its texts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from axdesk import __version__
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.resources import licenses_dir
from axdesk.ui.common.worker import Worker
from axdesk.ui.shell.licenses import Component, app_component, third_party_components


class AboutDialog(QDialog):
    """The About box; the component list fills in once the worker has read the metadata."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About axdesk"))
        self.resize(720, 560)
        self.components: list[Component] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(
            fill_args(
                self.tr(
                    "<h3>axdesk %1</h3>"
                    "<p>Sell AX Cloud tours: availability, phone orders, supplier confirmations "
                    "and ticket cancellations.</p>"
                    "<p>The API key and channel code stay in the system keyring. "
                    "Start with <code>axdesk --sandbox</code> to practise without an account.</p>"
                    "<p>Licence: MIT. axdesk runs with the packages listed below, each under "
                    "its own licence; Qt and PySide6 under the LGPL version 3.</p>"
                ),
                __version__,
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Components and their licences"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licence text"))
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.about_qt = buttons.addButton(
            self.tr("About &Qt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_row)
        folder = licenses_dir()
        self._show([app_component(folder, __version__)])
        worker.call(lambda: third_party_components(folder)).on_success(
            lambda found: self._show([app_component(folder, __version__), *found])
        ).start()

    def _show(self, components: list[Component]) -> None:
        self.components = components
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for component in components:
            item = QListWidgetItem(f"{component.name} {component.version} — {component.license}")
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, len(components) - 1))

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        self.text.setPlainText(
            "\n\n".join(f"== {name}\n\n{text}" for name, text in component.texts)
            or fill_args(
                self.tr("This package carries no licence file; its licence is %1."),
                component.license,
            )
        )
