"""Sentences of the store, typed: a template and its values, worded by the UI (no Qt).

The store has no Qt and speaks English; the operator may read Korean. So a
sentence the store means for the screen (a bad catalog row, a damaged settings
file, an order journaled for another server) is a :class:`Problem`: an English
template with Qt's ``%1`` placeholders, declared once with :func:`template`,
and the values that fill it (text, numbers, or other problems: "Row 3"). It
*is* its English sentence (a ``str``), so logs, exceptions and tests read it as
before; the UI translates the template and fills in the values in the
operator's language (``axdesk.ui.common.store_text.problem_text``), and says it
again after a live language switch.

Every template is declared at import time, so the UI's list of them (which
Qt's translation tools read) is checked against :data:`TEMPLATES` by a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ARG_MARKER = re.compile(r"%([1-9][0-9]?)")

TEMPLATES: set[str] = set()
"""Every declared template."""


def template(text: str) -> str:
    """Declare ``text`` as a template of the store's sentences; returns it."""
    TEMPLATES.add(text)
    return text


def fill(text: str, values: Iterable[object]) -> str:
    """``%1``, ``%2``... replaced in one pass (a value's own ``%2`` stays as it is)."""
    shown = [str(value) for value in values]

    def value_for(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return shown[number - 1] if 1 <= number <= len(shown) else match.group(0)

    return _ARG_MARKER.sub(value_for, text)


class Problem(str):
    """A sentence of the store: its English text, with the template and values it came from.

    ``values`` are text, numbers or nested problems (e.g. where: "Row 3"), in the
    order of the template's placeholders.
    """

    template: str
    values: tuple[object, ...]

    def __new__(cls, text: str, *values: object) -> Problem:
        made = super().__new__(cls, fill(text, values))
        made.template = text
        made.values = values
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (Problem, (self.template, *self.values))

    def __repr__(self) -> str:
        return f"Problem({str.__repr__(self)})"


def problem_of(error: BaseException) -> Problem | None:
    """The typed sentence an exception was raised with, if it was raised with one."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Problem) else None
