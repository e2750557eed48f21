"""The contract every main-window tab keeps (the frame calls nothing else on a tab).

A tab is a ``QWidget`` built as ``Tab(ctx: AppContext, parent=None)``. The main
window calls :meth:`Tab.on_shown` when the tab becomes the current one,
:meth:`Tab.refresh` for View > Refresh (F5), and :meth:`Tab.shutdown` once when
the window closes, before the worker stops.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Tab(Protocol):
    def on_shown(self) -> None:
        """The tab became the current one: bring what it shows up to date, cheaply."""

    def refresh(self) -> None:
        """The operator asked for fresh data (View > Refresh, F5)."""

    def shutdown(self) -> None:
        """The window closes: keep what must be kept and stop waiting on anything."""
