"""Every input and button of the shell's own windows has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.ui.catalog.dialog import CatalogDialog
from axdesk.ui.connection.dialog import ConnectionDialog
from axdesk.ui.shell.call_log import CallLogDialog
from axdesk.ui.shell.status_bar import ShellStatusBar

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        parent = widget.parentWidget()
        # Parts Qt builds inside a control (a combo's editor, a line edit's clear button,
        # an item view's viewport widgets) are named through that control.
        if isinstance(parent, QComboBox | QLineEdit | QAbstractItemView):
            continue
        if isinstance(widget, QAbstractItemView) and isinstance(parent, QComboBox):
            continue
        if widget.metaObject().className() == "QComboBoxListView":
            continue
        if not widget.accessibleName().strip():
            missing.append(f"{widget.metaObject().className()} {widget.objectName()!r}")
    return missing


def test_connection_dialog_controls_are_named(qtbot, shell) -> None:
    dialog = ConnectionDialog(shell)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_catalog_dialog_controls_are_named(qtbot, app_context) -> None:
    dialog = CatalogDialog(app_context)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_call_log_viewer_controls_are_named(qtbot, app_context) -> None:
    paths = app_context.paths
    dialog = CallLogDialog(paths.call_log_path, app_context.worker, app_log_path=paths.app_log_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert unnamed_controls(dialog) == []


def test_status_bar_parts_are_named(qtbot, app_context) -> None:
    bar = ShellStatusBar(app_context.connection, app_context.worker)
    qtbot.addWidget(bar)
    assert bar.badge.accessibleName().startswith("Environment: ")
    assert bar.state_label.accessibleName()
    assert bar.last_call_label.accessibleName()


def test_the_check_finds_an_unnamed_button(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named = QPushButton("OK")
    named.setAccessibleName("OK")
    unnamed = QPushButton("?")
    unnamed.setObjectName("mystery")
    layout.addWidget(named)
    layout.addWidget(unnamed)
    assert unnamed_controls(root) == ["QPushButton 'mystery'"]
