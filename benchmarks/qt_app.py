"""The benchmarks' QApplication, set up as ``axdesk`` sets up its own.

Without :func:`axdesk.ui.app.configure_application` Python's cyclic collector
runs on whichever thread allocates: a worker thread of a benchmark would then
destroy a dropped cycle holding a Qt object with a running timer (a
``LiveSyncRun``'s ``OrderSync``), and the process dies ("Timers cannot be
stopped from another thread", then a segmentation fault; seen in
``bench_live_sync.py --repeat 5``). The app collects on its GUI thread only,
so the benchmarks measure that too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The running QApplication, or a new one, with axdesk's names and collector."""
    from axdesk.ui.app import configure_application

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    configure_application(app, icon=False)
    return app
