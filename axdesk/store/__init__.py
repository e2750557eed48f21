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
"""
