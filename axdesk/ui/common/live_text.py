"""Texts that say themselves again after a live language switch (no Qt).

A sentence shown on screen is usually rendered once, in the language of that
moment; after View > Language it would stay in the old language. A
:class:`LiveText` is a ``str`` (the sentence as first rendered, so every API
that takes text takes it) that also keeps how to render it: :func:`again`
renders it anew in the language now in use. Widgets that show sentences from
elsewhere (the notice bar, the status bar's note, dialogs' result lines) keep
the text they were given and call :func:`again` on ``QEvent.LanguageChange``.

Make one with :func:`live` from a function that renders the sentence, e.g.
``live(lambda: fill_args(tr("Imported %1."), name))``; a problem the store
typed is worded by :func:`axdesk.ui.common.store_text.problem_text`, an error
by :func:`axdesk.ui.common.worker.describe_error`. Joining or adding texts
makes a plain ``str``: use :func:`live_join` to keep them live.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class LiveText(str):
    """A sentence that can be said again in the language now in use (see the module)."""

    _render: Callable[[], str]

    def __new__(cls, render: Callable[[], str]) -> LiveText:
        made = super().__new__(cls, render())
        made._render = render
        return made

    def again(self) -> LiveText:
        return LiveText(self._render)


def live(render: Callable[[], str]) -> LiveText:
    """The sentence ``render()`` gives, rendered again by :func:`again`."""
    return LiveText(render)


def again(text: str) -> str:
    """``text`` in the language now in use (a plain ``str`` stays as it is)."""
    return text.again() if isinstance(text, LiveText) else text


def live_join(separator: str, texts: Iterable[str]) -> LiveText:
    """``separator.join(texts)``, each part said again when the whole is."""
    parts = list(texts)
    return live(lambda: separator.join(again(part) for part in parts))
