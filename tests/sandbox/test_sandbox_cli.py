"""The ``axdesk-sandbox`` command: one-sentence errors with exit code 2, and a real run."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from sandbox_support import auth, order_body, seed

from axdesk.sandbox.cli import _print_banner, build_parser, main
from axdesk.sandbox.demo import DEMO_API_KEY, DEMO_CHANNEL_CODE


def _one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    assert lines[0].startswith("axdesk-sandbox: ")
    assert lines[0].endswith(".")
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (
            ["--port", "abc"],
            "axdesk-sandbox: --port must be a whole number from 0 to 65535, not 'abc'.",
        ),
        (
            ["--port", "70000"],
            "axdesk-sandbox: --port must be a whole number from 0 to 65535, not '70000'.",
        ),
        (
            ["--reject-rate", "1.5"],
            "axdesk-sandbox: --reject-rate must be a number from 0 to 1, not '1.5'.",
        ),
        (
            ["--fault-rate", "nan"],
            "axdesk-sandbox: --fault-rate must be a number from 0 to 1, not 'nan'.",
        ),
        (
            ["--latency-ms", "-5"],
            "axdesk-sandbox: --latency-ms must be a whole number from 0 to 60000, not '-5'.",
        ),
        (
            ["--confirm-after", "soon"],
            "axdesk-sandbox: --confirm-after must be a number of seconds of 0 or more, not 'soon'.",
        ),
        (
            ["--fault-delay", "1000"],
            "axdesk-sandbox: --fault-delay must be a number of seconds from 0 to 300, not '1000'.",
        ),
        (
            ["--api-key", "k"],
            "axdesk-sandbox: --api-key and --channel-code must be given together.",
        ),
        (["--api-key", " ", "--channel-code", "c"], "axdesk-sandbox: --api-key must not be empty."),
        (["--bogus"], "axdesk-sandbox: Unrecognized arguments: --bogus."),
        (["--port"], "axdesk-sandbox: --port expected one argument."),
    ],
)
def test_bad_arguments_are_one_sentence_and_exit_2(
    argv: list[str], sentence: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2

    assert _one_sentence(capsys.readouterr().err) == sentence


def test_a_bad_seed_file_is_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_file = tmp_path / "shop.json"
    seed_file.write_text(
        json.dumps({"products": [{"product_code": "p", "name": "n", "options": "none"}]})
    )

    assert main(["--port", "0", "--seed", str(seed_file)]) == 2

    assert _one_sentence(capsys.readouterr().err) == (
        f"axdesk-sandbox: The seed file {seed_file} has 1 problem: "
        "products[0].options must be a non-empty list of options."
    )


def test_a_seed_without_credentials_needs_an_api_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_file = tmp_path / "shop.json"
    seed_file.write_text(
        json.dumps(
            {
                "products": [
                    {
                        "product_code": "p",
                        "name": "n",
                        "options": [
                            {
                                "dc_code": "d",
                                "name": "o",
                                "channel_product_mapping_code": "m",
                                "unit_price": "1",
                                "currency": "KRW",
                                "slots": [],
                            }
                        ],
                    }
                ]
            }
        )
    )

    assert main(["--port", "0", "--seed", str(seed_file)]) == 2

    assert "has no credentials" in _one_sentence(capsys.readouterr().err)


def test_a_bad_state_file_is_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.sqlite"
    state.write_text("hello " * 100)

    assert main(["--port", "0", "--state", str(state)]) == 2

    assert "is not an AX sandbox state file" in _one_sentence(capsys.readouterr().err)


def test_a_busy_port_is_one_sentence_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        assert main(["--port", str(port)]) == 1

    assert f"cannot listen on 127.0.0.1:{port}" in _one_sentence(capsys.readouterr().err)


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--fault-rate" in capsys.readouterr().out


def test_python_dash_m_with_bad_arguments() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "axdesk.sandbox.cli", "--random-seed", "x"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert _one_sentence(result.stderr) == (
        "axdesk-sandbox: --random-seed must be a whole number, not 'x'."
    )


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="needs POSIX signals: Windows cannot send SIGINT to a child process, which "
    "is how this test presses Ctrl+C",
)
def test_the_command_serves_the_demo_until_interrupted(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "axdesk.sandbox",
            "--port",
            "0",
            "--confirm-after",
            "5",
            "--state",
            str(tmp_path / "s.sqlite"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: [lines.put(x) for x in stdout], daemon=True).start()
    try:
        banner = [lines.get(timeout=30)]
        while "Ctrl+C" not in banner[-1]:
            banner.append(lines.get(timeout=10))
        url = banner[0].split("listening on ")[1].strip()
        assert url.startswith("http://127.0.0.1:")
        assert any(DEMO_API_KEY in line and DEMO_CHANNEL_CODE in line for line in banner)
        catalog_path = "/v1/channel/inventory/tour/nope"
        response = httpx.get(
            url + catalog_path,
            headers={
                "Authorization": f"Token {DEMO_API_KEY}",
                "Channel": f"Code {DEMO_CHANNEL_CODE}",
            },
        )
        assert response.status_code == 404
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
        stderr = process.stderr.read() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        stdout.close()

    assert code == 0, stderr
    assert "Traceback" not in stderr


def test_the_banner_hides_the_key_and_channel_code_given_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = build_parser().parse_args(
        ["--api-key", "operator-key-123", "--channel-code", "operator-channel-456"]
    )
    credentials = [(DEMO_API_KEY, DEMO_CHANNEL_CODE), ("operator-key-123", "operator-channel-456")]

    _print_banner("http://127.0.0.1:8000", args, False, credentials)

    banner = capsys.readouterr().out
    assert "operator-key-123" not in banner
    assert "operator-channel-456" not in banner
    assert DEMO_API_KEY in banner  # the seed's credentials are there to be shared
    assert DEMO_CHANNEL_CODE in banner


def test_an_unknown_confirm_by_is_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--confirm-by", "channel"]) == 2

    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence.startswith("axdesk-sandbox: --confirm-by invalid choice: 'channel'")
    assert "ax-code" in sentence


def test_the_modes_are_off_by_default_and_named_in_the_banner_when_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    default = parser.parse_args([])
    modes = parser.parse_args(["--no-dedup", "--confirm-by", "ax-code"])

    _print_banner("http://127.0.0.1:8000", default, False, [])
    plain = capsys.readouterr().out
    _print_banner("http://127.0.0.1:8000", modes, False, [])
    named = capsys.readouterr().out

    assert (default.dedup, default.confirm_by) == (True, "any")
    assert (modes.dedup, modes.confirm_by) == (False, "ax-code")
    assert "--no-dedup" not in plain
    assert "--confirm-by" not in plain
    assert "A repeated channel_order_code makes a new order (--no-dedup)." in named
    assert "Get Confirm accepts AX order codes only (--confirm-by ax-code)." in named


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="needs POSIX signals: Windows cannot send SIGINT to a child process",
)
def test_the_command_serves_the_modes_it_is_given(tmp_path: Path) -> None:
    seed_file = tmp_path / "seed.json"
    seed_file.write_text(json.dumps(seed()))
    argv = [sys.executable, "-m", "axdesk.sandbox", "--port", "0", "--seed", str(seed_file)]
    modes = ["--no-dedup", "--confirm-by", "ax-code"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*argv, *modes],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    stdout = process.stdout
    try:
        first_line = stdout.readline()
        url = first_line.split("listening on ")[1].strip()
        headers = auth()
        body = order_body()
        with httpx.Client(base_url=url, headers=headers, timeout=10) as http:
            made = [http.post("/v1/channel/orders/tour", json=body) for _ in range(2)]
            by_channel = http.get("/v1/channel/orders/tour/co-1")
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
        stderr = process.stderr.read() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        stdout.close()

    assert [r.status_code for r in made] == [201, 201]
    codes = {r.json()["data"]["depth_combinations"][0]["ax_order_code"] for r in made}
    assert len(codes) == 2
    assert by_channel.status_code == 404
    assert code == 0, stderr
