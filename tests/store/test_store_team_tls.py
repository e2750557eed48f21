"""TLS with certificate checks to any non-loopback host (issue 15 §1), against a real
PostgreSQL started with ``ssl=on`` and a certificate from a test CA (trustme).

The server listens on 127.0.0.1; the desk names it ``db.agency.test`` (libpq's
``hostaddr`` gives the address), so the name is not this computer's and
``sslmode=verify-full`` applies, exactly as for an agency's server.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pg_server import SYSTEM_USER, PostgresServer, postgres_server, running_server

from axdesk.store import open_journal
from axdesk.store.journal_probe import ProbeResult, probe_team_journal
from axdesk.store.journal_url import JournalUrlError, pg_target

trustme = pytest.importorskip("trustme", reason="trustme (the test CA) is not installed")

__all__ = ["postgres_server"]

pytestmark = pytest.mark.e2e

NAME = "db.agency.test"


@dataclass(frozen=True)
class TlsServer:
    server: PostgresServer
    ca_file: Path
    other_ca_file: Path

    def url(self, database: str, *, name: str = NAME, ca: Path | None = None) -> str:
        root = ca or self.ca_file
        return (
            f"postgresql://axdesk@{name}:{self.server.port}/{database}"
            f"?hostaddr=127.0.0.1&sslrootcert={root}"
        )


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    ca = trustme.CA()
    other = trustme.CA()
    cert = ca.issue_cert(NAME)
    folder = Path(tempfile.mkdtemp(prefix="axdesk-tls-"))
    folder.chmod(0o755)
    server_files = folder / "server"
    server_files.mkdir(mode=0o700)
    key, chain = server_files / "server.key", server_files / "server.crt"
    cert.private_key_pem.write_to_path(str(key))
    for blob in cert.cert_chain_pems:
        blob.write_to_path(str(chain), append=True)
    key.chmod(0o600)
    if os.geteuid() == 0:  # the server runs as its own user and must own its key
        for path in (server_files, key, chain):
            shutil.chown(path, user=SYSTEM_USER)
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    other.cert_pem.write_to_path(str(folder / "other-ca.pem"))
    options = f"-c ssl=on -c ssl_cert_file={chain} -c ssl_key_file={key}"
    try:
        with running_server(options) as server:
            server.admin("CREATE DATABASE journal")
            yield TlsServer(server, folder / "ca.pem", folder / "other-ca.pem")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_named_server_is_reached_only_with_its_certificate_checked(
    tls_server: TlsServer,
) -> None:
    url = tls_server.url("journal")
    assert pg_target(url).keywords["sslmode"] == "verify-full"
    journal = open_journal(url)
    try:
        assert journal.state_of("none") is None
        row = journal.connection.execute(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()
        assert row == (True,)
    finally:
        journal.close()
    assert probe_team_journal(url).works


def test_a_certificate_of_an_authority_not_trusted_is_named(tls_server: TlsServer) -> None:
    report = probe_team_journal(tls_server.url("journal", ca=tls_server.other_ca_file))
    assert report.result is ProbeResult.FAILED
    assert "not signed by an authority this computer trusts" in report.sentence


def test_the_systems_trust_store_does_not_trust_a_private_authority(
    tls_server: TlsServer,
) -> None:
    url = f"postgresql://axdesk@{NAME}:{tls_server.server.port}/journal?hostaddr=127.0.0.1"
    assert pg_target(url).keywords["sslrootcert"] == "system"
    report = probe_team_journal(url)
    assert "not signed by an authority this computer trusts" in report.sentence


def test_a_certificate_for_another_name_is_named(tls_server: TlsServer) -> None:
    report = probe_team_journal(tls_server.url("journal", name="other.agency.test"))
    assert report.result is ProbeResult.FAILED
    assert "its TLS certificate is for another name" in report.sentence


def test_a_server_without_tls_is_named(postgres_server: PostgresServer) -> None:
    url = f"postgresql://axdesk@{NAME}:{postgres_server.port}/postgres?hostaddr=127.0.0.1"
    report = probe_team_journal(url)
    assert report.result is ProbeResult.FAILED
    assert "does not offer TLS" in report.sentence


@pytest.mark.parametrize(
    "url",
    [
        # the name is this computer's, but hostaddr sends the connection elsewhere
        "postgresql://clerk@localhost/axdesk?hostaddr=10.1.2.3&sslmode=disable",
        # a list of hosts: this computer's socket folder first, then another server
        "postgresql://clerk@/axdesk?host=/run/postgresql,db.agency.example&sslmode=disable",
        "postgresql://clerk@/axdesk?host=localhost,db.agency.example&sslmode=prefer",
    ],
)
def test_an_address_reaching_past_this_computer_needs_verify_full(url: str) -> None:
    with pytest.raises(JournalUrlError, match="verify-full"):
        pg_target(url)
