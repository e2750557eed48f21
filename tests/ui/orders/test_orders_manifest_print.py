"""The printable day manifest (ManifestPrinting): the guide's sheet per departure, through Qt's
print dialog and as PDF, Korean fonts embedded, starting on the selected order's day.

The real sandbox over loopback and the app's own context (see test_orders_support). The PDF
is read back with pdftotext (Debian's poppler-utils) when it is installed; the font embedding
is checked in the file itself either way.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from test_orders_support import make_tab, place_order, traveler

from axdesk.sandbox.embedded import RunningSandbox
from axdesk.ui.common.context import AppContext, supplier_today
from axdesk.ui.orders import manifest_print
from axdesk.ui.orders.manifest_print import ManifestPrintDialog, korean_font_family

pytestmark = [
    pytest.mark.e2e,
    # The offscreen platform plugin says this whenever a shown top-level widget's size
    # hints change; it is a limit of the test platform, not a fault of the tab.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def korean_font(qapp: Any) -> str:
    """An installed font with Hangul (the fonts are only known once the application runs)."""
    family = korean_font_family()
    if family is None:
        pytest.skip(
            "no font with Hangul is installed (Debian: fonts-nanum; ./dev test installs it)"
        )
    return family


def _pdf_text(path: Path) -> str | None:
    """The PDF's text as pdftotext reads it, spaces dropped (Qt places each glyph, and
    pdftotext reads some spaces as U+0001), or None when pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run([tool, str(path), "-"], capture_output=True, check=True, text=True)  # noqa: S603
    return re.sub(r"[\s\x01]+", "", done.stdout)


def _assert_fonts_embedded(data: bytes) -> None:
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # a TrueType font program inside the file
    assert b"/ToUnicode" in data  # glyphs map back to text (search, copy, pdftotext)


def _open_manifest(qtbot: Any, tab: Any) -> ManifestPrintDialog:
    tab.filters.print_manifest_action.trigger()
    dialog = tab.active_dialog
    assert isinstance(dialog, ManifestPrintDialog)
    qtbot.waitUntil(lambda: not dialog.picker.is_loading)
    return dialog


@pytest.mark.usefixtures("korean_font")
def test_the_manifest_pdf_starts_on_the_selected_orders_departure_with_korean_embedded(
    qtbot: Any,
    app_context: AppContext,
    sandbox: RunningSandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today = supplier_today(app_context.connection.supplier_timezone)
    placed = place_order(
        app_context,
        sandbox,
        [
            traveler("김민준", "010-2345-6789", note="휠체어 필요"),
            traveler("이서연", "010-3333-4444"),
        ],
        comment="롯데호텔 로비 픽업",
        after=today,
    )
    place_order(app_context, sandbox, [traveler("Park Jisoo")], option=1, after=today)
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)

    dialog = _open_manifest(qtbot, tab)
    # The selected order's day and departure, not today.
    assert placed.slot.date != today
    assert dialog.picker.day() == placed.slot.date
    chosen = dialog.picker.chosen_departures()
    assert len(chosen) == 1
    assert [t.ticket.name for t in chosen[0].travelers] == ["김민준", "이서연"]

    target = tmp_path / "manifest.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(tab.manifest_written, timeout=10_000) as written,
    ):
        dialog.pdf_button.click()
    assert written.args == [str(target)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # travelers' data
    data = target.read_bytes()
    _assert_fonts_embedded(data)
    text = _pdf_text(target)
    if text is not None:
        for expected in ("김민준", "이서연", "010-2345-6789", "휠체어필요", "롯데호텔로비픽업"):
            assert expected in text
        assert "ParkJisoo" not in text  # another departure (another option)
    assert placed.slot.start_time.strftime("%H:%M") in (
        text or placed.slot.start_time.strftime("%H:%M")
    )


@pytest.mark.usefixtures("korean_font")
def test_every_departure_of_the_day_prints_through_the_print_dialog(
    qtbot: Any, app_context: AppContext, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    first = place_order(app_context, sandbox, [traveler("김민준")])
    place_order(
        app_context,
        sandbox,
        [traveler("Park Jisoo")],
        option=1,
        after=first.slot.date - dt.timedelta(days=1),
    )
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(first.code)
    dialog = _open_manifest(qtbot, tab)
    departures = dialog.picker.departures()
    dialog.picker.departure_list.setCurrentRow(0)  # "every departure of the day"
    assert dialog.picker.chosen_departures() == departures

    dialog.print_button.click()
    ask = tab.manifest.print_dialog
    assert ask is not None
    assert ask.isVisible()
    # The operator chose a printer and pressed Print: here a PDF file stands for the
    # printer (the dialog's own accept() would put back the printer its widgets name).
    target = tmp_path / "printed.pdf"
    ask.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ask.printer().setOutputFileName(str(target))
    with qtbot.waitSignal(tab.manifest_printed, timeout=10_000):
        ask.done(QDialog.DialogCode.Accepted.value)
    data = target.read_bytes()
    _assert_fonts_embedded(data)
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= len(departures)
    text = _pdf_text(target)
    if text is not None:
        assert "김민준" in text
        if len(departures) > 1:
            assert "ParkJisoo" in text


def test_without_a_korean_font_nothing_is_printed_and_the_operator_is_told(
    qtbot: Any,
    app_context: AppContext,
    sandbox: RunningSandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    placed = place_order(app_context, sandbox, [traveler("김민준")])
    tab = make_tab(qtbot, app_context)
    with qtbot.waitSignal(tab.detail_shown):
        tab.show_order(placed.code)
    dialog = _open_manifest(qtbot, tab)
    monkeypatch.setattr(manifest_print, "korean_font_family", lambda: None)
    target = tmp_path / "manifest.pdf"
    with qtbot.waitSignal(tab.manifest_failed):
        tab.manifest.write_pdf(target, dialog.picker.chosen_departures())
    assert not target.exists()
    assert "Korean" in dialog.state_label.text()
