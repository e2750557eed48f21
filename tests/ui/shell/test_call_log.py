"""The call log viewer (shell/call_log.py): every call to AX, never a secret."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_call_log_viewer_shows_calls_without_secrets(qtbot, launch_window) -> None:
    window = launch_window()
    window.show()
    with qtbot.waitSignal(window.connection_tested):
        window.actions_.test_connection.trigger()
    dialog = window.show_call_log()
    qtbot.waitUntil(lambda: dialog.loaded)
    text = dialog.text.toPlainText()
    assert "GET /v1/channel/orders/tour/" in text
    assert "-> 404" in text
    assert "authorization: token ***" in text.lower()
    sandbox = window.shell.sandbox
    assert sandbox.api_key not in text
    dialog.copy_all()
    assert QApplication.clipboard().text() == text

    dialog.log_combo.setCurrentIndex(1)  # the application log, where bugs are written
    qtbot.waitUntil(lambda: dialog.loaded)
    assert str(window.ctx.paths.app_log_path) in dialog._summary.text()
    dialog.close()
