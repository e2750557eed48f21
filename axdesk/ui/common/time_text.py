"""Times as the operator reads them: one format on every screen.

Korean is written in 24 hours ("00:32", "14:05"); English in the locale's own
format ("12:32 AM" in the US, "00:32" in the UK). Every time on screen goes
through :func:`time_text`: the departures of the Inventory and of the order
form, the validation sentences, the orders list and the status bar, so two
corners of the window never disagree ("12:32 AM" beside "00:32:09").

The locale is the one the app set (``QLocale.setDefault``, see
:class:`~axdesk.ui.common.i18n.Translations`); dates stay ISO ("2030-03-01"),
as the order form types them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QTime


def time_pattern(locale: QLocale, *, seconds: bool = False) -> str:
    """Qt's time pattern for ``locale``: "HH:mm" in Korean, the locale's short format else."""
    if locale.language() == QLocale.Language.Korean:
        return "HH:mm:ss" if seconds else "HH:mm"
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return pattern


def time_text(moment: dt.time | dt.datetime, *, seconds: bool = False) -> str:
    """The wall-clock time of ``moment`` (as it stands; convert its zone first)."""
    locale = QLocale()
    clock = QTime(moment.hour, moment.minute, moment.second if seconds else 0)
    return locale.toString(clock, time_pattern(locale, seconds=seconds))


def date_time_text(moment: dt.datetime) -> str:
    """``2030-03-01 14:00`` (or ``2030-03-01 2:00 PM``): the ISO date and :func:`time_text`."""
    return f"{moment.date().isoformat()} {time_text(moment)}"
