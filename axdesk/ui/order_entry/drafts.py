"""The New order draft: the form as JSON, kept in the journal while the operator types (no Qt).

The draft is the form's state (:meth:`OrderFormState.to_dict
<axdesk.ui.order_entry.state.OrderFormState.to_dict>`) plus, once the order
went out, the channel order code it was sent under (:data:`SUBMITTED_CODE_KEY`):
after a crash the form reopens locked on that order instead of offering to
send it again under a new code. A stored draft that is not a JSON object is
never thrown away: :func:`keep_draft_file` copies it to a file of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from axdesk.store.files import make_private_dir, private_opener
from axdesk.ui.order_entry.state import OrderFormState

DRAFT_KEY = "new-order"
"""The journal's draft key of the New order form."""
SUBMITTED_CODE_KEY = "submitted_code"


def draft_json(state: OrderFormState, submitted_code: str = "") -> str:
    """The draft of ``state``, naming ``submitted_code`` when the order went out under it."""
    data = state.to_dict()
    if submitted_code:
        data[SUBMITTED_CODE_KEY] = submitted_code
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def submitted_code_of(text: str) -> str:
    """The channel order code a draft names ("" when none, or when it cannot be read)."""
    try:
        code = json.loads(text).get(SUBMITTED_CODE_KEY, "")
    except (ValueError, AttributeError):
        return ""
    return code if isinstance(code, str) else ""


def is_readable_draft(text: str) -> bool:
    """True when a stored draft is a JSON object (what the form writes)."""
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, TypeError):
        return False


def keep_draft_file(folder: Path, text: str, now: dt.datetime, *, kind: str = "unreadable") -> Path:
    """Write ``text`` unchanged to a new ``<kind>-draft-<time>.json`` in ``folder``, 0600
    (a draft holds travelers' names and phone numbers), never over another file.

    ``kind`` says why it was kept: ``unreadable`` (not a draft the form can read),
    ``saved`` (a saved draft the operator typed over before it was read), ``typed``
    (what was typed before a draft locked on an order in doubt came back).
    """
    make_private_dir(folder)
    stem = f"{kind}-draft-{now:%Y%m%d-%H%M%S}"
    number = 1
    while True:
        path = folder / (f"{stem}.json" if number == 1 else f"{stem}-{number}.json")
        try:
            with open(path, "x", encoding="utf-8", opener=private_opener) as handle:
                handle.write(text)
        except FileExistsError:
            number += 1
            continue
        return path
