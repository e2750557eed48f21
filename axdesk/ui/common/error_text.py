"""AX errors as sentences in the operator's language.

The client (``axdesk.api``) has no Qt and writes its sentences in English. In
English the UI shows those detailed sentences as they are; in another
language it shows one translated sentence per kind of error, followed by
what AX itself said (AX's own messages are Korean) and, for a refused
order, the fields AX named.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from axdesk.api import (
    AxAuthError,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxRejectedError,
    AxServerError,
)
from axdesk.store.problems import Problem
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import word

MAX_FIELD_ERRORS = 3


def is_slow_answer(error: BaseException) -> bool:
    """True when AX took the request (it answered the connect) but its answer did not come
    in time: AX is slow, not out of reach. (A connect that timed out is "not reached".)"""
    import httpx  # only once an error is shown: the first screen does not wait for it

    return (
        isinstance(error, AxNetworkError)
        and error.request_sent
        and isinstance(error.__cause__, httpx.TimeoutException)
    )


def slow_answer_sentence() -> str:
    return QCoreApplication.translate("AxErrorText", "AX is slow to answer.")


def _translation_in_use() -> bool:
    """True when a translator is installed (the language's own name is translated)."""
    return QCoreApplication.translate("AxErrorText", "English") != "English"


def _kind_sentence(error: AxError) -> str | None:
    """The translated sentence for this kind of error, or None for no known kind."""
    if isinstance(error, AxAuthError):
        return QCoreApplication.translate(
            "AxErrorText",
            "AX refused the API key or channel code. Check them in Connection > Connect.",
        )
    if isinstance(error, AxNotFoundError):
        return QCoreApplication.translate("AxErrorText", "AX does not know this code.")
    if isinstance(error, AxRejectedError):
        return QCoreApplication.translate("AxErrorText", "AX refused the request.")
    if isinstance(error, AxRateLimitedError):
        return QCoreApplication.translate(
            "AxErrorText", "AX asks us to slow down. Try again in a moment."
        )
    if isinstance(error, AxServerError):
        if error.outcome_unknown:
            return QCoreApplication.translate(
                "AxErrorText",
                "AX had a server error, so it is not known whether the change was made.",
            )
        return QCoreApplication.translate(
            "AxErrorText", "AX had a server error. Try again in a moment."
        )
    if isinstance(error, AxNetworkError):
        if is_slow_answer(error):
            return QCoreApplication.translate(
                "AxErrorText",
                "AX is slow to answer: no answer came in time, so it is not known whether the "
                "request was applied.",
            )
        if error.request_sent:
            return QCoreApplication.translate(
                "AxErrorText",
                "AX did not answer in time, so it is not known whether the request was applied.",
            )
        return QCoreApplication.translate(
            "AxErrorText", "AX could not be reached. Check the network connection."
        )
    if isinstance(error, AxMalformedResponseError):
        return QCoreApplication.translate(
            "AxErrorText",
            "The server's answer is not AX data. Check the server address, or try again in a "
            "moment; the call log has the details.",
        )
    return None


def ax_error_sentence(error: AxError) -> str:
    """What to show for ``error``: the client's sentence in English, a translated one otherwise.

    An error raised with a typed sentence of the store (the journal's "sent to another
    server") is that sentence, worded in the operator's language."""
    if isinstance(error.message, Problem):
        return word(error.message)
    if not _translation_in_use():
        if is_slow_answer(error):  # the client says what it waited for, not that AX is slow
            return f"{slow_answer_sentence()} {error}"
        return str(error)  # the client's own, more detailed sentence
    sentence = _kind_sentence(error)
    if sentence is None:
        return str(error)
    parts = [sentence]
    if error.status is not None:
        parts.append(
            fill_args(QCoreApplication.translate("AxErrorText", "(HTTP %1)"), str(error.status))
        )
    if error.server_message:
        parts.append(
            fill_args(
                QCoreApplication.translate("AxErrorText", "AX said: %1"), error.server_message
            )
        )
    if isinstance(error, AxRejectedError) and error.errors:
        shown = "; ".join(error.errors[:MAX_FIELD_ERRORS])
        if len(error.errors) > MAX_FIELD_ERRORS:
            shown += " …"
        parts.append(shown)
    if isinstance(error, AxRateLimitedError) and error.retry_after:
        parts.append(
            fill_args(
                QCoreApplication.translate("AxErrorText", "Wait %1 s."),
                str(round(error.retry_after)),
            )
        )
    return " ".join(parts)
