"""Whether a departure has left, by the supplier's clock (no Qt).

"Now" for a departure is the supplier's: slot dates and start times are local
to where the tours run (Asia/Seoul by default, the connection's supplier time
zone), not to the agency's computer. The Inventory (its calendar, slot list
and "Book this slot"), the order form's time list and the order rules all ask
:func:`has_left`, with a ``now`` from a clock the tab is given (a test's, or
``datetime.now(supplier_zone(...))``).
"""

from __future__ import annotations

import datetime as dt


def has_left(day: dt.date, start: dt.time, now: dt.datetime | None) -> bool:
    """Whether the departure at ``day`` ``start`` has left by ``now`` (the supplier's local
    time; its zone is dropped, as the slot's own). None: nothing has left."""
    if now is None:
        return False
    return (day, start.replace(tzinfo=None)) <= (now.date(), now.time().replace(tzinfo=None))
