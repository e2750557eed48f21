"""A local stand-in for AX Cloud's channel API (FastAPI + uvicorn, no Qt).

It is an independent reading of the API spec: it shares no code with
``axdesk.api``. See docs/sandbox.md for behaviour and decisions.
"""

from axdesk.sandbox.catalog import Catalog, Credential
from axdesk.sandbox.clock import ManualClock
from axdesk.sandbox.demo import DEMO_API_KEY, DEMO_CHANNEL_CODE
from axdesk.sandbox.embedded import RunningSandbox, SandboxStartError, start_sandbox
from axdesk.sandbox.faults import FAULT_KINDS
from axdesk.sandbox.practice import Practice, PracticeSituation
from axdesk.sandbox.seed import SeedError, load_seed_file, parse_seed
from axdesk.sandbox.state import SandboxState
from axdesk.sandbox.storage import StateFileError

__all__ = [
    "DEMO_API_KEY",
    "DEMO_CHANNEL_CODE",
    "FAULT_KINDS",
    "Catalog",
    "Credential",
    "ManualClock",
    "Practice",
    "PracticeSituation",
    "RunningSandbox",
    "SandboxStartError",
    "SandboxState",
    "SeedError",
    "StateFileError",
    "load_seed_file",
    "parse_seed",
    "start_sandbox",
]
