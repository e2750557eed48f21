"""The least-privilege roles of docs/team-journal (issue 15 §7 docs): the owner brings the
schema up to date, a desk works with only the rights grants.sql gives, and no more."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresServer
from store_helpers import ENDPOINT, created_for, make_request

from axdesk.store import open_journal
from axdesk.store.db import DatabaseError
from axdesk.store.journal_activity import Actor
from axdesk.store.team_catalog import TeamCatalog

DOCS = Path(__file__).parents[2] / "docs" / "team-journal"


def _run_script(server: PostgresServer, database: str, user: str, name: str) -> None:
    script = (DOCS / name).read_text("utf-8")
    statements = [
        s.strip()
        for s in "\n".join(
            line for line in script.splitlines() if not line.lstrip().startswith("--")
        ).split(";")
        if s.strip()
    ]
    with psycopg.connect(
        host=server.host, port=server.port, user=user, dbname=database, autocommit=True
    ) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[call-overload]


def test_a_desk_works_with_the_documented_rights_and_cannot_change_the_schema(
    postgres_server: PostgresServer,
) -> None:
    _run_script(postgres_server, "postgres", "axdesk", "roles.sql")
    base = f"postgresql://{{}}@{postgres_server.host}:{postgres_server.port}/axdesk"
    try:
        open_journal(base.format("axdesk_owner")).close()  # the owner's first start
        _run_script(postgres_server, "axdesk", "axdesk_owner", "grants.sql")
        desk = open_journal(base.format("axdesk_desk"))
        try:
            request = make_request(code="least-1")
            desk.record_sending(request, endpoint=ENDPOINT)
            desk.mark_sent("least-1", created_for(request))
            desk.save_internal_note("least-1", "ok", based_on="")
            assert desk.lead()
            with desk.hold_order("least-1") as held:
                assert held
            assert [o.channel_order_code for o in desk.list_orders()] == ["least-1"]
            shared = TeamCatalog(desk)  # the agency's catalog: published and read again
            assert shared.publish_over(ENDPOINT, [], Actor("민지", "desk-1"), None) == 1
            assert shared.publish_over(ENDPOINT, [], Actor("민지", "desk-1"), 1) == 2
            assert shared.revision(ENDPOINT) == 2
            with pytest.raises(DatabaseError, match="may not do this"):
                desk.connection.execute("DROP TABLE ticket")
            with pytest.raises(DatabaseError, match="may not do this"):
                desk.connection.execute("CREATE TABLE sneaky (x int)")
        finally:
            desk.close()
    finally:
        postgres_server.admin("DROP DATABASE IF EXISTS axdesk WITH (FORCE)")
        postgres_server.admin("DROP ROLE IF EXISTS axdesk_desk")
        postgres_server.admin("DROP ROLE IF EXISTS axdesk_owner")
