"""The situations the app's Practice menu stages on the embedded sandbox (issue 12).

A trainee must learn to recognise each of them on screen: an answer lost
after AX made the order, a slow AX, a rejection by the supplier, a ticket
already used, a key AX refuses. :class:`Practice` is the whole interface the
menu needs, reached as ``RunningSandbox.practice``::

    sandbox.practice.lose_next_answer()
    sandbox.practice.set_slow(12)          # seconds; set_slow(0) is quick again
    sandbox.practice.reject_next_order()
    sandbox.practice.mark_ticket_used(ax_order_code)
    sandbox.practice.refuse_key()          # refuse_key(False) accepts it again
    sandbox.practice.situation()           # what is staged now, for check marks
    sandbox.practice.reset()               # everything back to normal

Every method may be called from any thread (the GUI's included) while the
sandbox serves: each takes the sandbox's lock for a moment and never waits
on the network. None of this is written to a state file.
"""

from __future__ import annotations

from dataclasses import dataclass

from axdesk.sandbox.state import SandboxState

LOST_ANSWER = "commit_then_drop"


@dataclass(frozen=True)
class PracticeSituation:
    """What is staged now."""

    answers_to_lose: int  # writes still to come whose answer will be lost
    slow_seconds: float  # added to every request
    orders_to_reject: int  # AX orders still to come that the supplier will reject
    key_refused: bool


class Practice:
    """Training situations on a running sandbox. See the module docstring."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def lose_next_answer(self) -> None:
        """The next write (Create Order or Cancel Ticket) is applied at AX, then its
        connection is closed before the answer: the app cannot know it happened.

        Reads (inventory, Get Confirm) in between are answered normally. Each call
        stages one more lost answer.
        """
        self._state.faults.queue(LOST_ANSWER)

    def set_slow(self, seconds: float) -> None:
        """Add ``seconds`` (0 to 60) to every request from now on; 0 makes AX quick again.

        ``ValueError`` with a sentence outside that range.
        """
        self._state.faults.set_latency(seconds)

    def reject_next_order(self) -> None:
        """The supplier rejects the next AX order made, when it decides (after the
        sandbox's ``confirm_after``; never when that is None). Of an order with several
        options, the first option's AX order."""
        self._state.reject_next_order()

    def mark_ticket_used(self, ax_order_code: str, ax_ticket_code: str | None = None) -> str:
        """Mark a ticket of this AX order Used, as if the traveler had come; returns its code.

        Without ``ax_ticket_code``, the order's first unused ticket. A used ticket
        cannot be cancelled (409). ``KeyError`` for an unknown order or ticket,
        ``ValueError`` when there is no ticket left to use; each with a sentence.
        """
        return self._state.mark_ticket_used(ax_order_code, ax_ticket_code)

    def refuse_key(self, refused: bool = True) -> None:
        """While refused, every request gets 403 (as for a wrong API key), until
        ``refuse_key(False)``."""
        self._state.refuse_key(refused)

    def situation(self) -> PracticeSituation:
        return PracticeSituation(
            answers_to_lose=self._state.faults.queued(LOST_ANSWER),
            slow_seconds=self._state.faults.latency_ms / 1000,
            orders_to_reject=self._state.rejects_to_come(),
            key_refused=self._state.key_refused(),
        )

    def reset(self) -> None:
        """Undo everything staged: no lost answer or rejection to come, quick, key
        accepted. Tickets marked used stay used."""
        self._state.faults.withdraw(LOST_ANSWER)
        self._state.faults.set_latency(0)
        self._state.cancel_rejects()
        self._state.refuse_key(False)
