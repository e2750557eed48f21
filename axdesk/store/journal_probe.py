"""File > Journal… > Test: does a team server work for this desk, in one sentence.

:func:`probe_team_journal` connects once with the keywords the journal itself
uses (:func:`~axdesk.store.journal_open.pg_connect_kwargs`: the same TLS rule
and timeouts, the password as libpq's own keyword), reads the journal's schema
version and closes; it changes nothing on the server (no migration). The
answer is a :class:`ProbeReport` whose sentence is a typed problem
(``axdesk.store.problems``), worded in the operator's language by the UI.

libpq reports a failed connection as text in the server's (or the client's)
language, with no SQLSTATE, so the kind of failure is never read from words:
errors after the connection is made carry their SQLSTATE, and a failed
connection is retraced by :func:`axdesk.store.pg_diagnose.diagnose`, which
reads the server's SQLSTATE and the TLS verify codes itself. The server's own
words are only shown, after the sentence. No sentence holds the password:
libpq never repeats it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from axdesk.store.journal_open import Password, pg_connect_kwargs, with_password
from axdesk.store.journal_setting import BAD_ADDRESS
from axdesk.store.journal_url import JournalUrlError, pg_target
from axdesk.store.pg_diagnose import FailureKind, diagnose, kind_of_sqlstate
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
TLS_NOT_OFFERED = _t(
    "The server at %1 does not offer TLS, and a server that is not this computer is only "
    "used over TLS: turn on ssl in its postgresql.conf with a certificate for its name."
)
TLS_UNTRUSTED = _t(
    "The server at %1 was not reached safely: its TLS certificate is not signed by an "
    "authority this computer trusts (%2). Install the agency's certificate authority, or "
    "name it with sslrootcert= in the address."
)
TLS_NAME_MISMATCH = _t(
    "The server at %1 was not reached safely: its TLS certificate is for another name "
    "(%2). Use the name the certificate was made for."
)
NO_RIGHTS = _t("The user may not read the journal at %1 (%2): run grants.sql as its owner.")
FAILED = _t("The server at %1 could not be used: %2")

_SENTENCES = {
    FailureKind.NO_SUCH_HOST: NO_SUCH_HOST,
    FailureKind.UNREACHABLE: UNREACHABLE,
    FailureKind.TLS_NOT_OFFERED: TLS_NOT_OFFERED,
    FailureKind.TLS_UNTRUSTED: TLS_UNTRUSTED,
    FailureKind.TLS_NAME_MISMATCH: TLS_NAME_MISMATCH,
    FailureKind.TLS_FAILED: TLS_FAILED,
    FailureKind.REFUSED_LOGIN: REFUSED_LOGIN,
    FailureKind.NOT_ALLOWED: NOT_ALLOWED,
    FailureKind.NO_SUCH_DATABASE: NO_SUCH_DATABASE,
    FailureKind.NO_RIGHTS: NO_RIGHTS,
}
"""The sentence of each kind of failure (each says the server's words as %2)."""


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


def failure_sentence(
    where: str,
    exc: BaseException,
    keywords: dict[str, Any] | None = None,
    password: str | None = None,
) -> Problem:
    """The sentence for a failed use of the team server at ``where``.

    An error the server sent after the connection was made is sorted by its SQLSTATE;
    a failed connection (no SQLSTATE) is retraced with ``keywords`` and ``password``
    (:func:`~axdesk.store.pg_diagnose.diagnose`), which blocks for up to the connect
    timeout again.
    """
    words = _libpq_words(exc)
    kind = kind_of_sqlstate(getattr(exc, "sqlstate", None))
    if kind is None and keywords is not None:
        found = diagnose(keywords, password, float(keywords.get("connect_timeout", 5)))
        kind = found.kind
        words = found.words or words
    sentence = _SENTENCES.get(kind) if kind is not None else None
    return Problem(sentence or FAILED, where, words)


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
        return ProbeReport(ProbeResult.FAILED, failure_sentence(where, exc, kwargs, password))
    try:
        version = pg_schema_version(conn)  # a psycopg connection answers the same calls
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


def connection_problem(where: str, keywords: dict[str, Any], password: Password) -> Problem | None:
    """Why a desk cannot connect to the team journal at ``where`` now: one connection tried
    with the journal's own ``keywords`` (no password) and ``password``, and a failure
    retraced (:func:`failure_sentence`); None when it connects. The journal's pool only
    times out, so the badge and the banner ask this to name the cause (a refused password,
    a certificate not trusted, ...). Blocks for up to a few connect timeouts: call it on a
    worker, never the GUI thread."""
    import psycopg  # only a team desk needs the driver

    given = password() if callable(password) else password
    try:
        psycopg.connect(**with_password(keywords, given)).close()
    except psycopg.Error as exc:
        return failure_sentence(where, exc, keywords, given)
    return None


def offline_cause(journal: Any) -> Problem | None:
    """:func:`connection_problem` for the team journal ``journal`` is on (None on this
    computer's journal, or when it connects). Blocks: call it on a worker."""
    connection = journal.connection
    login = getattr(connection, "login", None)
    if login is None:
        return None
    keywords, password = login
    return connection_problem(str(connection.where), keywords, password)
