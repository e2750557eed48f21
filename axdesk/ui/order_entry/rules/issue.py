"""One thing wrong with the form, and the sentence that says so (no Qt).

Sentences are English templates marked for Qt's translation tools with
``QT_TRANSLATE_NOOP("OrderValidation", ...)``. They name their values Qt's way,
``%1``, ``%2``... (a translation may put them in another order); the UI
translates the template and then fills in the values (:meth:`Issue.sentence`,
through :func:`~axdesk.ui.common.placeholders.fill_args`, in one pass).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from axdesk.ui.common.placeholders import fill_args

CONTEXT = "OrderValidation"

Value = str | dt.time
"""A value a sentence names: text, or a start time (the UI writes it in its time format)."""

Found = tuple[str, tuple[Value, ...]]
"""What a single-field check finds: a sentence template and its values, ``%1`` first."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here.

    Named like Qt's macro because that is the name ``pyside6-lupdate`` collects.
    """
    return text


class Required(str):
    """A sentence that says a required field is empty (see :attr:`Issue.missing`)."""

    __slots__ = ()


def required_sentence(template: str) -> str:
    """Mark a sentence as "this required field is empty" (see :attr:`Issue.missing`)."""
    return Required(template)


@dataclass(frozen=True)
class Issue:
    """One thing wrong with the form: where, and a sentence saying what to do.

    ``missing`` is True for a required field left empty: the form shows
    those only once the field was touched (or on a send attempt), while a
    wrong value is shown as soon as it is typed.
    """

    field: str
    template: str
    values: tuple[Value, ...] = ()
    missing: bool = False

    def sentence(
        self,
        translate: Callable[[str], str] | None = None,
        time_text: Callable[[dt.time], str] | None = None,
    ) -> str:
        """The sentence: ``translate`` applied to the template, then the values put into its
        ``%1``, ``%2``... in one pass (a start time written by ``time_text``; "09:30" without)."""
        template = translate(self.template) if translate else self.template
        write_time = time_text or _clock
        texts = [write_time(v) if isinstance(v, dt.time) else v for v in self.values]
        return fill_args(template, *texts)


def _clock(moment: dt.time) -> str:
    return moment.strftime("%H:%M")


class Collector:
    """Gathers the issues of one validation run, in the order the fields appear."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, key: str, found: Found | None) -> None:
        if found is not None:
            template, values = found
            self.issues.append(Issue(key, template, values, isinstance(template, Required)))
