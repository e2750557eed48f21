"""Keeping the API key and channel code out of every log record of the HTTP stack.

At DEBUG, httpcore logs each header it sends and receives; a server that echoes
the credentials in its answer put them in axdesk.log 12 times per call. The
client redacts what it logs itself, but it does not write httpx's and
httpcore's records, so a :class:`SecretScrubber` filter sits on those loggers
and rewrites each record (message, arguments, exception text) with every
secret replaced by ``***`` before any handler sees it.

Why the client installs it, not the app's logging set-up: the secrets are
known where a client is made, and every user of the client (the app, practice
mode, the benchmarks, a test that turns on DEBUG) gets the protection without
having to remember it. Why on the loggers, not on a handler: a logger's filter
runs once, when the record is made, whatever handlers are attached later.
Logger filters are not inherited, so each logger of the stack is named
(:data:`SCRUBBED_LOGGERS`; a test checks that a real call logs on no other).

There is one scrubber per process, because logging is per process: every
client adds its secrets while it is open (counted, so two clients with the
same key keep it until both are closed) and takes them back once its pool is
closed, its last records written. Secrets of any length are scrubbed, even one
character long: a short key makes the log hard to read, never leaky.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from typing import Final

__all__ = ["SCRUBBED_LOGGERS", "SecretScrubber", "protect_secrets", "release_secrets"]

SCRUBBED_LOGGERS: Final = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "axdesk.api",
)


class SecretScrubber(logging.Filter):
    """A logging filter that replaces every registered secret with ``***``."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._holders: Counter[str] = Counter()
        self._secrets: tuple[str, ...] = ()

    def add(self, *secrets: str) -> None:
        with self._lock:
            self._holders.update(secret for secret in secrets if secret)
            self._refresh()

    def remove(self, *secrets: str) -> None:
        with self._lock:
            self._holders.subtract(secret for secret in secrets if secret)
            self._holders = +self._holders  # drop the ones no client holds any more
            self._refresh()

    def _refresh(self) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = tuple(sorted(self._holders, key=len, reverse=True))

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format: the handler will report it, without args
            message = str(record.msg)
        record.msg = self.scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        return True


_SCRUBBER: Final = SecretScrubber()


def protect_secrets(*secrets: str) -> None:
    """Scrub ``secrets`` from every record of :data:`SCRUBBED_LOGGERS` from now on."""
    _SCRUBBER.add(*secrets)
    for name in SCRUBBED_LOGGERS:
        logger = logging.getLogger(name)
        if _SCRUBBER not in logger.filters:
            logger.addFilter(_SCRUBBER)


def release_secrets(*secrets: str) -> None:
    """A client that called :func:`protect_secrets` is closed: its secrets may go."""
    _SCRUBBER.remove(*secrets)
