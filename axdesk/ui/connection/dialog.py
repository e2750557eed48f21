"""Connection > Connect…: profiles, their secrets, and a real "Test connection".

A profile is a name, an environment (production, test or a custom address),
and the supplier's time zone; it is kept in the settings. Its API key and
channel code go to the OS keyring through :class:`~axdesk.ui.connection.secrets.SecretStore`
(never the settings). Keyring work and the test call run on the worker.

"Test connection" asks AX for the status of an order that cannot exist (a
random UUID): a 404 means AX accepted the API key and channel code; every
other outcome is told plainly (see :func:`describe_test_failure`).
"""

from __future__ import annotations

import itertools
import uuid
import zoneinfo
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from axdesk.api import (
    ENVIRONMENTS,
    AxAuthError,
    AxClient,
    AxError,
    AxMalformedResponseError,
    AxNetworkError,
    AxNotFoundError,
    AxRateLimitedError,
    AxServerError,
)
from axdesk.store.settings import (
    DEFAULT_SUPPLIER_TIMEZONE,
    InvalidBaseUrlError,
    Profile,
    SettingsError,
    SettingValueError,
    validate_base_url,
)
from axdesk.ui.common.context import (
    ENVIRONMENT_CUSTOM,
    ENVIRONMENT_PRODUCTION,
    ENVIRONMENT_TEST,
    ConnectionProfile,
)
from axdesk.ui.common.i18n import fill_args
from axdesk.ui.common.worker import Call, CallGroup, describe_error
from axdesk.ui.connection.net import InterruptibleTransport, make_client
from axdesk.ui.connection.secrets import Credentials, KeyringUnavailableError, SecretStoreError
from axdesk.ui.shell.bootstrap import Shell

TEST_TIMEOUT_SECONDS = 8.0
ENVIRONMENT_KINDS = (ENVIRONMENT_PRODUCTION, ENVIRONMENT_TEST, ENVIRONMENT_CUSTOM)


def to_connection_profile(profile: Profile) -> ConnectionProfile:
    """The settings' profile as the connection in use sees it (with its base URL)."""
    if profile.environment == ENVIRONMENT_CUSTOM:
        base_url = profile.custom_url
    else:
        base_url = ENVIRONMENTS[profile.environment]
    return ConnectionProfile(
        name=profile.name,
        environment=profile.environment,
        base_url=base_url,
        supplier_timezone=profile.supplier_timezone,
    )


def probe(client: AxClient) -> None:
    """One real, harmless call: the status of an order that cannot exist.

    Returns normally when AX accepted the credentials (it answers 404, or
    some status); raises the client's ``AxError`` otherwise.
    """
    try:
        client.get_order_status(str(uuid.uuid4()))
    except AxNotFoundError:
        return


def describe_test_failure(error: BaseException, base_url: str) -> str:
    """A plain sentence for what went wrong in a connection test."""
    host = urlsplit(base_url).hostname or base_url
    if isinstance(error, AxAuthError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionDialog",
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
                    "ConnectionDialog",
                    "The secure connection to %1 failed: its certificate could not be "
                    "verified. Check the address; axdesk never skips this check.",
                ),
                host,
            )
        if "could not be found" in detail:
            return fill_args(
                QCoreApplication.translate(
                    "ConnectionDialog", "The server name %1 could not be found. Check the address."
                ),
                host,
            )
        return fill_args(
            QCoreApplication.translate(
                "ConnectionDialog",
                "Could not reach %1: there is no network connection, or no server answers "
                "at this address. Check the network and the address.",
            ),
            host,
        )
    if isinstance(error, AxMalformedResponseError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionDialog",
                "The server at %1 answered, but it is not an AX server (it sent a web page "
                "or an unexpected reply). Check the address.",
            ),
            base_url,
        )
    if isinstance(error, AxRateLimitedError):
        return QCoreApplication.translate(
            "ConnectionDialog",
            "AX is busy right now (too many requests). Wait a minute and test again.",
        )
    if isinstance(error, AxServerError):
        return fill_args(
            QCoreApplication.translate(
                "ConnectionDialog",
                "AX had a server error (HTTP %1), so the key could not be checked. "
                "Try again later.",
            ),
            str(error.status or 500),
        )
    if isinstance(error, AxError):
        return str(error)
    return describe_error(error) or ""


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
        self._shell = shell
        self._settings = shell.ctx.settings
        self._worker = shell.ctx.worker
        self._secrets = shell.secrets
        self._editing: str | None = None  # the name the profile had when loaded
        self._running_tests: list[InterruptibleTransport] = []
        self._calls = CallGroup()
        self._build()
        self.retranslate_ui()
        self._reload_profiles(self._settings.last_profile)
        self._refresh_secret_location()
        self.finished.connect(self._abort_tests)
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

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        self.environment_combo = QComboBox()
        for kind in ENVIRONMENT_KINDS:
            self.environment_combo.addItem("", kind)
        self.url_edit = QLineEdit()
        self.timezone_combo = QComboBox()
        self.timezone_combo.setEditable(True)
        self.timezone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone_combo.addItems(sorted(zoneinfo.available_timezones()))
        completer = QCompleter(self.timezone_combo.model(), self.timezone_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone_combo.setCompleter(completer)
        self.api_key_edit = QLineEdit()
        self.channel_code_edit = QLineEdit()
        for secret_edit in (self.api_key_edit, self.channel_code_edit):
            secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
            secret_edit.setClearButtonEnabled(True)
        self.show_secrets_check = QCheckBox()
        self.secret_location_label = QLabel()
        self.secret_location_label.setWordWrap(True)
        self.session_only_check = QCheckBox()
        self.session_only_check.setVisible(False)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = {
            "name": QLabel(),
            "environment": QLabel(),
            "url": QLabel(),
            "timezone": QLabel(),
            "api_key": QLabel(),
            "channel_code": QLabel(),
        }
        fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "environment": self.environment_combo,
            "url": self.url_edit,
            "timezone": self.timezone_combo,
            "api_key": self.api_key_edit,
            "channel_code": self.channel_code_edit,
        }
        for key, label in self.form_labels.items():
            label.setBuddy(fields[key])
            self.form.addRow(label, fields[key])
        self.form.addRow("", self.show_secrets_check)
        self.form.addRow(self.secret_location_label)
        self.form.addRow("", self.session_only_check)

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
        layout.addLayout(self.form)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.profile_combo,
            self.new_button,
            self.delete_button,
            self.name_edit,
            self.environment_combo,
            self.url_edit,
            self.timezone_combo,
            self.api_key_edit,
            self.channel_code_edit,
            self.show_secrets_check,
            self.session_only_check,
            self.test_button,
            self.connect_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self.profile_combo.activated.connect(self._on_profile_chosen)
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button.clicked.connect(self.delete_profile)
        self.environment_combo.currentIndexChanged.connect(self._on_environment_changed)
        self.show_secrets_check.toggled.connect(self._on_show_secrets)
        self.session_only_check.toggled.connect(self._on_session_only)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.connect_profile)
        self.buttons.rejected.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Connect to AX"))
        self.profile_label.setText(self.tr("&Profile:"))
        self.profile_combo.setAccessibleName(self.tr("Connection profile"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setAccessibleName(self.tr("New profile"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete this profile"))
        texts = {
            "name": (self.tr("&Name:"), self.tr("Profile name")),
            "environment": (self.tr("&Environment:"), self.tr("Environment")),
            "url": (self.tr("Server &address:"), self.tr("Server address")),
            "timezone": (self.tr("Supplier &time zone:"), self.tr("Supplier time zone")),
            "api_key": (self.tr("API &key:"), self.tr("API key")),
            "channel_code": (self.tr("&Channel code:"), self.tr("Channel code")),
        }
        for key, (label_text, accessible) in texts.items():
            self.form_labels[key].setText(label_text)
            buddy = self.form_labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(accessible)
        self.name_edit.setPlaceholderText(self.tr("for example: Seoul desk"))
        env_names = {
            ENVIRONMENT_PRODUCTION: self.tr("Production (real orders)"),
            ENVIRONMENT_TEST: self.tr("Test"),
            ENVIRONMENT_CUSTOM: self.tr("Custom address"),
        }
        for index in range(self.environment_combo.count()):
            kind = self.environment_combo.itemData(index)
            self.environment_combo.setItemText(index, env_names[kind])
        self.url_edit.setPlaceholderText("https://")
        self.api_key_edit.setPlaceholderText(self.tr("from your AX account"))
        self.channel_code_edit.setPlaceholderText(self.tr("from your AX account"))
        self.show_secrets_check.setText(self.tr("&Show the API key and channel code"))
        self.show_secrets_check.setAccessibleName(self.tr("Show the API key and channel code"))
        self.session_only_check.setText(
            self.tr("Keep them for this session only (forgotten when axdesk quits)")
        )
        self.session_only_check.setAccessibleName(self.tr("Keep secrets for this session only"))
        self.secret_location_label.setAccessibleName(self.tr("Where the secrets are kept"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        if self.connect_button is not None:
            self.connect_button.setText(self.tr("C&onnect"))
            self.connect_button.setAccessibleName(self.tr("Save the profile and connect"))
        if self.cancel_button is not None:
            self.cancel_button.setText(self.tr("Cancel"))
            self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._refresh_secret_location()
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
        self._editing = profile.name
        self.name_edit.setText(profile.name)
        self.environment_combo.setCurrentIndex(self.environment_combo.findData(profile.environment))
        self.url_edit.setText(profile.custom_url)
        self.timezone_combo.setCurrentText(profile.supplier_timezone)
        self.api_key_edit.clear()
        self.channel_code_edit.clear()
        self._set_result("")
        self._on_environment_changed()
        self._load_secrets(profile.name)

    def new_profile(self) -> None:
        self._editing = None
        self.profile_combo.setCurrentIndex(-1)
        self.name_edit.clear()
        self.environment_combo.setCurrentIndex(self.environment_combo.findData(ENVIRONMENT_TEST))
        self.url_edit.clear()
        self.timezone_combo.setCurrentText(DEFAULT_SUPPLIER_TIMEZONE)
        self.api_key_edit.clear()
        self.channel_code_edit.clear()
        self._set_result("")
        self._on_environment_changed()
        self.name_edit.setFocus()

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
            self._show_problem(str(error))
            return
        secrets = self._secrets
        self._track(
            self._worker.call(lambda: secrets.delete(name)).on_error(self._on_secret_error).start()
        )
        self._reload_profiles(None)

    def _on_environment_changed(self, _index: int = 0) -> None:
        kind = self.environment_combo.currentData()
        custom = kind == ENVIRONMENT_CUSTOM
        self.url_edit.setReadOnly(not custom)
        if not custom and kind in ENVIRONMENTS:
            self.url_edit.setText(ENVIRONMENTS[kind])
        elif custom and self.url_edit.text() in ENVIRONMENTS.values():
            self.url_edit.clear()

    def _on_show_secrets(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.api_key_edit.setEchoMode(mode)
        self.channel_code_edit.setEchoMode(mode)

    # -- secrets -----------------------------------------------------------------------

    def _refresh_secret_location(self) -> None:
        secrets = self._secrets

        def where() -> tuple[bool, str]:
            return secrets.session_only or secrets.is_available, secrets.location()

        self._track(self._worker.call(where).on_success(self._show_secret_location).start())

    def _show_secret_location(self, answer: tuple[bool, str]) -> None:
        usable, location = answer
        if self._secrets.session_only:
            text = self.tr("The API key and channel code are kept in memory for this session only.")
        elif usable:
            text = fill_args(self.tr("The API key and channel code are kept in %1."), location)
        else:
            text = self._secrets.unavailable_sentence()
        self.secret_location_label.setText(text)
        self.session_only_check.setVisible(not usable or self._secrets.session_only)
        self.session_only_check.setChecked(self._secrets.session_only)
        self.session_only_check.setEnabled(not self._secrets.session_only)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a sentence that arrived after the dialog was laid out (word-wrapped
        labels do not ask for their height by themselves)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        needed = self.sizeHint().height()
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _on_session_only(self, checked: bool) -> None:
        if checked and not self._secrets.session_only:
            self._secrets.use_session_only()
            self._refresh_secret_location()

    def _load_secrets(self, name: str) -> None:
        secrets = self._secrets

        def loaded(credentials: Credentials | None) -> None:
            if self._editing != name:
                return  # another profile was picked meanwhile
            if credentials is not None:
                self.api_key_edit.setText(credentials.api_key)
                self.channel_code_edit.setText(credentials.channel_code)
            self.secrets_loaded.emit(name)

        self._track(
            self._worker.call(lambda: secrets.load(name))
            .on_success(loaded)
            .on_error(self._on_secret_error)
            .start()
        )

    def _on_secret_error(self, error: BaseException) -> None:
        if isinstance(error, KeyringUnavailableError):
            self.session_only_check.setVisible(True)
            self.session_only_check.setEnabled(True)
            self._show_problem(str(error))
        elif isinstance(error, SecretStoreError):
            self._show_problem(str(error))
        else:
            self._show_problem(describe_error(error) or "")

    # -- reading the form --------------------------------------------------------------

    def form_profile(self) -> Profile | None:
        """The profile in the form, or None after showing what to fix."""
        name = self.name_edit.text().strip()
        if not name:
            self._show_problem(self.tr("Give the profile a name, for example: Seoul desk."))
            self.name_edit.setFocus()
            return None
        clash = self._settings.profile(name)
        if clash is not None and (
            self._editing is None or clash.name.casefold() != self._editing.casefold()
        ):
            self._show_problem(
                fill_args(
                    self.tr("A profile named %1 already exists; choose another name."),
                    clash.name,
                )
            )
            self.name_edit.setFocus()
            return None
        kind = self.environment_combo.currentData()
        custom_url = ""
        if kind == ENVIRONMENT_CUSTOM:
            try:
                custom_url = validate_base_url(self.url_edit.text())
            except InvalidBaseUrlError:
                self._show_problem(
                    self.tr(
                        "The server address must start with https:// and name a server, with "
                        "no user name, '?' or '#'. Plain http:// is allowed only for this "
                        "computer (127.0.0.1 or localhost)."
                    )
                )
                self.url_edit.setFocus()
                return None
        timezone = self.timezone_combo.currentText().strip()
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self._show_problem(
                fill_args(
                    self.tr(
                        "%1 is not a known time zone. Choose one from the list, for example "
                        "Asia/Seoul."
                    ),
                    timezone or "…",
                )
            )
            self.timezone_combo.setFocus()
            return None
        return Profile(
            name=name, environment=kind, custom_url=custom_url, supplier_timezone=timezone
        )

    def form_credentials(self) -> Credentials | None:
        api_key = self.api_key_edit.text().strip()
        channel_code = self.channel_code_edit.text().strip()
        if not api_key:
            self._show_problem(self.tr("Enter the API key from your AX account."))
            self.api_key_edit.setFocus()
            return None
        if not channel_code:
            self._show_problem(self.tr("Enter the channel code from your AX account."))
            self.channel_code_edit.setFocus()
            return None
        return Credentials(api_key=api_key, channel_code=channel_code)

    # -- testing -----------------------------------------------------------------------

    def test_connection(self) -> None:
        """Make one real call with the form's values, on the worker."""
        profile = self.form_profile()
        credentials = self.form_credentials() if profile is not None else None
        if profile is None or credentials is None:
            return
        base_url = to_connection_profile(profile).base_url
        try:
            client, transport = make_client(
                base_url,
                credentials,
                self._shell.call_log.write,
                timeout=TEST_TIMEOUT_SECONDS,
                max_retries=0,  # the operator waits for this answer: tell at once
            )
        except AxError as error:
            self._finish_test(False, str(error))
            return
        self._running_tests.append(transport)
        self._set_result(fill_args(self.tr("Testing the connection to %1…"), base_url))

        def run() -> None:
            try:
                probe(client)
            finally:
                client.close()  # on the worker, even when the dialog closed meanwhile

        def done() -> None:
            if transport in self._running_tests:
                self._running_tests.remove(transport)

        self._track(
            self._worker.call(run)
            .on_success(
                lambda _: self._finish_test(
                    True,
                    self.tr("The connection works: AX accepted the API key and channel code."),
                )
            )
            .on_error(
                lambda error: self._finish_test(False, describe_test_failure(error, base_url))
            )
            .on_done(done)
            .busy(self.test_button)
            .start()
        )

    def _finish_test(self, ok: bool, sentence: str) -> None:
        self._set_result(sentence, ok=ok)
        self.test_finished.emit(ok, sentence)

    def _track(self, call: Call[Any]) -> None:
        self._calls.add(call)

    def _abort_tests(self) -> None:
        for transport in self._running_tests:
            transport.abort()
        self._running_tests.clear()

    # -- connecting --------------------------------------------------------------------

    def connect_profile(self) -> None:
        """Save the profile, store its secrets in the keyring, and connect with it."""
        profile = self.form_profile()
        credentials = self.form_credentials() if profile is not None else None
        if profile is None or credentials is None:
            return
        secrets = self._secrets
        previous = self._editing

        def store() -> None:
            secrets.save(profile.name, credentials)
            if previous is not None and previous.casefold() != profile.name.casefold():
                secrets.delete(previous)

        self._track(
            self._worker.call(store)
            .on_success(lambda _: self._use(profile, credentials, previous))
            .on_error(self._on_secret_error)
            .busy(self.connect_button or self)
            .start()
        )

    def _use(self, profile: Profile, credentials: Credentials, previous: str | None) -> None:
        try:
            saved = self._settings.put_profile(profile, replacing=previous)
            self._settings.last_profile = saved.name
        except (SettingValueError, SettingsError) as error:
            self._show_problem(str(error))
            return
        try:
            self._shell.connect(to_connection_profile(saved), credentials)
        except AxError as error:
            self._show_problem(str(error))
            return
        self._editing = saved.name
        self.connected.emit(saved.name)
        self.accept()

    # -- messages ----------------------------------------------------------------------

    def _set_result(self, text: str, *, ok: bool | None = None) -> None:
        colour = {True: "#1e7d32", False: "#b3261e", None: ""}[ok]
        prefix = {True: self.tr("Success:"), False: self.tr("Problem:"), None: ""}[ok]
        self.result_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.result_label.setText(f"{prefix} {text}".strip() if text else "")
        self._fit_height()

    def _show_problem(self, sentence: str) -> None:
        self._set_result(sentence, ok=False)
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
