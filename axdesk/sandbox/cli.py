"""``axdesk-sandbox``: run the AX Cloud stand-in in the foreground until Ctrl+C.

Bad arguments, a bad seed file or a bad state file: one sentence on stderr
and exit code 2, never a traceback. A port that cannot be used: exit code 1.
"""

from __future__ import annotations

import argparse
import ipaddress
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from uvicorn.config import LOGGING_CONFIG

from axdesk.sandbox.embedded import SandboxStartError, prepare_sandbox
from axdesk.sandbox.faults import MAX_DELAY_SECONDS, MAX_LATENCY_SECONDS
from axdesk.sandbox.seed import SeedError
from axdesk.sandbox.state import CONFIRM_BY_ANY, CONFIRM_BY_AX_CODE, CONFIRM_BY_CHOICES
from axdesk.sandbox.storage import StateFileError

PROG = "axdesk-sandbox"
MAX_LATENCY_MS = round(MAX_LATENCY_SECONDS * 1000)


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints are one sentence and exit code 2."""

    def error(self, message: str) -> NoReturn:
        text = message
        if text.startswith("argument "):
            text = text[len("argument ") :].replace(": ", " ", 1)
        text = text[:1].upper() + text[1:]
        self.exit(2, f"{PROG}: {text.rstrip('.')}.\n")


def _number(
    kind: Callable[[str], float], low: float, high: float, wording: str
) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {wording}, not {text!r}") from None
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"must be {wording}, not {text!r}")
        return value

    return parse


def _int_arg(low: int, high: int, wording: str) -> Callable[[str], int]:
    check = _number(int, low, high, wording)

    def parse(text: str) -> int:
        return int(check(text))

    return parse


def _text(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A local stand-in for the AX Cloud channel API (see docs/sandbox.md).",
    )
    add = parser.add_argument
    add(
        "--host",
        default="127.0.0.1",
        type=_text,
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    add(
        "--port",
        default=8765,
        type=_int_arg(0, 65535, "a whole number from 0 to 65535"),
        help="port (default 8765; 0 picks a free one)",
    )
    add("--seed", type=Path, metavar="FILE", help="seed catalog JSON (default: the demo catalog)")
    add("--api-key", type=_text, metavar="K", help="accept this API key (with --channel-code)")
    add("--channel-code", type=_text, metavar="C", help="the channel code that goes with --api-key")
    add(
        "--confirm-after",
        default=30.0,
        metavar="SECONDS",
        type=_number(float, 0, 10**7, "a number of seconds of 0 or more"),
        help="seconds until the supplier decides an order (pending at half; default 30)",
    )
    add(
        "--reject-rate",
        default=0.0,
        metavar="R",
        type=_number(float, 0, 1, "a number from 0 to 1"),
        help="share of orders the supplier rejects (default 0)",
    )
    add(
        "--latency-ms",
        default=0,
        metavar="N",
        type=_int_arg(0, MAX_LATENCY_MS, f"a whole number from 0 to {MAX_LATENCY_MS}"),
        help="delay added to every request, in milliseconds",
    )
    add(
        "--fault-rate",
        default=0.0,
        metavar="F",
        type=_number(float, 0, 1, "a number from 0 to 1"),
        help="share of requests that get a fault (5xx, dropped connection, delay, lost answer)",
    )
    add(
        "--fault-delay",
        default=15.0,
        metavar="SECONDS",
        type=_number(
            float, 0, MAX_DELAY_SECONDS, f"a number of seconds from 0 to {MAX_DELAY_SECONDS:g}"
        ),
        help="how long a 'delay' fault holds a request (default 15)",
    )
    add(
        "--random-seed",
        type=_int_arg(-(2**63), 2**63 - 1, "a whole number"),
        metavar="N",
        help="makes faults, supplier decisions and codes repeatable",
    )
    add(
        "--state",
        type=Path,
        metavar="FILE.sqlite",
        help="keep orders and seats in this SQLite file across restarts",
    )
    add(
        "--no-dedup",
        dest="dedup",
        action="store_false",
        help="a repeated channel_order_code makes a new, separate order "
        "(default: it returns the order already made)",
    )
    add(
        "--confirm-by",
        default=CONFIRM_BY_ANY,
        choices=CONFIRM_BY_CHOICES,
        help="what Get Confirm accepts: an AX order code or a channel order code (any, "
        "the default), or an AX order code only (ax-code)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if (args.api_key is None) != (args.channel_code is None):
            parser.error("--api-key and --channel-code must be given together")
    except SystemExit as exit_:  # --help, or a bad argument already explained on stderr
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        prepared = prepare_sandbox(
            seed=args.seed,
            host=args.host,
            port=args.port,
            confirm_after=args.confirm_after,
            reject_rate=args.reject_rate,
            latency_ms=args.latency_ms,
            fault_rate=args.fault_rate,
            fault_delay=args.fault_delay,
            random_seed=args.random_seed,
            state_path=args.state,
            api_key=args.api_key,
            channel_code=args.channel_code,
            log_config=LOGGING_CONFIG,
            dedup=args.dedup,
            confirm_by=args.confirm_by,
        )
    except (SeedError, StateFileError, ValueError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except SandboxStartError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    _print_banner(
        prepared.base_url,
        args,
        prepared.loaded_from_state_file,
        [(c.api_key, c.channel_code) for c in prepared.state.catalog.credentials],
    )
    try:
        prepared.server.run(sockets=[prepared.sock])
    except KeyboardInterrupt:  # uvicorn stops cleanly, then re-raises the Ctrl+C it caught
        pass
    finally:
        prepared.sock.close()
        if prepared.storage is not None:
            prepared.storage.close()
    return 0


def _print_banner(
    base_url: str, args: argparse.Namespace, loaded: bool, credentials: list[tuple[str, str]]
) -> None:
    lines = [f"AX sandbox listening on {base_url}"]
    if not _is_loopback(args.host):
        lines.append(f"  Warning: {args.host} may be reachable from other machines.")
    if loaded:
        lines.append(
            f"  State loaded from {args.state}"
            + (" (--seed ignored: the state file already has a catalog)" if args.seed else "")
        )
    elif args.state is not None:
        lines.append(f"  New state file {args.state}")
    if not args.dedup:
        lines.append("  A repeated channel_order_code makes a new order (--no-dedup).")
    if args.confirm_by == CONFIRM_BY_AX_CODE:
        lines.append("  Get Confirm accepts AX order codes only (--confirm-by ax-code).")
    lines.append("  Credentials (Authorization: Token <API key>, Channel: Code <channel code>):")
    for key, channel in credentials:
        # Values the operator gave stay off the screen (and any log it is piped to).
        shown_key = "(the key given with --api-key)" if key == args.api_key else key
        shown_channel = (
            "(the code given with --channel-code)" if channel == args.channel_code else channel
        )
        lines.append(f"    API key {shown_key}  channel code {shown_channel}")
    lines.append("  Press Ctrl+C to stop.")
    print("\n".join(lines), flush=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":
    sys.exit(main())
