"""How long one call may take, and how big its answer may be, per kind of call.

The deadline covers the whole call: waiting for a pooled connection, connecting,
TLS, sending, and every byte of the answer, for every try of a retried read. It
is well above the socket timeouts (10 s of silence, 5 s to connect), so it
never cuts an answer that is arriving at a healthy pace; it ends the calls a
server holds by trickling.

The size is counted after decompression, on the bytes the client would have to
keep. The figures:

==============  =========  =======  ==============================================
call            deadline   answer   why
==============  =========  =======  ==============================================
inventory       120 s      32 MiB   a year of 20 options x 3 start times (21,900
                                    slots) is 6.6 MB: room for ~5x the options; 6.6
                                    MB uncompressed at 512 kbit/s is 103 s (AX answers
                                    gzip, about 10x smaller, when asked)
order status    60 s       4 MiB    a few hundred bytes per AX order; 4 tries at 10 s
create order    30 s       4 MiB    one try (never retried); the answer lists tickets
cancel ticket   30 s       1 MiB    one try; the answer is one ticket
==============  =========  =======  ==============================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from axdesk.api.errors import AxError

__all__ = ["CALL_LIMITS", "CallLimit", "CallLimits"]

MIB = 1024 * 1024


@dataclass(frozen=True)
class CallLimit:
    """``deadline``: seconds for the whole call; ``max_bytes``: the answer's size cap."""

    deadline: float
    max_bytes: int

    def __post_init__(self) -> None:
        if (
            isinstance(self.deadline, bool)
            or not isinstance(self.deadline, (int, float))
            or not math.isfinite(self.deadline)
            or self.deadline <= 0
        ):
            raise AxError("A call's deadline must be a positive number of seconds.")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
            raise AxError("An answer's size limit must be a whole number of bytes.")
        if self.max_bytes <= 0:
            raise AxError("An answer's size limit must be positive.")


@dataclass(frozen=True)
class CallLimits:
    """One :class:`CallLimit` per kind of call the client makes."""

    inventory: CallLimit
    order_status: CallLimit
    create_order: CallLimit
    cancel_ticket: CallLimit

    def with_deadline(self, seconds: float) -> CallLimits:
        """The same sizes, with every deadline ``seconds`` (a test, or a connection test)."""
        return CallLimits(
            inventory=replace(self.inventory, deadline=seconds),
            order_status=replace(self.order_status, deadline=seconds),
            create_order=replace(self.create_order, deadline=seconds),
            cancel_ticket=replace(self.cancel_ticket, deadline=seconds),
        )


CALL_LIMITS = CallLimits(
    inventory=CallLimit(deadline=120.0, max_bytes=32 * MIB),
    order_status=CallLimit(deadline=60.0, max_bytes=4 * MIB),
    create_order=CallLimit(deadline=30.0, max_bytes=4 * MIB),
    cancel_ticket=CallLimit(deadline=30.0, max_bytes=1 * MIB),
)
"""The limits every ``AxClient`` uses unless told otherwise."""
