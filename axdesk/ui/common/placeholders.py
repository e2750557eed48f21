"""Qt's numbered placeholders, ``%1``, ``%2``..., filled in one pass (no Qt).

The one placeholder style of the app: a translated text names its values
``%1``, ``%2``... (a translation may put them in another order), and
:func:`fill_args` puts the values in. It needs no Qt, so the Qt-free parts
(the order rules) fill their sentences the same way the widgets do.
"""

from __future__ import annotations

import re

_ARG_MARKER = re.compile(r"%([1-9][0-9]?)")


def fill_args(text: str, *values: str) -> str:
    """Put ``values`` into a translated text's ``%1``, ``%2``... in one pass, as
    ``QString::arg`` with several arguments does.

    Replacing ``%1`` and then ``%2`` one after the other would also replace a
    ``%2`` that the first value brought in (an error text from the server, say).
    A marker without a value is left as it is.
    """

    def value_for(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return values[number - 1] if 1 <= number <= len(values) else match.group(0)

    return _ARG_MARKER.sub(value_for, text)
