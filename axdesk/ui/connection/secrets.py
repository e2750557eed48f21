"""The API key and channel code of each connection profile, kept in the OS keyring.

Secrets live only in a real operating-system store (GNOME Keyring / Secret
Service, KDE Wallet, macOS Keychain, Windows Credential Manager): never in the
settings, a file, a log or an exception text. Every backend failure becomes a
:class:`SecretStoreError` whose sentence says where the secrets live.

The store fails closed: when no real keyring works (``keyring``'s ``fail`` or
``null`` backends, ``keyrings.alt``'s plain-text or "encrypted" files, which
would write the key to disk or prompt on a terminal) it raises
:class:`KeyringUnavailableError`, and the caller may offer to keep the secrets
in memory for this session only (:meth:`SecretStore.use_session_only`). It
never falls back to plain text.

One keyring entry per profile: service ``axdesk``, username = profile name,
password = JSON ``{"api_key": ..., "channel_code": ...}``. The team journal's
password (File > Journal…) has an entry of its own: service
``axdesk-team-journal``, username = ``user@host:port/database``
(``TeamServer.account``), password = the password.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from axdesk.ui.common.placeholders import fill_args

log = logging.getLogger(__name__)

SERVICE = "axdesk"
JOURNAL_SERVICE = "axdesk-team-journal"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SecretStore", text)


@dataclass(frozen=True)
class Credentials:
    """What a profile needs to talk to AX. Its repr never shows the values."""

    api_key: str = field(repr=False)
    channel_code: str = field(repr=False)

    def __repr__(self) -> str:
        return "Credentials(api_key=<hidden>, channel_code=<hidden>)"

    __str__ = __repr__


class SecretStoreError(Exception):
    """The keyring could not be used; ``str(error)`` is a sentence for the user.

    It never contains a secret, and it is raised ``from None`` so the backend's
    own exception (which might echo what was passed to it) is not chained.
    """


class KeyringUnavailableError(SecretStoreError):
    """No real OS keyring is available on this computer (the fail-closed case)."""


# Backends that are not a real operating-system store of secrets.
_REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")
_REFUSED_NAME_PARTS = ("plaintext", "encrypted", "uncrypted")


def _is_refused(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return True
    cls = type(backend)
    module = cls.__module__
    if module.startswith(_REFUSED_MODULE_PREFIXES):
        return True
    lowered = cls.__name__.lower()
    return any(part in lowered for part in _REFUSED_NAME_PARTS)


def resolve_backend(
    backend: keyring.backend.KeyringBackend | None = None,
) -> keyring.backend.KeyringBackend | None:
    """The real OS keyring to use, or None when there is none.

    ``keyring.get_keyring()`` may be a ``ChainerBackend``: its usable children are
    considered (highest priority first) and the refused ones are never written to.
    """
    chosen = keyring.get_keyring() if backend is None else backend
    if isinstance(chosen, chainer.ChainerBackend):
        children: list[keyring.backend.KeyringBackend] = list(chosen.backends)
        return next((child for child in children if not _is_refused(child)), None)
    return None if _is_refused(chosen) else chosen


def describe_backend(backend: keyring.backend.KeyringBackend | None) -> str:
    """The name an operator recognises for where their secrets are kept."""
    if backend is None:
        return QCoreApplication.translate("SecretStore", "no keyring")
    module = type(backend).__module__
    if module.startswith("keyring.backends.SecretService") or module.startswith(
        "keyring.backends.libsecret"
    ):
        return QCoreApplication.translate("SecretStore", "GNOME Keyring / Secret Service")
    if module.startswith("keyring.backends.kwallet"):
        return QCoreApplication.translate("SecretStore", "KDE Wallet")
    if module.startswith("keyring.backends.macOS"):
        return QCoreApplication.translate("SecretStore", "macOS Keychain")
    if module.startswith("keyring.backends.Windows"):
        return QCoreApplication.translate("SecretStore", "Windows Credential Manager")
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


# Full sentences per action (word order differs between languages); translated at use.
_READ_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not read the API key from %1, where it keeps the secrets of "
        "each connection. Check that %1 is running and unlocked, then try again.",
    )
)
_SAVE_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not save the API key in %1, where it keeps the secrets of "
        "each connection. Check that %1 is running and unlocked, then try again.",
    )
)
_DELETE_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not delete the API key from %1, where it keeps the secrets of "
        "each connection. Check that %1 is running and unlocked, then try again.",
    )
)

_JOURNAL_READ_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not read the team journal's password from %1. Check that %1 is "
        "running and unlocked, then try again.",
    )
)
_JOURNAL_SAVE_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not save the team journal's password in %1. Check that %1 is running "
        "and unlocked, then try again.",
    )
)
_JOURNAL_DELETE_FAILED = str(
    QT_TRANSLATE_NOOP(
        "SecretStore",
        "axdesk could not delete the team journal's password from %1. Check that %1 is "
        "running and unlocked, then try again.",
    )
)


class SecretStore:
    """Reads and writes profile secrets in the OS keyring (or memory, if the user chose so).

    Args:
        backend: the keyring backend to use; by default whatever ``keyring`` picks
            at the time of each call (tests install an in-memory one).

    Safe to call from a worker thread; keyring calls may block (an unlock prompt),
    so the UI calls them through the worker.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._explicit_backend = backend
        self._session: dict[str, Credentials] | None = None
        self._session_passwords: dict[str, str] = {}  # the team journal's, session-only
        self._lock = threading.Lock()

    # -- where secrets go ---------------------------------------------------------

    @property
    def session_only(self) -> bool:
        """True when secrets are kept in memory for this session only."""
        return self._session is not None

    def use_session_only(self) -> None:
        """Keep secrets in memory until the app quits (the user's explicit choice)."""
        with self._lock:
            if self._session is None:
                self._session = {}

    def backend(self) -> keyring.backend.KeyringBackend | None:
        return resolve_backend(self._explicit_backend)

    @property
    def is_available(self) -> bool:
        """True when a real OS keyring can be used."""
        return self.backend() is not None

    def location(self) -> str:
        """Where the secrets are kept, in words (for the connection dialog)."""
        if self.session_only:
            return QCoreApplication.translate("SecretStore", "in memory for this session only")
        return describe_backend(self.backend())

    def unavailable_sentence(self) -> str:
        return QCoreApplication.translate(
            "SecretStore",
            "No secure keyring (such as GNOME Keyring, KDE Wallet, macOS Keychain or "
            "Windows Credential Manager) is available on this computer, so axdesk will "
            "not save the API key; you can keep it for this session only.",
        )

    # -- reading and writing ------------------------------------------------------

    def load(self, profile_name: str) -> Credentials | None:
        """The profile's secrets, or None when none are stored."""
        if self._session is not None:
            with self._lock:
                return self._session.get(profile_name)
        backend = self._require_backend()
        try:
            raw = backend.get_password(SERVICE, profile_name)
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _READ_FAILED) from None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return Credentials(api_key=str(data["api_key"]), channel_code=str(data["channel_code"]))
        except (ValueError, TypeError, KeyError):
            log.warning("The keyring entry for profile %r is not in axdesk's format", profile_name)
            raise SecretStoreError(
                fill_args(
                    QCoreApplication.translate(
                        "SecretStore",
                        "The saved API key for this profile in %1 is unreadable; "
                        "please enter it again.",
                    ),
                    describe_backend(backend),
                )
            ) from None

    def save(self, profile_name: str, credentials: Credentials) -> None:
        if self._session is not None:
            with self._lock:
                self._session[profile_name] = credentials
            return
        backend = self._require_backend()
        payload = json.dumps(
            {"api_key": credentials.api_key, "channel_code": credentials.channel_code}
        )
        try:
            backend.set_password(SERVICE, profile_name, payload)
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _SAVE_FAILED) from None

    def delete(self, profile_name: str) -> None:
        if self._session is not None:
            with self._lock:
                self._session.pop(profile_name, None)
            return
        backend = self._require_backend()
        try:
            backend.delete_password(SERVICE, profile_name)
        except keyring.errors.PasswordDeleteError:
            return  # nothing was stored: the wanted end state
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _DELETE_FAILED) from None

    def rename(self, old_name: str, new_name: str) -> None:
        """Move a profile's secrets to its new name."""
        if old_name == new_name:
            return
        credentials = self.load(old_name)
        if credentials is not None:
            self.save(new_name, credentials)
            self.delete(old_name)

    # -- the team journal's password (see the module docstring) -----------------

    def load_journal_password(self, account: str) -> str | None:
        """The team journal's password for ``account``, or None when none is stored."""
        if self._session is not None:
            with self._lock:
                return self._session_passwords.get(account)
        backend = self._require_backend()
        try:
            return backend.get_password(JOURNAL_SERVICE, account)
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _JOURNAL_READ_FAILED) from None

    def save_journal_password(self, account: str, password: str) -> None:
        if self._session is not None:
            with self._lock:
                self._session_passwords[account] = password
            return
        backend = self._require_backend()
        try:
            backend.set_password(JOURNAL_SERVICE, account, password)
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _JOURNAL_SAVE_FAILED) from None

    def delete_journal_password(self, account: str) -> None:
        if self._session is not None:
            with self._lock:
                self._session_passwords.pop(account, None)
            return
        backend = self._require_backend()
        try:
            backend.delete_password(JOURNAL_SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            return  # nothing was stored: the wanted end state
        except Exception:  # every backend failure becomes one sentence
            raise self._failure(backend, _JOURNAL_DELETE_FAILED) from None

    # -- helpers ------------------------------------------------------------------

    def _require_backend(self) -> keyring.backend.KeyringBackend:
        backend = self.backend()
        if backend is None:
            raise KeyringUnavailableError(self.unavailable_sentence())
        return backend

    @staticmethod
    def _failure(backend: keyring.backend.KeyringBackend, template: str) -> SecretStoreError:
        where = describe_backend(backend)
        log.warning("Keyring %s failed (%s)", where, template[:40])
        return SecretStoreError(fill_args(_tr(template), where))
