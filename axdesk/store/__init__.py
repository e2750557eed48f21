"""Local data for axdesk: paths, settings, the SQLite catalog and order journal, reconciliation.

Imports no Qt. Import the modules directly (``from axdesk.store.journal import
OrderJournal``); this package file stays empty so that reading the settings
does not load the HTTP client.
"""
