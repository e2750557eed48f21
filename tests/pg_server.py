"""A real PostgreSQL server for the tests (any folder): initdb + pg_ctl in a temporary folder.

Started once per test session on a free loopback port (``postgres_server``);
each test gets its own database copied from a migrated template
(``pg_url``), dropped afterwards. As root (initdb refuses to run as root) the
server runs as a throwaway system user. When the server binaries are not
installed the tests that need them are skipped with a sentence naming them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_USER = "axdesk"
SYSTEM_USER = "axdesk-pgtest"
TEMPLATE = "axdesk_template"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    bin_dir: Path
    data_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql://{PG_USER}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian keeps it off PATH)."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=_version_of,
    )
    return Path(found[-1]).parent if found else None


def _version_of(initdb: str) -> int:
    name = Path(initdb).parent.parent.name
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                shutil.which("useradd") or "/usr/sbin/useradd",
                "-M",
                "-r",
                "-s",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            check=True,
            capture_output=True,
        )
    return ["runuser", "-u", SYSTEM_USER, "--"]


@contextlib.contextmanager
def running_server(
    options: str = "", env: dict[str, str] | None = None
) -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL; skip (naming what is missing) when it cannot be.

    ``options``: more ``-c name=value`` server settings; ``env``: more environment for the
    server (``LOCPATH`` for a locale made by the test, say)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg (psycopg[binary]) is not installed")
    bin_dir = find_bin_dir()
    if bin_dir is None or not (bin_dir / "pg_ctl").exists():
        pytest.skip("the PostgreSQL server (initdb, pg_ctl; Debian package postgresql) is missing")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("runuser is missing (needed to run initdb as a non-root user)")
    prefix = _as_server_user()
    data_dir = Path(tempfile.mkdtemp(prefix="axdesk-pg-"))
    if prefix:
        shutil.chown(data_dir, user=SYSTEM_USER)
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(  # noqa: S603 - the installed server's own tools, fixed arguments
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            PG_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        **run,  # type: ignore[arg-type]
    )
    options = (
        f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        " -c synchronous_commit=off -c max_connections=200"
        f" {options}"
    )
    subprocess.run(  # noqa: S603 - as above
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data_dir),
            "-w",
            "-l",
            str(data_dir / "server.log"),
            "-o",
            options,
            "start",
        ],
        env={**os.environ, **(env or {})},
        **run,  # type: ignore[arg-type]
    )
    server = PostgresServer("127.0.0.1", port, bin_dir, data_dir)
    try:
        yield server
    finally:
        subprocess.run(  # noqa: S603 - as above
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    with running_server() as server:
        from axdesk.store.journal_open import open_pg_connection

        server.admin(f"CREATE DATABASE {TEMPLATE}")
        open_pg_connection(server.url(TEMPLATE)).close()  # migrated once, copied per test
        yield server


_numbers = itertools.count(1)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, migrated team journal database for one test."""
    name = f"journal_{os.getpid()}_{next(_numbers)}"
    postgres_server.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
    yield postgres_server.url(name)
    postgres_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A database with nothing in it (for migration tests)."""
    name = f"empty_{os.getpid()}_{next(_numbers)}"
    postgres_server.admin(f"CREATE DATABASE {name}")
    yield postgres_server.url(name)
    postgres_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


PG_PASSWORD = "s3cret-Pw!"
"""The password of :func:`password_pg_url`'s user."""


@pytest.fixture
def password_pg_url(postgres_server: PostgresServer, pg_url: str) -> Iterator[str]:
    """``pg_url`` for a user that must give :data:`PG_PASSWORD` (scram), for one test.

    The user is a member of the tables' owner (so it may use the journal); only it needs a
    password: a line of its own at the top of ``pg_hba.conf``, removed afterwards.
    """
    role = f"clerk_{os.getpid()}_{next(_numbers)}"
    hba = postgres_server.data_dir / "pg_hba.conf"
    before = hba.read_text()
    hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + before)
    postgres_server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{PG_PASSWORD}' IN ROLE {PG_USER}")
    postgres_server.admin("SELECT pg_reload_conf()")
    try:
        yield pg_url.replace(f"postgresql://{PG_USER}@", f"postgresql://{role}@")
    finally:
        hba.write_text(before)
        postgres_server.admin("SELECT pg_reload_conf()")
        postgres_server.admin(f"DROP DATABASE IF EXISTS {pg_url.rsplit('/', 1)[1]} WITH (FORCE)")
        postgres_server.admin(f"DROP ROLE IF EXISTS {role}")
