"""Reading an answer's body in bounded pieces: decompressed here, capped, and on time.

httpx inflates each network read whole (64 KB of gzip can become 64 MB) and keeps
every byte of the body, so a 204 KB gzip bomb grew the process by 622 MB. Here
the raw body is read piece by piece (``Response.iter_raw``), inflated at most
:data:`PIECE` bytes at a time, counted after decompression, and reading stops as
soon as the call's size cap is passed or its deadline is reached.

The client asks only for what this module reads: ``Accept-Encoding: gzip,
deflate`` (:data:`ACCEPT_ENCODING`).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from typing import Final

import httpx

from axdesk.api.errors import AxMalformedResponseError

__all__ = ["ACCEPT_ENCODING", "PIECE", "AnswerTooLargeError", "read_answer"]

ACCEPT_ENCODING: Final = "gzip, deflate"
PIECE: Final = 64 * 1024
"""The most one step of inflating may produce."""


class AnswerTooLargeError(AxMalformedResponseError):
    """The answer is over the call's size cap (counted after decompression)."""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _too_large(status: int, max_bytes: int) -> AnswerTooLargeError:
    return AnswerTooLargeError(
        f"AX's answer (HTTP {status}) is larger than axdesk reads for this call "
        f"({_megabytes(max_bytes)}), so it was not read. If this was a long date range, "
        "ask for a shorter one.",
        status=status,
    )


def _undecodable(status: int) -> AxMalformedResponseError:
    return AxMalformedResponseError(
        f"AX's answer (HTTP {status}) could not be decoded (a broken compressed body).",
        status=status,
    )


class _Inflater:
    """One content coding (gzip or deflate), inflated in pieces of at most :data:`PIECE`."""

    def __init__(self, coding: str, status: int) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._status = status
        self._raw_tried = False
        self._seen_output = False
        self._engine = self._new_engine()

    def _new_engine(self) -> zlib._Decompress:
        # gzip: a gzip header; deflate: zlib-wrapped, as the standard says (raw is tried
        # if that fails at once, as httpx does, for servers that send raw deflate).
        return zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        pending = data
        while True:
            try:
                out = self._engine.decompress(pending, PIECE)
            except zlib.error:
                if self._gzip or self._raw_tried or self._seen_output:
                    raise _undecodable(self._status) from None
                self._raw_tried = True
                self._engine = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            if out:
                self._seen_output = True
                yield out
            if self._engine.eof:
                rest = self._engine.unused_data
                if not rest.strip(b"\0"):
                    return  # the end, or padding after it
                if not self._gzip:
                    raise _undecodable(self._status)
                self._engine = self._new_engine()  # the next gzip member
                pending = rest
                continue
            pending = self._engine.unconsumed_tail
            if not pending and len(out) < PIECE:
                return  # all input used, nothing more held back

    def inflate(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        """``pieces`` inflated, at most :data:`PIECE` bytes at a time."""
        for piece in pieces:
            yield from self.feed(piece)

    def finish(self) -> None:
        if not self._engine.eof:
            raise _undecodable(self._status)


def _codings(response: httpx.Response) -> list[str]:
    header = response.headers.get("content-encoding", "")
    codings = [part.strip().lower() for part in header.split(",")]
    return [coding for coding in codings if coding and coding != "identity"]


def _timely(raw: Iterator[bytes], deadline_at: float) -> Iterator[bytes]:
    """``raw``'s pieces, each read before ``time.monotonic()`` passes ``deadline_at``."""
    for piece in raw:
        if time.monotonic() >= deadline_at:
            raise httpx.ReadTimeout("the time allowed for the whole call has passed")
        yield piece


def read_answer(response: httpx.Response, max_bytes: int, deadline_at: float) -> bytes:
    """The whole decoded body of a streamed ``response``, at most ``max_bytes`` of it.

    Raises :class:`AnswerTooLargeError` past the cap, ``AxMalformedResponseError``
    for a coding axdesk does not read or a broken compressed body, and
    ``httpx.ReadTimeout`` when ``time.monotonic()`` passes ``deadline_at`` (the
    client words it as the call's deadline). Network failures are httpx's own.
    """
    status = response.status_code
    if hasattr(response, "_content"):
        # Already read and decoded by whoever made it: a test's MockTransport answer
        # built with ``content=``. Answers from the network arrive unread (stream=True).
        if len(response.content) > max_bytes:
            raise _too_large(status, max_bytes)
        return response.content
    codings = _codings(response)
    unknown = [coding for coding in codings if coding not in ("gzip", "x-gzip", "deflate")]
    if unknown:
        raise AxMalformedResponseError(
            f"AX's answer (HTTP {status}) is compressed in a way axdesk does not read "
            f"({', '.join(unknown)[:40]}).",
            status=status,
        )
    declared = response.headers.get("content-length", "")
    if not codings and declared.strip().isdigit() and int(declared) > max_bytes:
        raise _too_large(status, max_bytes)
    # A chain of generators, not a recursive closure: a closure that calls itself is a
    # reference cycle, left after every call for the collector, which in the app runs
    # on the GUI thread (live sync left one per answer).
    stream: Iterator[bytes] = _timely(response.iter_raw(), deadline_at)
    inflaters = [_Inflater(coding, status) for coding in reversed(codings)]
    for inflater in inflaters:
        stream = inflater.inflate(stream)
    # Pieces, joined once at the end: a growing bytearray would be copied on each
    # reallocation (the old and new buffers both resident), nearly doubling the peak.
    pieces: list[bytes] = []
    size = 0
    for piece in stream:
        size += len(piece)
        if size > max_bytes:
            raise _too_large(status, max_bytes)
        pieces.append(piece)
    for inflater in inflaters:
        inflater.finish()
    return b"".join(pieces)
