"""Where the journal is: the addresses :func:`axdesk.store.open_journal` takes.

``sqlite:///path`` (this computer's journal) and ``postgresql://user@host:port/db``
(the team journal), checked without opening anything and without importing the
journal or the driver, so the app can read ``AXDESK_JOURNAL_URL`` at start-up.
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from axdesk.store.db import DatabaseError

DEFAULT_PG_PORT = 5432
_WEAK_TLS = frozenset({"disable", "allow", "prefer", "require", "verify-ca"})


class JournalUrlError(DatabaseError):
    """The journal URL is not one axdesk can open; ``str(err)`` says why."""


@dataclass(frozen=True)
class PgTarget:
    """Where a team journal is: libpq connection keywords (no password) and a display name."""

    keywords: dict[str, str]
    where: str


def is_loopback(host: str) -> bool:
    """True for this computer: localhost, a loopback address or a Unix socket folder."""
    if not host or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _only_this_computer(host: str, hostaddr: str) -> bool:
    """True when every host libpq may try is this computer: each of a comma-separated list,
    and each ``hostaddr`` (which libpq connects to instead of the name's address)."""
    names = host.split(",") if host else [""]
    addresses = [a for a in hostaddr.split(",") if a.strip()]
    return all(is_loopback(name.strip()) for name in names) and all(
        is_loopback(address.strip()) and not address.strip().startswith("/")
        for address in addresses
    )


def pg_target(url: str) -> PgTarget:
    """The connection keywords of a ``postgresql://`` URL, TLS checks made compulsory."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise JournalUrlError(f"{url!r} is not a postgresql:// address.")
    if parts.password:
        raise JournalUrlError(
            "The team journal's address must not hold the password; "
            "it is kept in the system keyring."
        )
    query = dict(urllib.parse.parse_qsl(parts.query))
    host = query.pop("host", None) or parts.hostname or ""
    database = parts.path.lstrip("/") or query.pop("dbname", "")
    if not database:
        raise JournalUrlError("The team journal's address names no database.")
    try:
        port = parts.port or int(query.pop("port", DEFAULT_PG_PORT))
    except ValueError as exc:
        raise JournalUrlError("The team journal's port is not a number.") from exc
    keywords = {"dbname": database, "port": str(port), **query}
    if host:
        keywords["host"] = host
    if parts.username:
        keywords["user"] = urllib.parse.unquote(parts.username)
    if not _only_this_computer(host, keywords.get("hostaddr", "")):
        if keywords.get("sslmode", "verify-full") in _WEAK_TLS:
            raise JournalUrlError(
                f"The team journal at {host} must be reached over TLS with its certificate "
                "checked (sslmode=verify-full)."
            )
        keywords["sslmode"] = "verify-full"
        keywords.setdefault("sslrootcert", "system")
    return PgTarget(keywords, f"{host or 'localhost'}:{port}/{database}")


def sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///`` URL (``:memory:`` for an in-memory journal)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "sqlite" or parts.netloc not in ("", "localhost"):
        raise JournalUrlError(f"{url!r} is not a sqlite:/// address.")
    path = urllib.parse.unquote(parts.path)
    if path == "/:memory:":
        return ":memory:"
    if not path or path == "/":
        raise JournalUrlError("The journal's sqlite:/// address names no file.")
    return path


JOURNAL_URL_ENV = "AXDESK_JOURNAL_URL"
"""An administrator's choice of journal for this desk (``postgresql://user@host/db``)."""


def admin_chose_journal(environ: Mapping[str, str]) -> bool:
    """True when ``AXDESK_JOURNAL_URL`` is set (to either engine): it wins over the desk's
    own setting (File > Journal…)."""
    return bool(environ.get(JOURNAL_URL_ENV, "").strip())


def team_journal_url(environ: Mapping[str, str]) -> str | None:
    """The team journal ``AXDESK_JOURNAL_URL`` names (None: this computer's journal)."""
    url = environ.get(JOURNAL_URL_ENV, "").strip()
    if not url or urllib.parse.urlsplit(url).scheme == "sqlite":
        return None
    pg_target(url)  # refused with a sentence now rather than at the first order
    return url
