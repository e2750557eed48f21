"""The desk's choice of journal kept in the settings: this computer's, or a team server.

:class:`TeamServer` is what File > Journal… asks for (host, port, database,
user) and what the settings file keeps (``Settings.team_journal``; ``None`` is
this computer's journal, the default). It never holds the password: that is
kept in the OS keyring, under :attr:`TeamServer.account`, and handed to the
connection apart from the address (``open_journal(url, password=...)``).

Its :meth:`~TeamServer.url` is checked by the same rule as any team journal
address (:func:`axdesk.store.journal_url.pg_target`: a host that is not this
computer is reached only with ``sslmode=verify-full``), so the setting cannot
ask for less than ``AXDESK_JOURNAL_URL`` may.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from dataclasses import dataclass

from axdesk.store.journal_url import DEFAULT_PG_PORT, JournalUrlError, pg_target
from axdesk.store.problems import Problem
from axdesk.store.problems import template as _t

MAX_NAME_LENGTH = 63  # PostgreSQL's identifiers (database and role names)
_HOST_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$")
_DATABASE_NAME = re.compile(r"^[A-Za-z0-9_$.-]+$")
_FIELDS = ("host", "port", "database", "user")

NOT_A_SERVER = _t("The team journal setting must name a host, a port, a database and a user.")
NO_HOST = _t("The team server needs an address (a host name or an IP address).")
BAD_HOST = _t("The team server's address '%1' is not a host name or an IP address.")
BAD_PORT = _t("The team server's port must be a whole number from 1 to 65535 (got %1).")
NO_DATABASE = _t("The team server needs the name of its database.")
BAD_DATABASE = _t(
    "The database name '%1' may hold only letters, digits and _ $ . - (at most 63 of them)."
)
NO_USER = _t("The team server needs a user name.")
BAD_USER = _t("The user name is longer than 63 characters or holds a line break.")
BAD_ADDRESS = _t("The team server's address cannot be used: %1")


class TeamServerValueError(ValueError):
    """A team server the desk cannot use; ``args[0]`` is the typed sentence (a Problem)."""


@dataclass(frozen=True)
class TeamServer:
    """Where the team journal is (no password: see the module docstring)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PG_PORT

    def url(self) -> str:
        """The ``postgresql://user@host:port/database`` address (never with a password)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        user = urllib.parse.quote(self.user, safe="")
        return f"postgresql://{user}@{host}:{self.port}/{self.database}"

    @property
    def account(self) -> str:
        """The keyring entry's name for this server's password (no secret in it)."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def where(self) -> str:
        """Host, port and database, for sentences."""
        return pg_target(self.url()).where

    @property
    def verifies_certificate(self) -> bool:
        """True when the server is reached over TLS with its certificate and name checked."""
        return pg_target(self.url()).keywords.get("sslmode") == "verify-full"

    def to_json(self) -> dict[str, object]:
        return {"host": self.host, "port": self.port, "database": self.database, "user": self.user}


def _host(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TeamServerValueError(Problem(NO_HOST))
    host = value.strip()
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    if not _HOST_NAME.match(host) or ".." in host:
        raise TeamServerValueError(Problem(BAD_HOST, host))
    return host.lower()


def _port(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise TeamServerValueError(Problem(BAD_PORT, repr(value)))
    return value


def _database(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TeamServerValueError(Problem(NO_DATABASE))
    name = value.strip()
    if len(name) > MAX_NAME_LENGTH or not _DATABASE_NAME.match(name):
        raise TeamServerValueError(Problem(BAD_DATABASE, name[:MAX_NAME_LENGTH]))
    return name


def _user(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TeamServerValueError(Problem(NO_USER))
    name = value.strip()
    if len(name) > MAX_NAME_LENGTH or any(ch in name for ch in "\r\n\0"):
        raise TeamServerValueError(Problem(BAD_USER))
    return name


def validate_team_server(value: object) -> TeamServer | None:
    """A checked :class:`TeamServer` (from the dialog or the settings file), or None.

    Raises :class:`TeamServerValueError` with a typed sentence.
    """
    if value is None:
        return None
    if isinstance(value, TeamServer):
        fields: dict[str, object] = value.to_json()
    elif isinstance(value, dict) and set(value) == set(_FIELDS):
        fields = value
    else:
        raise TeamServerValueError(Problem(NOT_A_SERVER))
    server = TeamServer(
        host=_host(fields["host"]),
        port=_port(fields["port"]),
        database=_database(fields["database"]),
        user=_user(fields["user"]),
    )
    try:
        pg_target(server.url())  # the one rule for team journal addresses (TLS included)
    except JournalUrlError as exc:
        raise TeamServerValueError(Problem(BAD_ADDRESS, str(exc))) from None
    return server


def server_of_url(url: str) -> TeamServer | None:
    """The :class:`TeamServer` a ``postgresql://`` address names, for its keyring entry
    (``AXDESK_JOURNAL_URL``); None when it names no user, a socket folder or several
    hosts (libpq's own ways then find the password)."""
    keywords = pg_target(url).keywords
    try:
        return validate_team_server(
            {
                "host": keywords.get("host", ""),
                "port": int(keywords["port"]),
                "database": keywords["dbname"],
                "user": keywords.get("user", ""),
            }
        )
    except TeamServerValueError:
        return None
