"""One thing wrong with the form, and the sentence that says so (no Qt).

Sentences are English templates marked for Qt's translation tools with
``QT_TRANSLATE_NOOP("OrderValidation", ...)``; the UI translates the template
and then fills in the values (:meth:`Issue.sentence`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

CONTEXT = "OrderValidation"

Found = tuple[str, dict[str, str]]
"""What a single-field check finds: a sentence template and the values it names."""


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
    args: Mapping[str, str] = dataclasses.field(default_factory=dict)
    missing: bool = False

    def sentence(self, translate: Callable[[str], str] | None = None) -> str:
        """The sentence, with ``translate`` applied to the template before the values."""
        template = translate(self.template) if translate else self.template
        return template.format(**self.args)


class Collector:
    """Gathers the issues of one validation run, in the order the fields appear."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, key: str, found: Found | None) -> None:
        if found is not None:
            template, args = found
            self.issues.append(Issue(key, template, args, isinstance(template, Required)))
