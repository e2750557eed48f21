"""The sandbox's accepted connections have TCP_NODELAY (no ~40 ms delayed-ACK wait per answer).

Read from the server's side: the socket of each connection uvicorn accepted.
Not a timing test; the figure is in benchmarks/bench_sandbox_confirm.py.
"""

from __future__ import annotations

import socket

import httpx
import pytest
from sandbox_support import auth, seed

from axdesk.sandbox.embedded import RunningSandbox, prepare_sandbox

INVENTORY = "/v1/channel/inventory/tour/prod-city-walk"


def _ipv6_loopback() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        pytest.param(
            "::1",
            marks=pytest.mark.skipif(
                not _ipv6_loopback(), reason="this machine has no IPv6 loopback"
            ),
        ),
    ],
)
def test_accepted_connections_have_tcp_nodelay(host: str) -> None:
    prepared = prepare_sandbox(seed=seed(), host=host, confirm_after=None)
    with (
        RunningSandbox(prepared) as sandbox,
        httpx.Client(base_url=sandbox.base_url, headers=auth(), timeout=10) as first,
        httpx.Client(base_url=sandbox.base_url, headers=auth(), timeout=10) as second,
    ):
        assert first.get(INVENTORY).status_code == 200
        assert second.get(INVENTORY).status_code == 200  # both connections stay open

        connections = list(prepared.server.server_state.connections)
        options = [
            connection.transport.get_extra_info("socket").getsockopt(
                socket.IPPROTO_TCP, socket.TCP_NODELAY
            )
            for connection in connections
        ]

    assert len(options) == 2
    assert all(options), options
