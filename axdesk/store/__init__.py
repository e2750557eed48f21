"""Local data for axdesk: paths, settings, the SQLite catalog and order journal, reconciliation.

Imports no Qt. Import the modules directly (``from axdesk.store.journal import
OrderJournal``); this package file stays empty so that reading the settings
does not load the HTTP client.

The order journal is one object, ``journal.OrderJournal``, whose rules live
in rooms it inherits over one connection (``journal_base``): an order's life
up to AX's first answer (``journal``), AX's later statuses, cancellations and
lookups (``journal_statuses``), the reads and their value types
(``journal_queries``), where each order went (``endpoints``) and the
new-order form's drafts (``drafts``). Its search documents are built and
searched in ``search``.

:func:`open_journal` opens the journal on either engine (``sqlite:///…``, this
computer's file, or ``postgresql://…``, the team journal): see
``journal_open``. It is imported only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from axdesk.store.journal import OrderJournal


def open_journal(url: str, **options: Any) -> OrderJournal:
    """The order journal at ``url``; see :func:`axdesk.store.journal_open.open_journal`."""
    from axdesk.store.journal_open import open_journal as _open

    return _open(url, **options)
