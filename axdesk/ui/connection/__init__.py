"""Connecting to AX: the connection dialog, the keyring wrapper, the HTTP transport."""
