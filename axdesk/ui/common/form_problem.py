"""What to fix in a form before it is used: a sentence and the field it is about.

A form's ``read_*`` method raises :class:`FormProblem` for the first thing to
fix; the dialog shows the sentence its usual way and gives the field the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class FormProblem(Exception):
    """``str(problem)`` is the sentence for the operator; ``field`` the input to fix,
    or None when no single input is at fault."""

    def __init__(self, sentence: str, field: QWidget | None = None) -> None:
        super().__init__(sentence)
        self.field = field
