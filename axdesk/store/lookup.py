"""Looking an order up at AX by code, and following one made elsewhere. Qt-free.

AX cannot list orders, so an order taken on another desk (or on AX's own
site) is found only by its code (Get Confirm). :func:`look_up` asks AX and
records its answer at once for the orders this journal already follows on
that server; the others are offered for import. :func:`import_answer` then
follows them here (``OrderJournal.import_remote_order``, with the server that
answered, so live sync asks that server and no other).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from axdesk.api import OrderStatusInfo
from axdesk.store.endpoints import normalize_endpoint
from axdesk.store.journal import OrderJournal
from axdesk.store.sync import StatusClient


class LookupClient(StatusClient, Protocol):
    """The part of ``axdesk.api.AxClient`` a lookup uses: Get Confirm and the server's address."""

    @property
    def base_url(self) -> str: ...


@dataclass(frozen=True)
class LookupAnswer:
    """AX's answer for a code, and which of its orders this journal follows already."""

    infos: tuple[OrderStatusInfo, ...]
    """One entry per AX order, as AX answered."""
    known: frozenset[str]
    """Channel order codes journaled for the server that answered: their statuses
    are recorded already."""

    @property
    def to_import(self) -> tuple[str, ...]:
        """Channel order codes AX named that are not followed here yet, in AX's order."""
        return tuple(
            dict.fromkeys(
                info.channel_order_code
                for info in self.infos
                if info.channel_order_code not in self.known
            )
        )


def look_up(client: LookupClient, journal: OrderJournal, code: str) -> LookupAnswer:
    """Ask AX about ``code`` (a channel or AX order code) and record what the journal follows.

    Orders journaled for this server are followed already: AX's answer is
    recorded for them. Others (not journaled, or journaled for another or an
    unrecorded server) are left to :func:`import_answer`, which records this
    server or says why it cannot.
    """
    endpoint = normalize_endpoint(client.base_url)
    infos = client.get_order_status(code)
    known = frozenset(
        info.channel_order_code
        for info in infos
        if journal.state_of(info.channel_order_code) is not None
        and journal.endpoint_of(info.channel_order_code) == endpoint
    )
    journal.apply_status_infos([info for info in infos if info.channel_order_code in known])
    return LookupAnswer(tuple(infos), known)


def import_answer(
    client: LookupClient, journal: OrderJournal, infos: Sequence[OrderStatusInfo]
) -> list[str]:
    """Follow the orders of AX's answer here, for the server that answered.

    Returns the channel order codes now in the journal; an order journaled for
    another server is refused (the journal's ``OtherEndpointError``, an
    ``AxError`` with a sentence) and nothing is recorded.
    """
    return journal.import_remote_order(infos, endpoint=client.base_url)
