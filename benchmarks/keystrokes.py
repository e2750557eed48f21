"""Search per keystroke as the Orders tab reads it, timed: the page first, then (only
after a full page) the capped count, which the tab reads lazily. Shared by the SQLite
row of ``runner.py`` and the team journal's ``bench_team_journal.py``, so both time
the same thing."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

WORDS = ["0", "01", "u", "e", "최 호"]
"""What an operator types (issue 13's search row): digits, a letter, a Korean name."""


@dataclass
class KeystrokeTimes:
    """Milliseconds per word (``pages``, ``counts``), the slowest page of each round
    (``worst``) and how many orders each word found."""

    pages: dict[str, list[float]] = field(default_factory=lambda: {w: [] for w in WORDS})
    counts: dict[str, list[float]] = field(default_factory=lambda: {w: [] for w in WORDS})
    found: dict[str, int] = field(default_factory=dict)
    worst: list[float] = field(default_factory=list)


def time_keystrokes(journal: Any, repeat: int) -> KeystrokeTimes:
    """Type each of :data:`WORDS` ``repeat`` times into a search of ``journal``."""
    from axdesk.store.journal_queries import OrderFilter, OrderSort
    from axdesk.ui.orders.rows import fetch_rows
    from axdesk.ui.orders.table_model import COUNT_LIMIT, PAGE_SIZE

    times = KeystrokeTimes()
    for _ in range(repeat):
        keystrokes = []
        for word in WORDS:
            criteria = OrderFilter(text=word)
            began = time.perf_counter()
            page = fetch_rows(journal, criteria, OrderSort.CREATED, True, 0, PAGE_SIZE)
            spent = (time.perf_counter() - began) * 1000
            times.pages[word].append(spent)
            keystrokes.append(spent)
            began = time.perf_counter()
            if len(page) == PAGE_SIZE:
                times.found[word] = journal.count_orders(criteria, at_most=COUNT_LIMIT)
            else:
                times.found[word] = len(page)
            times.counts[word].append((time.perf_counter() - began) * 1000)
        times.worst.append(max(keystrokes))
    return times
