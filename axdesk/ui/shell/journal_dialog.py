"""File > Journal…: which journal this desk writes, this computer's or the team server's.

"This computer" is the SQLite journal (the default, unchanged). "Team server"
asks for host, port, database and user (``Settings.team_journal``, no secret)
and the password, kept in the OS keyring (``SecretStore.save_journal_password``,
failing closed). A server that is not this computer is reached only over TLS
with its certificate and name checked: the dialog says so from the store's own
rule (``TeamServer.verifies_certificate``, i.e. ``journal_url.pg_target``).

Test (:class:`~axdesk.ui.shell.journal_actions.JournalServerTest`) connects once
on the worker and says in one sentence whether it worked; Save
(:class:`~axdesk.ui.shell.journal_actions.JournalSettingSave`) writes the
keyring on the worker, then the setting. The desk switches journals at its next
start, not live: orders being sent, settled and synced, the other desks' change
feed and the desk's locks all hold the journal in use, and moving them
mid-flight could journal an order in one place and settle it in the other.

When ``AXDESK_JOURNAL_URL`` is set it wins: the dialog shows it read-only.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.journal_setting import (
    TeamServer,
    TeamServerValueError,
    validate_team_server,
)
from axdesk.store.journal_url import (
    DEFAULT_PG_PORT,
    JournalUrlError,
    admin_chose_journal,
    pg_target,
    team_journal_url,
)
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import word
from axdesk.ui.shell.bootstrap import Shell
from axdesk.ui.shell.journal_actions import JournalServerTest, JournalSettingSave


class JournalDialog(QDialog):
    """Choose this desk's journal (see the module docstring).

    ``note`` shows a sentence in the window once the setting is saved.

    Signals:
        tested(object): a Test ended; its ``ProbeReport`` (None: it could not run).
        saved(object): the setting was saved; the ``TeamServer`` or None (this computer).
    """

    tested = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        shell: Shell,
        note: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.shell = shell
        self._note = note
        self._said: str = ""  # the last result, a typed sentence re-worded on a switch
        self._password_saved = False
        self.setModal(True)
        self.setMinimumWidth(480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.admin_note = QLabel()
        self.admin_note.setWordWrap(True)
        self.this_computer = QRadioButton()
        self.team_server = QRadioButton()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.this_computer)
        self.choice.addButton(self.team_server)
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PG_PORT)
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(self.labels, self._fields(), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.tls_label = QLabel()
        self.tls_label.setWordWrap(True)
        self.test_button = QPushButton()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.admin_note, self.this_computer, self.team_server):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.tls_label)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.test = JournalServerTest(self)
        self.save = JournalSettingSave(self)
        self.test_button.clicked.connect(self.test.run)
        self.buttons.accepted.connect(self.save.run)
        self.buttons.rejected.connect(self.reject)
        self.choice.buttonToggled.connect(lambda *_: self._enable())
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(lambda _: self._say_tls())
        self.env_url, env_problem = _admin_url()
        self._fill(env_problem)
        self.retranslate_ui()

    # -- what the dialog holds --------------------------------------------------

    def _fields(self) -> list[QWidget]:
        return [
            self.host_edit,
            self.port_spin,
            self.database_edit,
            self.user_edit,
            self.password_edit,
        ]

    @property
    def read_only(self) -> bool:
        """True when ``AXDESK_JOURNAL_URL`` decides (``env_url`` None: this computer)."""
        return admin_chose_journal(os.environ)

    def chosen_server(self) -> TeamServer | None:
        """The team server the fields name (raises ``TeamServerValueError``), None: this
        computer."""
        if not self.team_server.isChecked():
            return None
        return validate_team_server(
            {
                "host": self.host_edit.text(),
                "port": self.port_spin.value(),
                "database": self.database_edit.text(),
                "user": self.user_edit.text(),
            }
        )

    def test_url(self) -> str:
        """The address Test connects to (raises ``TeamServerValueError``)."""
        if self.read_only and self.env_url:
            return self.env_url
        server = self.chosen_server()
        if server is None:
            raise TeamServerValueError(self.tr("Choose the team server to test it."))
        return server.url()

    def _fill(self, env_problem: str | None) -> None:
        if self.read_only:
            (self.team_server if self.env_url else self.this_computer).setChecked(True)
            if self.env_url:
                keywords = pg_target(self.env_url).keywords
                self.host_edit.setText(keywords.get("host", "localhost"))
                self.port_spin.setValue(int(keywords.get("port", DEFAULT_PG_PORT)))
                self.database_edit.setText(keywords.get("dbname", ""))
                self.user_edit.setText(keywords.get("user", ""))
            for widget in (*self._fields(), self.this_computer, self.team_server):
                widget.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.test_button.setEnabled(self.env_url is not None)
            if env_problem:
                self.show_result(env_problem)
            return
        server = self.shell.ctx.settings.team_journal
        (self.team_server if server is not None else self.this_computer).setChecked(True)
        if server is not None:
            self.host_edit.setText(server.host)
            self.port_spin.setValue(server.port)
            self.database_edit.setText(server.database)
            self.user_edit.setText(server.user)
            self.save.look_for_password(server)
        self._enable()

    def _enable(self) -> None:
        team = self.team_server.isChecked() and not self.read_only
        for widget in self._fields():
            widget.setEnabled(team)
        self.test_button.setEnabled(self.team_server.isChecked() and not self.test.running)
        self._say_tls()

    def password_known(self, saved: bool) -> None:
        """Whether the keyring holds the setting's password (asked on the worker)."""
        self._password_saved = saved
        self._say_password()

    # -- sentences --------------------------------------------------------------

    def show_result(self, sentence: str) -> None:
        """One sentence under Test (a typed problem is worded, and again after a switch)."""
        self._said = sentence
        self.result_label.setText(word(sentence))

    def _say_tls(self) -> None:
        try:
            server = self.chosen_server()
        except TeamServerValueError:
            server = None
        if server is None:
            self.tls_label.setText("")
        elif server.verifies_certificate:
            self.tls_label.setText(
                self.tr(
                    "This server is reached over TLS only, with its certificate and name "
                    "checked against this computer's trusted certificates (verify-full)."
                )
            )
        else:
            self.tls_label.setText(self.tr("This server is on this computer: no TLS is needed."))

    def _say_password(self) -> None:
        if self.read_only:
            self.password_edit.setPlaceholderText(self.tr("From the PostgreSQL password file"))
        elif self._password_saved:
            self.password_edit.setPlaceholderText(
                self.tr("Kept in the system keyring; leave empty to keep it")
            )
        else:
            self.password_edit.setPlaceholderText(self.tr("Kept in the system keyring"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Journal"))
        self.intro.setText(
            self.tr(
                "The journal is the agency's record of every order, ticket and cancel. "
                "One desk keeps it on this computer; several desks share one on a team "
                "server (PostgreSQL), so each desk sees the others' orders. axdesk "
                "switches to the journal chosen here at its next start."
            )
        )
        if self.read_only:
            where = pg_target(self.env_url).where if self.env_url else self.tr("this computer")
            self.admin_note.setText(
                fill_args(
                    self.tr(
                        "An administrator chose this desk's journal with AXDESK_JOURNAL_URL "
                        "(%1): it is used, and it cannot be changed here."
                    ),
                    where,
                )
            )
        self.admin_note.setVisible(self.read_only)
        self.this_computer.setText(self.tr("&This computer (the default)"))
        self.team_server.setText(self.tr("Team &server (PostgreSQL)"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Host:"),
                self.tr("&Port:"),
                self.tr("Data&base:"),
                self.tr("&User:"),
                self.tr("Pass&word:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.host_edit.setPlaceholderText(self.tr("db.agency.example or an IP address"))
        self.test_button.setText(self.tr("&Test"))
        self.test_button.setToolTip(
            self.tr("Connect once to the team server and say whether this desk can use it")
        )
        self._say_password()
        self._say_tls()
        if self._said:
            self.result_label.setText(word(self._said))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def saved_note(self, sentence: str) -> None:
        """The window's note, when one was given (else the sentence stays here)."""
        if self._note is not None:
            self._note(sentence)
        else:
            self.show_result(sentence)


def _admin_url() -> tuple[str | None, str | None]:
    """``AXDESK_JOURNAL_URL``'s team journal, and the sentence when it cannot be used."""
    try:
        return team_journal_url(os.environ), None
    except JournalUrlError as exc:
        return None, str(exc)
