"""The connection profile in the connection dialog: its form, and the profile as the
connection in use sees it.

A profile is a name, an environment (production, test or a custom address),
the supplier's time zone, and whether that AX answers a repeated order code
with the same order (the operator's explicit choice, off by default: the AX
pages do not promise it); it is kept in the settings. The form also holds
the profile's API key and channel code, which go to the keyring (never the
settings), says where they are kept, and offers to keep them for this session
only when no keyring can be used.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from axdesk.api import ENVIRONMENTS
from axdesk.store.settings import (
    DEFAULT_SUPPLIER_TIMEZONE,
    InvalidBaseUrlError,
    Profile,
    Settings,
    validate_base_url,
)
from axdesk.ui.common.context import (
    ENVIRONMENT_CUSTOM,
    ENVIRONMENT_PRODUCTION,
    ENVIRONMENT_TEST,
    ConnectionProfile,
)
from axdesk.ui.common.form_problem import FormProblem
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.connection.secrets import Credentials

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
        same_order_on_repeat=profile.same_order_on_repeat,
    )


class ProfileForm(QWidget):
    """Name, environment, server address, supplier time zone, API key and channel code.

    Then the check box saying this AX answers a repeated order code with the
    same order (``same_order_check``, off unless the operator knows it). Below
    them: a check box that shows the secrets, the sentence saying where they
    are kept (``secret_location_label``) and the session-only choice
    (``session_only_check``, hidden until no keyring can be used).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
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
        self.same_order_check = QCheckBox()
        self.show_secrets_check = QCheckBox()
        self.secret_location_label = QLabel()
        self.secret_location_label.setWordWrap(True)
        self.session_only_check = QCheckBox()
        self.session_only_check.setVisible(False)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
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
        self.form.addRow("", self.same_order_check)
        self.form.addRow("", self.show_secrets_check)
        self.form.addRow(self.secret_location_label)
        self.form.addRow("", self.session_only_check)

        self.environment_combo.currentIndexChanged.connect(self._on_environment_changed)
        self.show_secrets_check.toggled.connect(self._on_show_secrets)

    def tab_order(self) -> list[QWidget]:
        """The form's inputs in the order Tab visits them."""
        return [
            self.name_edit,
            self.environment_combo,
            self.url_edit,
            self.timezone_combo,
            self.api_key_edit,
            self.channel_code_edit,
            self.same_order_check,
            self.show_secrets_check,
            self.session_only_check,
        ]

    def retranslate_ui(self) -> None:
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
        self.same_order_check.setText(
            self.tr("This AX answers a &repeated order code with the same order")
        )
        self.same_order_check.setAccessibleName(
            self.tr("This AX answers a repeated order code with the same order")
        )
        self.same_order_check.setToolTip(
            self.tr(
                "Tick only if you know that this AX, sent an order again under a channel order "
                "code it already has, answers with the order it made and never makes a second "
                "one. The AX pages do not promise it. When ticked, axdesk sends an order AX "
                "already has again under the same code to learn its ticket codes, and settles "
                "an order whose answer was lost by sending it again. When not ticked, such an "
                "order is settled from AX's status answer alone: its ticket codes stay unknown "
                "(so its tickets cannot be cancelled from axdesk), and it is never sent again "
                "while AX may have it."
            )
        )
        self.show_secrets_check.setText(self.tr("&Show the API key and channel code"))
        self.show_secrets_check.setAccessibleName(self.tr("Show the API key and channel code"))
        self.session_only_check.setText(
            self.tr("Keep them for this session only (forgotten when axdesk quits)")
        )
        self.session_only_check.setAccessibleName(self.tr("Keep secrets for this session only"))
        self.secret_location_label.setAccessibleName(self.tr("Where the secrets are kept"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------------

    def show_profile(self, profile: Profile) -> None:
        """Fill the form from a saved profile; its secrets come later, from the keyring."""
        self.name_edit.setText(profile.name)
        self.environment_combo.setCurrentIndex(self.environment_combo.findData(profile.environment))
        self.url_edit.setText(profile.custom_url)
        self.timezone_combo.setCurrentText(profile.supplier_timezone)
        self.same_order_check.setChecked(profile.same_order_on_repeat)
        self.api_key_edit.clear()
        self.channel_code_edit.clear()
        self._on_environment_changed()

    def clear(self) -> None:
        """An empty form for a new profile, on the test environment."""
        self.name_edit.clear()
        self.environment_combo.setCurrentIndex(self.environment_combo.findData(ENVIRONMENT_TEST))
        self.url_edit.clear()
        self.timezone_combo.setCurrentText(DEFAULT_SUPPLIER_TIMEZONE)
        self.same_order_check.setChecked(False)
        self.api_key_edit.clear()
        self.channel_code_edit.clear()
        self._on_environment_changed()

    def show_credentials(self, credentials: Credentials) -> None:
        self.api_key_edit.setText(credentials.api_key)
        self.channel_code_edit.setText(credentials.channel_code)

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

    # -- reading -----------------------------------------------------------------------

    def read_profile(self, settings: Settings, editing: str | None) -> Profile:
        """The profile in the form; :class:`FormProblem` for the first thing to fix.

        ``editing`` is the name the profile had when it was loaded (None for a new
        one): keeping it, in any letter case, is no clash with another profile.
        """
        name = self.name_edit.text().strip()
        if not name:
            raise FormProblem(
                self.tr("Give the profile a name, for example: Seoul desk."), self.name_edit
            )
        clash = settings.profile(name)
        if clash is not None and (editing is None or clash.name.casefold() != editing.casefold()):
            raise FormProblem(
                fill_args(
                    self.tr("A profile named %1 already exists; choose another name."),
                    clash.name,
                ),
                self.name_edit,
            )
        kind = self.environment_combo.currentData()
        custom_url = ""
        if kind == ENVIRONMENT_CUSTOM:
            try:
                custom_url = validate_base_url(self.url_edit.text())
            except InvalidBaseUrlError:
                raise FormProblem(
                    self.tr(
                        "The server address must start with https:// and name a server, with "
                        "no user name, '?' or '#'. Plain http:// is allowed only for this "
                        "computer (127.0.0.1 or localhost)."
                    ),
                    self.url_edit,
                ) from None
        timezone = self.timezone_combo.currentText().strip()
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise FormProblem(
                fill_args(
                    self.tr(
                        "%1 is not a known time zone. Choose one from the list, for example "
                        "Asia/Seoul."
                    ),
                    timezone or "…",
                ),
                self.timezone_combo,
            ) from None
        return Profile(
            name=name,
            environment=kind,
            custom_url=custom_url,
            supplier_timezone=timezone,
            same_order_on_repeat=self.same_order_check.isChecked(),
        )

    def read_credentials(self) -> Credentials:
        """The API key and channel code in the form; :class:`FormProblem` for a missing one."""
        api_key = self.api_key_edit.text().strip()
        channel_code = self.channel_code_edit.text().strip()
        if not api_key:
            raise FormProblem(self.tr("Enter the API key from your AX account."), self.api_key_edit)
        if not channel_code:
            raise FormProblem(
                self.tr("Enter the channel code from your AX account."), self.channel_code_edit
            )
        return Credentials(api_key=api_key, channel_code=channel_code)
