"""User settings: every setting and its default declared once, stored as JSON.

Each setting is a :class:`Setting` descriptor on :class:`Settings` (in the
manner of Electrum's ``ConfigVar``): its key, default, and a validator that
turns a raw value (from the file or from the UI) into the typed value or
raises :class:`SettingValueError` with a sentence. Reading
``settings.poll_interval_seconds`` gives the value; assigning validates it
and, with ``autosave`` on, writes the file at once. The UI opens the settings
with ``autosave`` off and an ``on_change`` hook that schedules the write on a
background thread, because the write syncs the file to disk and the GUI
thread must never wait on a slow disk. A lock guards the values and another
the write, so a background save and a change on the GUI thread can overlap.

The file (``config_dir/settings.json``) is written atomically (a temporary
file in the same folder, then ``os.replace``). It never holds a secret: the
API key lives in the system keyring, and a profile entry that carries a
secret-looking field has the field dropped with a warning.

A damaged file never costs the user anything silently: when the file is
not JSON, or some values are invalid, the original is kept aside as
``settings.json.bad`` (``.bad.2`` ... when that exists), the affected
settings fall back to their defaults, and each problem is reported as a
sentence in :attr:`Settings.warnings` for the UI to show.

Keys this version does not know (written by a newer axdesk) are kept and
written back unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload
from urllib.parse import urlsplit

from axdesk.api import AxError
from axdesk.store.files import atomic_write_text

T = TypeVar("T")

LANGUAGES = ("system", "ko", "en")
ENVIRONMENT_KINDS = ("production", "test", "custom")
DEFAULT_SUPPLIER_TIMEZONE = "Asia/Seoul"
MIN_POLL_INTERVAL_SECONDS = 15
MAX_RECENT_PRODUCTS = 10

_SECRET_WORDS = ("key", "secret", "token", "password", "passwd", "credential", "auth")


class SettingValueError(ValueError):
    """A setting value that cannot be accepted; ``str(err)`` is a sentence for the user."""


class InvalidBaseUrlError(SettingValueError):
    """A custom server address that is not acceptable; ``str(err)`` says why."""


class SettingsError(Exception):
    """The settings file could not be written; ``str(err)`` is a sentence for the user."""


# ---------------------------------------------------------------------------
# URL validation


def validate_base_url(url: str) -> str:
    """Check a custom AX server address and return it normalised (no trailing slash).

    What is acceptable is decided by the client (:func:`axdesk.api.validate_base_url`),
    so a saved address is always one the client will use: ``https://host[:port][/path]``,
    plain ``http`` only for loopback addresses (where the sandbox runs), no user name,
    password, query or fragment (the address is stored in the settings file, which
    must never hold a secret). Here it is also written one way: scheme and host in
    lower case, and a port that is a real port number.
    """
    # The client (httpx) is imported when a custom address is read, not before the
    # window's first paint when every saved profile is a production or test one.
    from axdesk.api.client import validate_base_url as client_validate_base_url

    try:
        text = client_validate_base_url(url)
    except AxError as exc:
        raise InvalidBaseUrlError(str(exc)) from None
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        raise InvalidBaseUrlError(f"The server address {text!r} is not a valid URL.") from None
    host = parts.hostname or ""
    netloc_host = f"[{host}]" if ":" in host else host
    netloc = netloc_host if port is None else f"{netloc_host}:{port}"
    return f"{parts.scheme.lower()}://{netloc}{parts.path.rstrip('/')}"


# ---------------------------------------------------------------------------
# Profiles


@dataclass(frozen=True)
class Profile:
    """A named connection to an AX environment. Holds no secret: the API key is in the keyring.

    ``same_order_on_repeat``: the operator knows that this AX answers an order
    sent again under the same channel order code with the order it already
    made (never a second one). The AX pages do not promise it, so it is off
    unless said; only when on is an order AX may have made sent again, to
    learn its ticket codes or to settle it (``axdesk.store.reconcile``).
    """

    name: str
    environment: str = "production"
    custom_url: str = ""
    supplier_timezone: str = DEFAULT_SUPPLIER_TIMEZONE
    same_order_on_repeat: bool = False

    def to_json(self) -> dict[str, str | bool]:
        return {
            "name": self.name,
            "environment": self.environment,
            "custom_url": self.custom_url,
            "supplier_timezone": self.supplier_timezone,
            "same_order_on_repeat": self.same_order_on_repeat,
        }


def validate_profile(profile: Profile) -> Profile:
    """Return the profile with its fields normalised, or raise :class:`SettingValueError`."""
    name = profile.name.strip()
    if not name:
        raise SettingValueError("A profile needs a name.")
    if len(name) > 80:
        raise SettingValueError(f"The profile name {name[:20]!r}... is longer than 80 characters.")
    if profile.environment not in ENVIRONMENT_KINDS:
        raise SettingValueError(
            f"Profile {name!r}: environment must be production, test or custom "
            f"(got {profile.environment!r})."
        )
    custom_url = profile.custom_url.strip()
    if profile.environment == "custom" or custom_url:
        try:
            custom_url = validate_base_url(custom_url)
        except InvalidBaseUrlError as exc:
            raise InvalidBaseUrlError(f"Profile {name!r}: {exc}") from exc
    tz_name = profile.supplier_timezone.strip() or DEFAULT_SUPPLIER_TIMEZONE
    try:
        zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingValueError(
            f"Profile {name!r}: {tz_name!r} is not a known time zone (for example Asia/Seoul)."
        ) from exc
    if not isinstance(profile.same_order_on_repeat, bool):
        raise SettingValueError(
            f"Profile {name!r}: same_order_on_repeat must be true or false "
            f"(got {profile.same_order_on_repeat!r})."
        )
    return Profile(
        name=name,
        environment=profile.environment,
        custom_url=custom_url,
        supplier_timezone=tz_name,
        same_order_on_repeat=profile.same_order_on_repeat,
    )


def _profile_from_json(raw: object, index: int, warnings: list[str]) -> Profile:
    where = f"Profile {index + 1}"
    if not isinstance(raw, dict):
        raise SettingValueError(f"{where} is not an object with a name and an environment.")
    known = {"name", "environment", "custom_url", "supplier_timezone"}
    flags = {"same_order_on_repeat"}
    for field in sorted(set(raw) - known - flags):
        if any(word in str(field).lower() for word in _SECRET_WORDS):
            warnings.append(
                f"{where} contained the field {field!r}, which looks like a secret; it was removed "
                "from the settings file. Secrets are kept only in the system keyring."
            )
        else:
            warnings.append(f"{where} contained the unknown field {field!r}; it was ignored.")
    values: dict[str, str] = {}
    for field in known:
        value = raw.get(field, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise SettingValueError(f"{where}: {field} must be text (got {value!r}).")
        values[field] = value
    repeats = raw.get("same_order_on_repeat", False)
    if not isinstance(repeats, bool):
        raise SettingValueError(f"{where}: same_order_on_repeat must be true or false.")
    return validate_profile(
        Profile(
            name=values["name"],
            environment=values["environment"] or "production",
            custom_url=values["custom_url"],
            supplier_timezone=values["supplier_timezone"],
            same_order_on_repeat=repeats,
        )
    )


def _validate_profiles(value: object, warnings: list[str] | None = None) -> tuple[Profile, ...]:
    sink: list[str] = [] if warnings is None else warnings
    if not isinstance(value, list | tuple):
        raise SettingValueError("The profile list must be a list.")
    profiles: list[Profile] = []
    seen: set[str] = set()
    for index, raw in enumerate(value):
        profile = (
            validate_profile(raw)
            if isinstance(raw, Profile)
            else _profile_from_json(raw, index, sink)
        )
        folded = profile.name.casefold()
        if folded in seen:
            raise SettingValueError(f"Two profiles are named {profile.name!r}; names must differ.")
        seen.add(folded)
        profiles.append(profile)
    return tuple(profiles)


# ---------------------------------------------------------------------------
# Validators


def _choice(label: str, choices: tuple[str, ...]) -> Callable[[object], str]:
    def validate(value: object) -> str:
        if not isinstance(value, str) or value not in choices:
            raise SettingValueError(f"{label} must be one of {', '.join(choices)} (got {value!r}).")
        return value

    return validate


def _whole_number(label: str, minimum: int, maximum: int) -> Callable[[object], int]:
    def validate(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingValueError(f"{label} must be a whole number (got {value!r}).")
        if not minimum <= value <= maximum:
            raise SettingValueError(
                f"{label} must be between {minimum} and {maximum} (got {value})."
            )
        return value

    return validate


def _text(label: str, max_length: int) -> Callable[[object], str]:
    def validate(value: object) -> str:
        if not isinstance(value, str):
            raise SettingValueError(f"{label} must be text (got {value!r}).")
        if len(value) > max_length:
            raise SettingValueError(f"{label} is longer than {max_length} characters.")
        return value

    return validate


def _optional_text(label: str) -> Callable[[object], str | None]:
    text = _text(label, 200)

    def validate(value: object) -> str | None:
        return None if value is None or value == "" else text(value)

    return validate


def _recent_codes(value: object) -> tuple[str, ...]:
    """Most recent first, no duplicates, at most ten (older ones drop off)."""
    if not isinstance(value, list | tuple):
        raise SettingValueError("Recent products must be a list of product codes.")
    codes: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise SettingValueError(f"Recent products must be product codes (got {item!r}).")
        code = item.strip()
        if code not in codes:
            codes.append(code)
    return tuple(codes[:MAX_RECENT_PRODUCTS])


def _as_json(value: object) -> object:
    if isinstance(value, tuple):
        return [_as_json(item) for item in value]
    if isinstance(value, Profile):
        return value.to_json()
    return value


# ---------------------------------------------------------------------------
# Declarations


class Setting(Generic[T]):
    """One declared setting: key, default, validator and a description for the docs.

    Used as a class attribute of :class:`Settings`; the key is the attribute name.
    """

    def __init__(self, default: T, validate: Callable[[object], T], *, description: str) -> None:
        self.default = validate(default)
        self.validate = validate
        self.description = description
        self.key = ""

    def __set_name__(self, owner: type[object], name: str) -> None:
        self.key = name

    @overload
    def __get__(self, obj: None, owner: type[object] | None = None) -> Setting[T]: ...

    @overload
    def __get__(self, obj: Settings, owner: type[object] | None = None) -> T: ...

    def __get__(self, obj: Settings | None, owner: type[object] | None = None) -> T | Setting[T]:
        if obj is None:
            return self
        with obj._lock:
            value: T = obj._values.get(self.key, self.default)
        return value

    def __set__(self, obj: Settings, value: T) -> None:
        obj._assign(self.key, self.validate(value))

    def __repr__(self) -> str:
        return f"Setting({self.key!r}, default={self.default!r})"


class Settings:
    """The user's settings. Read and assign the attributes; see the module docstring."""

    language = Setting(
        "system",
        _choice("Language", LANGUAGES),
        description="User-interface language: follow the system, Korean or English.",
    )
    last_profile = Setting[str | None](
        None,
        _optional_text("Last profile"),
        description="Name of the profile used last, opened again at start-up.",
    )
    profiles = Setting[tuple[Profile, ...]](
        (),
        _validate_profiles,
        description=(
            "Connection profiles (name, environment, custom URL, supplier time zone, and "
            "whether that AX answers a repeated order code with the same order)."
        ),
    )
    poll_interval_seconds = Setting(
        60,
        _whole_number("Poll interval (seconds)", MIN_POLL_INTERVAL_SECONDS, 24 * 3600),
        description="How often open orders are checked with AX for the supplier's decision.",
    )
    nearly_full_threshold = Setting(
        3,
        _whole_number("Nearly-full threshold (seats)", 0, 10_000),
        description="A slot with this many seats left or fewer is shown as nearly full.",
    )
    recent_products = Setting[tuple[str, ...]](
        (),
        _recent_codes,
        description="Product codes opened recently, most recent first (at most 10).",
    )
    inventory_refresh_age_seconds = Setting(
        60,
        _whole_number("Inventory refresh age (seconds)", 0, 24 * 3600),
        description="Inventory older than this is fetched again before it is shown or used.",
    )
    window_geometry = Setting(
        "",
        _text("Window geometry", 20_000),
        description="Main window geometry as saved by Qt (base64).",
    )
    window_state = Setting(
        "",
        _text("Window state", 20_000),
        description="Main window toolbar and dock state as saved by Qt (base64).",
    )

    def __init__(
        self,
        path: Path | None = None,
        *,
        autosave: bool = True,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        """Settings with every default; ``path=None`` keeps them in memory only.

        ``on_change`` is called (on the thread that made the change) after any
        setting changed, so the owner can schedule a save.
        """
        self.path = path
        self.autosave = autosave and path is not None
        self.on_change = on_change
        self.warnings: list[str] = []
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, object] = {}
        self._lock = threading.RLock()  # the values
        self._write_lock = threading.Lock()  # one write of the file at a time

    # -- declarations -------------------------------------------------------

    @classmethod
    def declarations(cls) -> tuple[Setting[Any], ...]:
        """Every declared setting, in declaration order."""
        return tuple(value for value in vars(cls).values() if isinstance(value, Setting))

    @classmethod
    def declaration(cls, key: str) -> Setting[Any]:
        for setting in cls.declarations():
            if setting.key == key:
                return setting
        raise KeyError(key)

    # -- loading and saving ---------------------------------------------------

    @classmethod
    def load(
        cls, path: Path, *, autosave: bool = True, on_change: Callable[[], None] | None = None
    ) -> Settings:
        """Read the settings file; problems end up as sentences in ``.warnings``.

        A missing file gives the defaults. A file that cannot be read as JSON
        is moved aside; one with some bad values is copied aside and rewritten
        with those settings at their defaults. Never raises for file content.
        """
        settings = cls(path, autosave=autosave, on_change=on_change)  # reading is no change
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return settings
        except (OSError, UnicodeDecodeError) as exc:
            settings._set_aside(move=True, reason=f"it could not be read ({exc})")
            return settings
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            settings._set_aside(
                move=True, reason=f"it is not valid JSON ({exc.msg}, line {exc.lineno})"
            )
            return settings
        if not isinstance(raw, dict):
            settings._set_aside(move=True, reason="it does not hold a JSON object")
            return settings
        problems: list[str] = []
        for key, value in raw.items():
            try:
                setting = cls.declaration(key)
            except KeyError:
                settings._unknown[key] = value
                continue
            try:
                if setting.key == "profiles":
                    notes: list[str] = []
                    settings._values[key] = _validate_profiles(value, notes)
                    problems.extend(notes)
                else:
                    settings._values[key] = setting.validate(value)
            except SettingValueError as exc:
                problems.append(
                    f"{exc} The default ({_describe(setting.default)}) is used instead."
                )
        if problems:
            settings.warnings.extend(problems)
            settings._set_aside(move=False, reason="some values in it were not valid")
            try:
                settings.save()
            except SettingsError as exc:
                settings.warnings.append(str(exc))
        return settings

    def _set_aside(self, *, move: bool, reason: str) -> None:
        assert self.path is not None
        bad = _free_bad_path(self.path)
        try:
            if move:
                os.replace(self.path, bad)
            else:
                shutil.copy2(self.path, bad)
        except OSError as exc:
            self.warnings.append(
                f"The settings file {self.path} was not used because {reason}, and it could not "
                f"be kept aside as {bad.name} ({exc.strerror or exc}); the defaults are used."
            )
            return
        if move:
            self.warnings.append(
                f"The settings file was not used because {reason}. It was kept as {bad} "
                "and the default settings are used."
            )
        else:
            self.warnings.append(
                f"The settings file was repaired because {reason}; the original was kept as {bad}."
            )

    def to_json(self) -> dict[str, object]:
        """Every setting (declared and unknown-but-kept) as plain JSON values."""
        with self._lock:
            data: dict[str, object] = dict(self._unknown)
            for setting in self.declarations():
                data[setting.key] = _as_json(setting.__get__(self))
        return data

    def save(self) -> None:
        """Write the file atomically; raises :class:`SettingsError` with a sentence on failure."""
        if self.path is None:
            return
        try:
            with self._write_lock:  # the newest values win: they are read inside the lock
                text = json.dumps(self.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
                atomic_write_text(self.path, text + "\n")
        except OSError as exc:
            raise SettingsError(
                f"The settings could not be saved to {self.path} ({exc.strerror or exc})."
            ) from exc

    def _assign(self, key: str, value: object) -> None:
        with self._lock:
            self._values[key] = value
        self._changed()

    def _changed(self) -> None:
        if self.autosave:
            self.save()
        if self.on_change is not None:
            self.on_change()

    # -- conveniences for the UI ---------------------------------------------

    def reset(self, key: str) -> None:
        """Put one setting back to its default."""
        setting = self.declaration(key)
        with self._lock:
            self._values.pop(setting.key, None)
        self._changed()

    def remember_product(self, product_code: str) -> None:
        """Move ``product_code`` to the front of the recent products (keeps at most 10)."""
        self.recent_products = (product_code, *self.recent_products)

    def profile(self, name: str) -> Profile | None:
        """The profile with this name (case-insensitive), if any."""
        folded = name.casefold()
        return next((p for p in self.profiles if p.name.casefold() == folded), None)

    def put_profile(self, profile: Profile, *, replacing: str | None = None) -> Profile:
        """Add a profile, or replace the one named ``replacing`` (renaming allowed).

        Raises :class:`SettingValueError` for an invalid profile or a name clash.
        """
        checked = validate_profile(profile)
        old = (replacing or checked.name).casefold()
        kept = [p for p in self.profiles if p.name.casefold() != old]
        position = next(
            (i for i, p in enumerate(self.profiles) if p.name.casefold() == old), len(kept)
        )
        kept.insert(position, checked)
        self.profiles = tuple(kept)
        if replacing and self.last_profile and self.last_profile.casefold() == old:
            self.last_profile = checked.name
        return checked

    def remove_profile(self, name: str) -> None:
        folded = name.casefold()
        self.profiles = tuple(p for p in self.profiles if p.name.casefold() != folded)
        if self.last_profile and self.last_profile.casefold() == folded:
            self.last_profile = None


def _describe(value: object) -> str:
    if value == () or value is None:
        return "empty"
    return repr(value)


def _free_bad_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".bad")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bad.{number}")
        number += 1
    return candidate


def declared_keys() -> Iterable[str]:
    """The keys of every declared setting (for documentation and tests)."""
    return (setting.key for setting in Settings.declarations())
