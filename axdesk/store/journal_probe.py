"""File > Journal… > Test: does a team server work for this desk, in one sentence.

:func:`probe_team_journal` connects once with the keywords the journal itself
uses (:func:`~axdesk.store.journal_open.pg_connect_kwargs`: the same TLS rule
and timeouts, the password as libpq's own keyword), reads the journal's schema
version and closes; it changes nothing on the server (no migration). The
answer is a :class:`ProbeReport` whose sentence is a typed problem
(``axdesk.store.problems``), worded in the operator's language by the UI.

libpq reports a failed connection as text (no SQLSTATE), so the kind of failure
is read from the words libpq and an English-speaking server use; anything else
is said with the server's own words. No sentence holds the password: libpq
never repeats it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from axdesk.store.journal_open import pg_connect_kwargs, with_password
from axdesk.store.journal_setting import BAD_ADDRESS
from axdesk.store.journal_url import JournalUrlError, pg_target
from axdesk.store.problems import Problem
from axdesk.store.problems import template as _t

WORKS = _t(
    "The team journal at %1 works: the server answered, it accepted the user name and "
    "password, and its tables are the ones this axdesk uses (schema %2)."
)
NO_TABLES = _t(
    "The server at %1 answered and accepted the user name and password, but the database "
    "holds no axdesk journal yet: start one desk once as the tables' owner to create it."
)
OLDER = _t(
    "The server at %1 answered and accepted the user name and password, but its journal is "
    "at schema %2 and this axdesk needs %3: start one desk once as the tables' owner to "
    "bring it up to date."
)
NEWER = _t(
    "The server at %1 answered and accepted the user name and password, but its journal was "
    "written by a newer axdesk (schema %2; this one understands up to %3): update axdesk."
)
REFUSED_LOGIN = _t("The server at %1 refused the user name or the password (%2).")
NOT_ALLOWED = _t("The server at %1 does not let this computer in with that user (%2).")
NO_SUCH_DATABASE = _t("The server at %1 has no database of that name (%2).")
NO_SUCH_HOST = _t("The address %1 does not name a computer that can be found (%2).")
UNREACHABLE = _t(
    "The server at %1 cannot be reached: check the address and port, and that the server is "
    "running and lets this computer connect (%2)."
)
TLS_FAILED = _t(
    "The server at %1 was not reached safely: its TLS certificate or name could not be "
    "checked (%2)."
)
NO_RIGHTS = _t("The user may not read the journal at %1 (%2): run grants.sql as its owner.")
FAILED = _t("The server at %1 could not be used: %2")

_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("password authentication failed", "no password supplied"), REFUSED_LOGIN),
    (('role "',), REFUSED_LOGIN),  # role "x" does not exist / is not permitted to log in
    (("pg_hba.conf",), NOT_ALLOWED),
    (("does not exist",), NO_SUCH_DATABASE),  # database "x" does not exist (roles: above)
    (("certificate", "ssl", "tls"), TLS_FAILED),
    (
        ("failed to resolve host", "could not translate host name", "name or service not known"),
        NO_SUCH_HOST,
    ),
    (
        (
            "connection refused",
            "timeout expired",
            "timed out",
            "no route to host",
            "network is unreachable",
        ),
        UNREACHABLE,
    ),
)
"""The kinds of failure, first match wins, by the words libpq (or the server) used."""


class ProbeResult(enum.Enum):
    WORKS = "works"
    NEEDS_OWNER = "needs_owner"  # reachable and logged in; the owner must create or update
    TOO_NEW = "too_new"
    FAILED = "failed"


@dataclass(frozen=True)
class ProbeReport:
    """What the Test found: its :class:`ProbeResult`, the sentence, the schema version."""

    result: ProbeResult
    sentence: Problem
    schema_version: int | None = None

    @property
    def works(self) -> bool:
        return self.result is ProbeResult.WORKS


def _libpq_words(exc: BaseException) -> str:
    """libpq's own sentence, without its "connection failed: connection to server ..." lead."""
    text = " ".join(str(exc).split())
    for lead in ("FATAL:", "ERROR:"):
        if lead in text:
            return text.split(lead, 1)[1].strip()
    return text.removeprefix("connection failed:").strip()


def failure_sentence(where: str, exc: BaseException) -> Problem:
    """The sentence for a failed connection to the team server at ``where``."""
    words = _libpq_words(exc)
    lowered = str(exc).lower()
    for needles, kind in _KINDS:
        if any(needle in lowered for needle in needles):
            return Problem(kind, where, words)
    return Problem(FAILED, where, words)


def probe_team_journal(url: str, password: str | None = None) -> ProbeReport:
    """Connect once to the team journal at ``url`` and say whether this desk can use it.

    Blocks for up to the connect timeout: call it on a worker, never the GUI thread.
    """
    import psycopg  # only a team desk needs the driver

    from axdesk.store.pg_schema import PG_SCHEMA_VERSION, pg_schema_version

    try:
        where = pg_target(url).where
        kwargs = pg_connect_kwargs(url)
    except JournalUrlError as exc:
        return ProbeReport(ProbeResult.FAILED, Problem(BAD_ADDRESS, str(exc)))
    try:
        conn: Any = psycopg.connect(**with_password(kwargs, password))
    except psycopg.Error as exc:
        return ProbeReport(ProbeResult.FAILED, failure_sentence(where, exc))
    try:
        version = pg_schema_version(conn)  # a psycopg connection answers the same calls
    except psycopg.errors.InsufficientPrivilege as exc:
        words = exc.diag.message_primary or str(exc)
        return ProbeReport(ProbeResult.FAILED, Problem(NO_RIGHTS, where, words))
    except psycopg.Error as exc:
        return ProbeReport(ProbeResult.FAILED, failure_sentence(where, exc))
    finally:
        conn.close()
    if version == PG_SCHEMA_VERSION:
        return ProbeReport(ProbeResult.WORKS, Problem(WORKS, where, version), version)
    if version == 0:
        return ProbeReport(ProbeResult.NEEDS_OWNER, Problem(NO_TABLES, where), 0)
    if version < PG_SCHEMA_VERSION:
        sentence = Problem(OLDER, where, version, PG_SCHEMA_VERSION)
        return ProbeReport(ProbeResult.NEEDS_OWNER, sentence, version)
    sentence = Problem(NEWER, where, version, PG_SCHEMA_VERSION)
    return ProbeReport(ProbeResult.TOO_NEW, sentence, version)
