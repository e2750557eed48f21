"""The keyring wrapper: secrets only in a real OS store, failing closed otherwise."""

from __future__ import annotations

import json

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from axdesk.ui.connection.secrets import (
    JOURNAL_SERVICE,
    SERVICE,
    Credentials,
    KeyringUnavailableError,
    SecretStore,
    SecretStoreError,
    describe_backend,
    resolve_backend,
)

SECRET_KEY = "sk-live-0123456789abcdef"
SECRET_CHANNEL = "CH-SECRET-42"


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """Looks like ``keyrings.alt.file.PlaintextKeyring``: must be refused."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.written.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.written.pop((service, username), None)


class BrokenKeyring(keyring.backend.KeyringBackend):
    """A real-looking backend whose every call fails, echoing its input in the error."""

    priority = 5  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked(f"locked while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"could not store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked(f"locked while deleting {username}")


def use(backend: keyring.backend.KeyringBackend) -> None:
    """Install a backend for this test (the autouse ``memory_keyring`` fixture restores)."""
    keyring.set_keyring(backend)


def test_round_trip_in_the_test_keyring(memory_keyring) -> None:
    store = SecretStore()
    assert store.is_available
    store.save("Morning desk", Credentials(SECRET_KEY, SECRET_CHANNEL))

    raw = memory_keyring.secrets[(SERVICE, "Morning desk")]
    assert json.loads(raw) == {"api_key": SECRET_KEY, "channel_code": SECRET_CHANNEL}
    assert store.load("Morning desk") == Credentials(SECRET_KEY, SECRET_CHANNEL)
    assert store.load("Unknown") is None

    store.rename("Morning desk", "Evening desk")
    assert store.load("Morning desk") is None
    assert store.load("Evening desk") == Credentials(SECRET_KEY, SECRET_CHANNEL)
    store.delete("Evening desk")
    assert memory_keyring.secrets == {}
    store.delete("Evening desk")  # deleting twice is fine


def test_credentials_never_show_their_values() -> None:
    credentials = Credentials(SECRET_KEY, SECRET_CHANNEL)
    for text in (repr(credentials), str(credentials), f"{credentials}", repr([credentials])):
        assert SECRET_KEY not in text
        assert SECRET_CHANNEL not in text


def test_fail_backend_fails_closed() -> None:
    use(fail.Keyring())
    store = SecretStore()
    assert not store.is_available
    with pytest.raises(KeyringUnavailableError) as caught:
        store.save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))
    assert "session only" in str(caught.value)
    assert SECRET_KEY not in str(caught.value)
    with pytest.raises(KeyringUnavailableError):
        store.load("p")


def test_null_backend_is_refused() -> None:
    use(null.Keyring())
    assert resolve_backend() is None
    with pytest.raises(KeyringUnavailableError):
        SecretStore().save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))


def test_plaintext_backend_is_refused_and_never_written() -> None:
    plaintext = PlaintextKeyring()
    use(plaintext)
    store = SecretStore()
    assert not store.is_available
    with pytest.raises(KeyringUnavailableError):
        store.save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))
    assert plaintext.written == {}


def test_keyrings_alt_module_is_refused() -> None:
    class Keyring(PlaintextKeyring):
        pass

    Keyring.__module__ = "keyrings.alt.file"
    use(Keyring())
    assert resolve_backend() is None


def test_chainer_uses_only_its_real_children(
    monkeypatch: pytest.MonkeyPatch, memory_keyring
) -> None:
    plaintext = PlaintextKeyring()
    monkeypatch.setattr(
        chainer.ChainerBackend, "backends", [plaintext, fail.Keyring(), memory_keyring]
    )
    use(chainer.ChainerBackend())
    store = SecretStore()
    assert store.backend() is memory_keyring
    store.save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))
    assert plaintext.written == {}
    assert (SERVICE, "p") in memory_keyring.secrets


def test_chainer_with_no_real_child_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), fail.Keyring()])
    use(chainer.ChainerBackend())
    with pytest.raises(KeyringUnavailableError):
        SecretStore().load("p")


def test_session_only_keeps_secrets_in_memory() -> None:
    plaintext = PlaintextKeyring()
    use(plaintext)
    store = SecretStore()
    store.use_session_only()
    store.save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))
    assert store.load("p") == Credentials(SECRET_KEY, SECRET_CHANNEL)
    assert plaintext.written == {}
    assert "session" in store.location()
    assert SecretStore().session_only is False  # a fresh store starts with the keyring again


def test_backend_failure_is_one_sentence_without_the_secret() -> None:
    use(BrokenKeyring())
    store = SecretStore()
    with pytest.raises(SecretStoreError) as caught:
        store.save("p", Credentials(SECRET_KEY, SECRET_CHANNEL))
    error = caught.value
    assert not isinstance(error, KeyringUnavailableError)
    assert SECRET_KEY not in str(error)
    assert error.__cause__ is None
    assert error.__suppress_context__
    assert "BrokenKeyring" in str(error)  # names where the secrets live
    with pytest.raises(SecretStoreError, match="could not read"):
        store.load("p")
    with pytest.raises(SecretStoreError, match="could not delete"):
        store.delete("p")


def test_unreadable_entry_asks_to_enter_again(memory_keyring) -> None:
    memory_keyring.secrets[(SERVICE, "p")] = "not json"
    with pytest.raises(SecretStoreError, match="enter it again"):
        SecretStore().load("p")


def test_backend_names_operators_recognise() -> None:
    class SecretServiceLike(PlaintextKeyring):
        pass

    SecretServiceLike.__module__ = "keyring.backends.SecretService"
    assert describe_backend(SecretServiceLike()) == "GNOME Keyring / Secret Service"
    SecretServiceLike.__module__ = "keyring.backends.macOS"
    assert describe_backend(SecretServiceLike()) == "macOS Keychain"
    SecretServiceLike.__module__ = "keyring.backends.Windows"
    assert describe_backend(SecretServiceLike()) == "Windows Credential Manager"


def test_the_team_journals_password_has_an_entry_of_its_own(memory_keyring) -> None:
    store = SecretStore()
    account = "clerk@db.agency.example:5432/axdesk"
    assert store.load_journal_password(account) is None
    store.save("clerk@db.agency.example:5432/axdesk", Credentials(SECRET_KEY, SECRET_CHANNEL))
    store.save_journal_password(account, "pg-secret")
    assert memory_keyring.secrets[(JOURNAL_SERVICE, account)] == "pg-secret"
    assert store.load_journal_password(account) == "pg-secret"
    assert store.load(account) == Credentials(SECRET_KEY, SECRET_CHANNEL)  # a profile's: apart
    store.delete_journal_password(account)
    store.delete_journal_password(account)  # nothing stored: no error
    assert store.load_journal_password(account) is None


def test_the_team_journals_password_fails_closed_and_never_says_itself() -> None:
    use(fail.Keyring())
    with pytest.raises(KeyringUnavailableError):
        SecretStore().save_journal_password("a@b:5432/c", "pg-secret")
    use(BrokenKeyring())
    store = SecretStore()
    with pytest.raises(SecretStoreError) as caught:
        store.save_journal_password("a@b:5432/c", "pg-secret")
    assert "pg-secret" not in str(caught.value)
    assert "team journal's password" in str(caught.value)
    with pytest.raises(SecretStoreError, match="could not read the team journal"):
        store.load_journal_password("a@b:5432/c")
    session = SecretStore(fail.Keyring())
    session.use_session_only()
    session.save_journal_password("a@b:5432/c", "pg-secret")
    assert session.load_journal_password("a@b:5432/c") == "pg-secret"
