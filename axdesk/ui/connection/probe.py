"""Test connection: one real, harmless call, and a plain sentence for its outcome.

The test asks AX for the status of an order that cannot exist (a random UUID):
a 404 means AX accepted the API key and channel code; every other outcome is
told plainly (see :func:`describe_test_failure`). Connection > Test connection
(the main window, :class:`ConnectionInUseTest`) probes the connection in use; the
connection dialog's button probes the values in its form on a client of their own
(:class:`ConnectionTest`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject

from axdesk.api import (
    AxAuthError,
    AxClient,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxServerError,
)
from axdesk.ui.common.context import link_problem
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.worker import describe_error
from axdesk.ui.connection.net import InterruptibleTransport, make_client
from axdesk.ui.connection.secrets import Credentials

if TYPE_CHECKING:
    from axdesk.ui.connection.dialog import ConnectionDialog
    from axdesk.ui.shell.main_window import MainWindow

TEST_TIMEOUT_SECONDS = 8.0


def probe(client: AxClient) -> None:
    """One real, harmless call: the status of an order that cannot exist.

    Returns normally when AX accepted the credentials (it answers 404, or
    some status); raises the client's ``AxError`` otherwise.
    """
    try:
        client.get_order_status(str(uuid.uuid4()))
    except AxNotFoundError:
        return


def connection_works_sentence() -> str:
    return QCoreApplication.translate(
        "ConnectionTest", "The connection works: AX accepted the API key and channel code."
    )


def describe_test_failure(error: BaseException, base_url: str) -> str:
    """A plain sentence for what went wrong in a connection test."""
    host = urlsplit(base_url).hostname or base_url
    if isinstance(error, AxAuthError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionTest",
                "AX refused the API key or the channel code (HTTP %1). Check that both "
                "were copied whole from your AX account, without spaces.",
            ),
            str(error.status or 403),
        )
    if isinstance(error, AxNetworkError):
        detail = str(error).lower()
        if "certificate" in detail:
            return fill_args(
                QCoreApplication.translate(
                    "ConnectionTest",
                    "The secure connection to %1 failed: its certificate could not be "
                    "verified. Check the address; axdesk never skips this check.",
                ),
                host,
            )
        if "could not be found" in detail:
            return fill_args(
                QCoreApplication.translate(
                    "ConnectionTest", "The server name %1 could not be found. Check the address."
                ),
                host,
            )
        return fill_args(
            QCoreApplication.translate(
                "ConnectionTest",
                "Could not reach %1: there is no network connection, or no server answers "
                "at this address. Check the network and the address.",
            ),
            host,
        )
    if isinstance(error, AxMalformedResponseError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionTest",
                "The server at %1 answered, but it is not an AX server (it sent a web page "
                "or an unexpected reply). Check the address.",
            ),
            base_url,
        )
    if isinstance(error, AxRateLimitedError):
        return QCoreApplication.translate(
            "ConnectionTest",
            "AX is busy right now (too many requests). Wait a minute and test again.",
        )
    if isinstance(error, AxServerError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionTest",
                "AX had a server error (HTTP %1), so the key could not be checked. "
                "Try again later.",
            ),
            str(error.status or 500),
        )
    if isinstance(error, AxError):
        return str(error)
    return describe_error(error) or ""


class ConnectionInUseTest(QObject):
    """Connection > Test connection in the main window: the connection in use, probed on
    the worker (built as ``ConnectionInUseTest(window)``); the outcome goes to the status
    bar (a problem to the notice bar) and the window's ``connection_tested`` signal."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def start(self) -> None:
        window = self._window
        connection = window.ctx.connection
        profile = connection.profile
        try:
            client = connection.client()
        except AxError as error:
            self._tested(False, describe_error(error) or str(error))
            return
        assert profile is not None
        window.status.show_note(self._testing(), 0)
        window.ctx.worker.call(lambda: probe(client)).on_success(
            lambda _: self._tested(True, connection_works_sentence())
        ).on_error(
            lambda error: self._tested(False, describe_test_failure(error, profile.base_url))
        ).on_done(self._ended).operator().start()

    def _testing(self) -> str:
        return QCoreApplication.translate("ConnectionTest", "Testing the connection…")

    def _ended(self) -> None:
        if self._window.status.note() == self._testing():
            self._window.status.show_note("", 0)

    def _tested(self, ok: bool, sentence: str) -> None:
        window = self._window
        if ok:
            window.status.show_note(sentence, 10_000)
        else:
            window.status.show_note("", 0)
            window.show_problem(sentence)
        window.connection_tested.emit(ok, sentence)


@dataclass(frozen=True)
class TestVerdict:
    """How the last Test connection of some settings ended (``problem``: a link problem
    kind, see :data:`~axdesk.ui.common.context.LINK_PROBLEM_KINDS`, or "test")."""

    __test__ = False  # not a pytest test class

    base_url: str
    credentials: Credentials
    ok: bool
    sentence: str
    problem: str | None = None

    def failed_for(self, base_url: str, credentials: Credentials) -> bool:
        return not self.ok and self.base_url == base_url and self.credentials == credentials


class ConnectionTest:
    """The connection dialog's Test connection: the form's values on a client of their
    own, probed on the worker; built as ``ConnectionTest(dialog)``.

    The outcome goes to the dialog's result line and its ``test_finished`` signal.
    Closing the dialog calls :meth:`abort_all`, which interrupts the tests still
    running (their client is closed on the worker either way).
    """

    def __init__(self, dialog: ConnectionDialog) -> None:
        self._dialog = dialog
        self._running: list[InterruptibleTransport] = []

    def start(self, base_url: str, credentials: Credentials) -> None:
        dialog = self._dialog
        try:
            client, transport = make_client(
                base_url,
                credentials,
                dialog.shell.call_log.write,
                timeout=TEST_TIMEOUT_SECONDS,
                max_retries=0,  # the operator waits for this answer: tell at once
            )
        except AxError as error:
            self._finish(False, str(error), base_url, credentials, "test")
            return
        self._running.append(transport)
        dialog.set_result(
            fill_args(
                QCoreApplication.translate("ConnectionTest", "Testing the connection to %1…"),
                base_url,
            )
        )

        def run() -> None:
            try:
                probe(client)
            finally:
                client.close()  # on the worker, even when the dialog closed meanwhile

        def done() -> None:
            if transport in self._running:
                self._running.remove(transport)

        dialog.track(
            dialog.shell.ctx.worker.call(run)
            .on_success(
                lambda _: self._finish(True, connection_works_sentence(), base_url, credentials)
            )
            .on_error(
                lambda error: self._finish(
                    False,
                    describe_test_failure(error, base_url),
                    base_url,
                    credentials,
                    link_problem(error) or "test",
                )
            )
            .on_done(done)
            .busy(dialog.test_button)
            .start()
        )

    def _finish(
        self,
        ok: bool,
        sentence: str,
        base_url: str,
        credentials: Credentials,
        problem: str | None = None,
    ) -> None:
        self._dialog.set_result(sentence, ok=ok)
        self._dialog.note_test(TestVerdict(base_url, credentials, ok, sentence, problem))
        self._dialog.test_finished.emit(ok, sentence)

    def abort_all(self) -> None:
        for transport in self._running:
            transport.abort()
        self._running.clear()
