"""Connection > Connect…: profiles, their secrets, and a real "Test connection".

The dialog picks, adds and deletes profiles and connects with one; it is composed
of the profile's form (:mod:`~axdesk.ui.connection.profile_form`), its keyring
work (:class:`~axdesk.ui.connection.keyring_step.KeyringStep`: the API key and
channel code go to the OS keyring, never the settings) and Test connection
(:class:`~axdesk.ui.connection.probe.ConnectionTest`). Keyring work and the test
call run on the worker.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import AxError
from axdesk.store.settings import (
    Profile,
    SettingsError,
    SettingValueError,
)
from axdesk.ui.common.form_problem import FormProblem
from axdesk.ui.common.live_text import again
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.common.store_text import error_text
from axdesk.ui.common.worker import Call, CallGroup
from axdesk.ui.connection.keyring_step import KeyringStep
from axdesk.ui.connection.probe import ConnectionTest, TestVerdict
from axdesk.ui.connection.profile_form import ProfileForm, to_connection_profile
from axdesk.ui.connection.secrets import Credentials
from axdesk.ui.shell.bootstrap import Shell


class ConnectionDialog(QDialog):
    """Edit connection profiles and connect with one of them.

    Signals:
        connected(str): the named profile is now the connection in use.
        test_finished(bool, str): a connection test ended: success, and the sentence shown.
        secrets_loaded(str): the form was filled from the keyring for this profile.
        problem_shown(str): a sentence about a problem was shown (validation, keyring).
    """

    connected = Signal(str)
    test_finished = Signal(bool, str)
    secrets_loaded = Signal(str)
    problem_shown = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        self._settings = shell.ctx.settings
        self._editing: str | None = None  # the name the profile had when loaded
        self._last_test: TestVerdict | None = None
        self._result: tuple[str, bool | None] = ("", None)  # the result line's sentence
        self._connect_anyway: TestVerdict | None = None  # the failed test Connect was warned of
        self._calls = CallGroup()
        self.connection_test = ConnectionTest(self)
        self.keyring = KeyringStep(self)
        self._build()
        self.retranslate_ui()
        self._reload_profiles(self._settings.last_profile)
        self.keyring.show_location()
        self.finished.connect(self.connection_test.abort_all)
        self.finished.connect(self._calls.cancel_all)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.setModal(True)
        self.setMinimumWidth(560)
        self.profile_combo = QComboBox()
        self.new_button = QPushButton()
        self.delete_button = QPushButton()
        self.profile_label = QLabel()
        self.profile_label.setBuddy(self.profile_combo)
        top = QHBoxLayout()
        top.addWidget(self.profile_label)
        top.addWidget(self.profile_combo, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)

        self.profile_form = ProfileForm()

        self.test_button = QPushButton()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(48)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.result_label, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.profile_form)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.profile_combo,
            self.new_button,
            self.delete_button,
            *self.profile_form.tab_order(),
            self.test_button,
            self.connect_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self.profile_combo.activated.connect(self._on_profile_chosen)
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button.clicked.connect(self.delete_profile)
        self.profile_form.session_only_check.toggled.connect(self.keyring.choose_session_only)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.connect_profile)
        self.buttons.rejected.connect(self.reject)
        form = self.profile_form
        for edit in (form.url_edit, form.api_key_edit, form.channel_code_edit):
            edit.textEdited.connect(self.forget_test)
        form.environment_combo.activated.connect(self.forget_test)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Connect to AX"))
        self.profile_label.setText(self.tr("&Profile:"))
        self.profile_combo.setAccessibleName(self.tr("Connection profile"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setAccessibleName(self.tr("New profile"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete this profile"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        if self.connect_button is not None:
            if self._connect_anyway is not None:
                self.connect_button.setText(self.tr("C&onnect anyway"))
                self.connect_button.setAccessibleName(
                    self.tr("Save the profile and connect, although the last test failed")
                )
            else:
                self.connect_button.setText(self.tr("C&onnect"))
                self.connect_button.setAccessibleName(self.tr("Save the profile and connect"))
        if self.cancel_button is not None:
            self.cancel_button.setText(self.tr("Cancel"))
            self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.keyring.show_location()
            if self._result[0]:
                self.set_result(again(self._result[0]), ok=self._result[1])
        super().changeEvent(event)

    # -- profiles ----------------------------------------------------------------------

    def _reload_profiles(self, select: str | None) -> None:
        self.profile_combo.clear()
        profiles = self._settings.profiles
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile.name)
        self.delete_button.setEnabled(bool(profiles))
        chosen = self._settings.profile(select) if select else None
        if chosen is None and profiles:
            chosen = profiles[0]
        if chosen is None:
            self.new_profile()
            return
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(chosen.name))
        self._load_profile(chosen)

    def _on_profile_chosen(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        profile = self._settings.profile(name) if name else None
        if profile is not None:
            self._load_profile(profile)

    def _load_profile(self, profile: Profile) -> None:
        self.forget_test()
        self._editing = profile.name
        self.profile_form.show_profile(profile)
        self.set_result("")
        self.keyring.load(profile.name)

    def new_profile(self) -> None:
        self.forget_test()
        self._editing = None
        self.profile_combo.setCurrentIndex(-1)
        self.profile_form.clear()
        self.set_result("")
        self.profile_form.name_edit.setFocus()

    def delete_profile(self) -> None:
        name = self._editing
        if name is None:
            self.new_profile()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete profile"),
            fill_args(
                self.tr(
                    "Delete the profile %1 and its API key and channel code from this computer?"
                ),
                name,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_profile(name)

    def remove_profile(self, name: str) -> None:
        """Remove a profile from the settings and its secrets from the keyring."""
        try:
            self._settings.remove_profile(name)
        except SettingsError as error:
            self.show_problem(error_text(error))
            return
        self.keyring.delete(name)
        self._reload_profiles(None)

    @property
    def editing(self) -> str | None:
        """The name the profile in the form had when it was loaded (None for a new one)."""
        return self._editing

    def fit_height(self) -> None:
        """Grow to show a sentence that arrived after the dialog was laid out (word-wrapped
        labels do not ask for their height by themselves)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        needed = self.sizeHint().height()
        if self.height() < needed:
            self.resize(self.width(), needed)

    # -- reading the form --------------------------------------------------------------

    def form_profile(self) -> Profile | None:
        """The profile in the form, or None after showing what to fix."""
        try:
            return self.profile_form.read_profile(self._settings, self._editing)
        except FormProblem as problem:
            self._show_form_problem(problem)
            return None

    def form_credentials(self) -> Credentials | None:
        try:
            return self.profile_form.read_credentials()
        except FormProblem as problem:
            self._show_form_problem(problem)
            return None

    def _show_form_problem(self, problem: FormProblem) -> None:
        self.show_problem(str(problem))
        if problem.field is not None:
            problem.field.setFocus()

    # -- testing -----------------------------------------------------------------------

    def test_connection(self) -> None:
        """Make one real call with the form's values, on the worker."""
        profile = self.form_profile()
        credentials = self.form_credentials() if profile is not None else None
        if profile is None or credentials is None:
            return
        self.connection_test.start(to_connection_profile(profile).base_url, credentials)

    def note_test(self, verdict: TestVerdict) -> None:
        """Remember how the last Test connection ended (Connect warns after a failed one)."""
        self._last_test = verdict
        if verdict.ok:
            self._disarm()

    def forget_test(self, *_args: object) -> None:
        """The settings were changed: the last test says nothing about them any more."""
        self._last_test = None
        self._disarm()

    def _disarm(self) -> None:
        if self._connect_anyway is not None:
            self._connect_anyway = None
            self.retranslate_ui()

    def track(self, call: Call[Any]) -> None:
        """Keep ``call`` to cancel it when the dialog closes (its answer is then dropped)."""
        self._calls.add(call)

    # -- connecting --------------------------------------------------------------------

    def connect_profile(self) -> None:
        """Save the profile, store its secrets in the keyring, and connect with it."""
        profile = self.form_profile()
        credentials = self.form_credentials() if profile is not None else None
        if profile is None or credentials is None:
            return
        failed = self._failed_test(profile, credentials)
        if failed is not None and self._connect_anyway is not failed:
            self._connect_anyway = failed
            self.retranslate_ui()
            self.show_problem(
                fill_args(
                    self.tr(
                        "The last connection test with these settings failed: %1 Press "
                        "Connect anyway to connect all the same, or change the settings and "
                        "test again."
                    ),
                    failed.sentence,
                )
            )
            return
        previous = self._editing
        problem = failed.problem if failed is not None else None
        self.keyring.save(
            profile.name,
            credentials,
            previous,
            lambda: self._use(profile, credentials, previous, problem),
        )

    def _failed_test(self, profile: Profile, credentials: Credentials) -> TestVerdict | None:
        """The last test, when it failed with the settings in the form now."""
        verdict = self._last_test
        base_url = to_connection_profile(profile).base_url
        if verdict is not None and verdict.failed_for(base_url, credentials):
            return verdict
        return None

    def _use(
        self,
        profile: Profile,
        credentials: Credentials,
        previous: str | None,
        problem: str | None = None,
    ) -> None:
        try:
            saved = self._settings.put_profile(profile, replacing=previous)
            self._settings.last_profile = saved.name
        except (SettingValueError, SettingsError) as error:
            self.show_problem(error_text(error))
            return
        try:
            self.shell.connect(to_connection_profile(saved), credentials, problem=problem)
        except AxError as error:
            self.show_problem(str(error))
            return
        self._editing = saved.name
        self.connected.emit(saved.name)
        self.accept()

    # -- messages ----------------------------------------------------------------------

    def set_result(self, text: str, *, ok: bool | None = None) -> None:
        """The line under Test connection: a sentence, marked as success or problem."""
        self._result = (text, ok)
        colour = {True: "#1e7d32", False: "#b3261e", None: ""}[ok]
        prefix = {True: self.tr("Success:"), False: self.tr("Problem:"), None: ""}[ok]
        self.result_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.result_label.setText(f"{prefix} {text}".strip() if text else "")
        self.fit_height()

    def show_problem(self, sentence: str) -> None:
        """Say what went wrong on the result line (never a modal box)."""
        self.set_result(sentence, ok=False)
        self.problem_shown.emit(sentence)


def open_connection_dialog(
    shell: Shell, parent: QWidget | None, on_connected: Callable[[str], None] | None = None
) -> ConnectionDialog:
    """Show the dialog (non-blocking, window-modal) and return it."""
    dialog = ConnectionDialog(shell, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_connected is not None:
        dialog.connected.connect(on_connected)
    dialog.open()
    return dialog
