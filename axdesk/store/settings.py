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
from axdesk.store.journal_setting import TeamServer, TeamServerValueError, validate_team_server
from axdesk.store.problems import Problem, problem_of
from axdesk.store.problems import template as _t

T = TypeVar("T")

LANGUAGES = ("system", "ko", "en")
ENVIRONMENT_KINDS = ("production", "test", "custom")
DEFAULT_SUPPLIER_TIMEZONE = "Asia/Seoul"
MIN_POLL_INTERVAL_SECONDS = 15
MAX_RECENT_PRODUCTS = 10

_SECRET_WORDS = ("key", "secret", "token", "password", "passwd", "credential", "auth")

# The sentences about settings that reach the screen: typed problems (see
# axdesk.store.problems), worded in the operator's language by the UI.
NOT_A_URL = _t("The server address '%1' is not a valid URL.")
NO_PROFILE_NAME = _t("A profile needs a name.")
PROFILE_NAME_TOO_LONG = _t("The profile name '%1'... is longer than 80 characters.")
PROFILE_ENVIRONMENT = _t("Profile '%1': environment must be production, test or custom (got '%2').")
PROFILE_URL = _t("Profile '%1': %2")
PROFILE_TIME_ZONE = _t("Profile '%1': '%2' is not a known time zone (for example Asia/Seoul).")
PROFILE_NAMED = _t("Profile '%1'")
FLAG_NOT_TRUE_OR_FALSE = _t("%1: %2 must be true or false (got %3).")
PROFILE_AT = _t("Profile %1")
PROFILE_NOT_AN_OBJECT = _t("%1 is not an object with a name and an environment.")
PROFILE_SECRET_FIELD = _t(
    "%1 contained the field '%2', which looks like a secret; it was removed from the "
    "settings file. Secrets are kept only in the system keyring."
)
PROFILE_UNKNOWN_FIELD = _t("%1 contained the unknown field '%2'; it was ignored.")
PROFILE_FIELD_NOT_TEXT = _t("%1: %2 must be text (got %3).")
PROFILES_NOT_A_LIST = _t("The profile list must be a list.")
PROFILE_NAMED_TWICE = _t("Two profiles are named '%1'; names must differ.")
NOT_ONE_OF = _t("%1 must be one of %2 (got %3).")
NOT_A_WHOLE_NUMBER = _t("%1 must be a whole number (got %2).")
OUT_OF_RANGE = _t("%1 must be between %2 and %3 (got %4).")
NOT_TEXT = _t("%1 must be text (got %2).")
TEXT_TOO_LONG = _t("%1 is longer than %2 characters.")
RECENT_NOT_A_LIST = _t("Recent products must be a list of product codes.")
RECENT_NOT_CODES = _t("Recent products must be product codes (got %1).")
DEFAULT_USED = _t("%1 The default (%2) is used instead.")
EMPTY_DEFAULT = _t("empty")
UNREADABLE = _t("it could not be read (%1)")
NOT_JSON = _t("it is not valid JSON (%1, line %2)")
NOT_AN_OBJECT = _t("it does not hold a JSON object")
SOME_VALUES_INVALID = _t("some values in it were not valid")
NOT_KEPT_ASIDE = _t(
    "The settings file %1 was not used because %2, and it could not be kept aside as %3 "
    "(%4); the defaults are used."
)
SET_ASIDE = _t(
    "The settings file was not used because %1. It was kept as %2 and the default settings "
    "are used."
)
REPAIRED = _t("The settings file was repaired because %1; the original was kept as %2.")
NOT_SAVED = _t("The settings could not be saved to %1 (%2).")
LANGUAGE = _t("Language")
LAST_PROFILE = _t("Last profile")
POLL_INTERVAL = _t("Poll interval (seconds)")
NEARLY_FULL = _t("Nearly-full threshold (seats)")
REFRESH_AGE = _t("Inventory refresh age (seconds)")
WINDOW_GEOMETRY = _t("Window geometry")
WINDOW_STATE = _t("Window state")
OPERATOR_NAME = _t("Operator name")
DESK_ID = _t("Desk name")


class SettingValueError(ValueError):
    """A setting value that cannot be accepted; ``str(err)`` is a sentence for the user,
    :attr:`problem` the same sentence typed (for the UI to word)."""

    @property
    def problem(self) -> Problem | None:
        return problem_of(self)


class InvalidBaseUrlError(SettingValueError):
    """A custom server address that is not acceptable; ``str(err)`` says why."""


class SettingsError(Exception):
    """The settings file could not be written; ``str(err)`` is a sentence for the user,
    :attr:`problem` the same sentence typed."""

    @property
    def problem(self) -> Problem | None:
        return problem_of(self)


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
        raise InvalidBaseUrlError(Problem(NOT_A_URL, text)) from None
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
        raise SettingValueError(Problem(NO_PROFILE_NAME))
    if len(name) > 80:
        raise SettingValueError(Problem(PROFILE_NAME_TOO_LONG, name[:20]))
    if profile.environment not in ENVIRONMENT_KINDS:
        raise SettingValueError(Problem(PROFILE_ENVIRONMENT, name, profile.environment))
    custom_url = profile.custom_url.strip()
    if profile.environment == "custom" or custom_url:
        try:
            custom_url = validate_base_url(custom_url)
        except InvalidBaseUrlError as exc:
            raise InvalidBaseUrlError(Problem(PROFILE_URL, name, exc.problem or str(exc))) from exc
    tz_name = profile.supplier_timezone.strip() or DEFAULT_SUPPLIER_TIMEZONE
    try:
        zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingValueError(Problem(PROFILE_TIME_ZONE, name, tz_name)) from exc
    if not isinstance(profile.same_order_on_repeat, bool):
        raise SettingValueError(
            Problem(
                FLAG_NOT_TRUE_OR_FALSE,
                Problem(PROFILE_NAMED, name),
                "same_order_on_repeat",
                repr(profile.same_order_on_repeat),
            )
        )
    return Profile(
        name=name,
        environment=profile.environment,
        custom_url=custom_url,
        supplier_timezone=tz_name,
        same_order_on_repeat=profile.same_order_on_repeat,
    )


def _profile_from_json(raw: object, index: int, warnings: list[str]) -> Profile:
    where = Problem(PROFILE_AT, index + 1)
    if not isinstance(raw, dict):
        raise SettingValueError(Problem(PROFILE_NOT_AN_OBJECT, where))
    known = {"name", "environment", "custom_url", "supplier_timezone"}
    flags = {"same_order_on_repeat"}
    for field in sorted(set(raw) - known - flags):
        if any(word in str(field).lower() for word in _SECRET_WORDS):
            warnings.append(Problem(PROFILE_SECRET_FIELD, where, field))
        else:
            warnings.append(Problem(PROFILE_UNKNOWN_FIELD, where, field))
    values: dict[str, str] = {}
    for field in known:
        value = raw.get(field, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise SettingValueError(Problem(PROFILE_FIELD_NOT_TEXT, where, field, repr(value)))
        values[field] = value
    repeats = raw.get("same_order_on_repeat", False)
    if not isinstance(repeats, bool):
        raise SettingValueError(
            Problem(FLAG_NOT_TRUE_OR_FALSE, where, "same_order_on_repeat", repr(repeats))
        )
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
        raise SettingValueError(Problem(PROFILES_NOT_A_LIST))
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
            raise SettingValueError(Problem(PROFILE_NAMED_TWICE, profile.name))
        seen.add(folded)
        profiles.append(profile)
    return tuple(profiles)


# ---------------------------------------------------------------------------
# Validators


def _choice(label: str, choices: tuple[str, ...]) -> Callable[[object], str]:
    def validate(value: object) -> str:
        if not isinstance(value, str) or value not in choices:
            raise SettingValueError(
                Problem(NOT_ONE_OF, Problem(label), ", ".join(choices), repr(value))
            )
        return value

    return validate


def _whole_number(label: str, minimum: int, maximum: int) -> Callable[[object], int]:
    def validate(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingValueError(Problem(NOT_A_WHOLE_NUMBER, Problem(label), repr(value)))
        if not minimum <= value <= maximum:
            raise SettingValueError(Problem(OUT_OF_RANGE, Problem(label), minimum, maximum, value))
        return value

    return validate


def _text(label: str, max_length: int) -> Callable[[object], str]:
    def validate(value: object) -> str:
        if not isinstance(value, str):
            raise SettingValueError(Problem(NOT_TEXT, Problem(label), repr(value)))
        if len(value) > max_length:
            raise SettingValueError(Problem(TEXT_TOO_LONG, Problem(label), max_length))
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
        raise SettingValueError(Problem(RECENT_NOT_A_LIST))
    codes: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise SettingValueError(Problem(RECENT_NOT_CODES, repr(item)))
        code = item.strip()
        if code not in codes:
            codes.append(code)
    return tuple(codes[:MAX_RECENT_PRODUCTS])


def _team_server(value: object) -> TeamServer | None:
    try:
        return validate_team_server(value)
    except TeamServerValueError as exc:
        raise SettingValueError(exc.args[0]) from None


def _as_json(value: object) -> object:
    if isinstance(value, tuple):
        return [_as_json(item) for item in value]
    if isinstance(value, Profile | TeamServer):
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
        _choice(LANGUAGE, LANGUAGES),
        description="User-interface language: follow the system, Korean or English.",
    )
    last_profile = Setting[str | None](
        None,
        _optional_text(LAST_PROFILE),
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
        _whole_number(POLL_INTERVAL, MIN_POLL_INTERVAL_SECONDS, 24 * 3600),
        description="How often open orders are checked with AX for the supplier's decision.",
    )
    nearly_full_threshold = Setting(
        3,
        _whole_number(NEARLY_FULL, 0, 10_000),
        description="A slot with this many seats left or fewer is shown as nearly full.",
    )
    recent_products = Setting[tuple[str, ...]](
        (),
        _recent_codes,
        description="Product codes opened recently, most recent first (at most 10).",
    )
    inventory_refresh_age_seconds = Setting(
        60,
        _whole_number(REFRESH_AGE, 0, 24 * 3600),
        description="Inventory older than this is fetched again before it is shown or used.",
    )
    window_geometry = Setting(
        "",
        _text(WINDOW_GEOMETRY, 20_000),
        description="Main window geometry as saved by Qt (base64).",
    )
    window_state = Setting(
        "",
        _text(WINDOW_STATE, 20_000),
        description="Main window toolbar and dock state as saved by Qt (base64).",
    )
    operator_name = Setting(
        "",
        _text(OPERATOR_NAME, 80),
        description="The operator at this desk, recorded with each action in the journal.",
    )
    desk_id = Setting(
        "",
        _text(DESK_ID, 80),
        description=(
            "This desk's name in the journal's record of who did what "
            "(empty: the computer's host name)."
        ),
    )
    team_journal = Setting[TeamServer | None](
        None,
        _team_server,
        description=(
            "The team journal's server (host, port, database, user; the password is in the "
            "system keyring), used from the next start; empty: this computer's journal. "
            "AXDESK_JOURNAL_URL, when set, wins."
        ),
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
        self.warnings: list[str] = []  # typed sentences (Problem), worded by the UI
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
            settings._set_aside(move=True, reason=Problem(UNREADABLE, exc))
            return settings
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            settings._set_aside(move=True, reason=Problem(NOT_JSON, exc.msg, exc.lineno))
            return settings
        if not isinstance(raw, dict):
            settings._set_aside(move=True, reason=Problem(NOT_AN_OBJECT))
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
                    Problem(DEFAULT_USED, exc.problem or str(exc), _describe(setting.default))
                )
        if problems:
            settings.warnings.extend(problems)
            settings._set_aside(move=False, reason=Problem(SOME_VALUES_INVALID))
            try:
                settings.save()
            except SettingsError as exc:
                settings.warnings.append(str(exc))
        return settings

    def _set_aside(self, *, move: bool, reason: Problem) -> None:
        assert self.path is not None
        bad = _free_bad_path(self.path)
        try:
            if move:
                os.replace(self.path, bad)
            else:
                shutil.copy2(self.path, bad)
        except OSError as exc:
            self.warnings.append(
                Problem(NOT_KEPT_ASIDE, self.path, reason, bad.name, exc.strerror or exc)
            )
            return
        if move:
            self.warnings.append(Problem(SET_ASIDE, reason, bad))
        else:
            self.warnings.append(Problem(REPAIRED, reason, bad))

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
            raise SettingsError(Problem(NOT_SAVED, self.path, exc.strerror or exc)) from exc

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
        return Problem(EMPTY_DEFAULT)
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
