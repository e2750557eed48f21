"""The settings saver (shell/settings_saver.py): settings written off the GUI thread, the
last change kept at exit."""

from __future__ import annotations

import threading
from pathlib import Path

from axdesk.store.paths import AppPaths


def test_settings_are_written_off_the_gui_thread(qtbot, launch_window, monkeypatch) -> None:
    import axdesk.store.settings as settings_module

    real_write = settings_module.atomic_write_text
    writers: list[threading.Thread] = []

    def recording_write(path: Path, text: str) -> None:
        writers.append(threading.current_thread())
        real_write(path, text)

    monkeypatch.setattr(settings_module, "atomic_write_text", recording_write)
    window = launch_window()
    saver = window.shell.settings_saver
    assert saver is not None
    writers.clear()

    with qtbot.waitSignal(saver.saved, timeout=5000):
        window.set_language("ko")
        window.ctx.settings.remember_product("PRD-SLOW-DISK")
        assert writers == []  # nothing written while the GUI thread was busy changing them

    assert writers
    assert threading.main_thread() not in writers
    saved = AppPaths.default().settings_path.read_text(encoding="utf-8")
    assert '"ko"' in saved
    assert "PRD-SLOW-DISK" in saved


def test_the_last_setting_changed_before_closing_is_kept(qtbot, launch_window) -> None:
    window = launch_window()
    window.ctx.settings.remember_product("PRD-AT-EXIT")
    window.close()

    again = launch_window()
    assert again.ctx.settings.recent_products[0] == "PRD-AT-EXIT"
