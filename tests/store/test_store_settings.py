"""Settings: declared once, validated, saved atomically, damaged files kept aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axdesk.store.paths import AppPaths
from axdesk.store.problems import Problem
from axdesk.store.settings import (
    DEFAULT_USED,
    NOT_ONE_OF,
    OUT_OF_RANGE,
    InvalidBaseUrlError,
    Profile,
    Settings,
    SettingsError,
    SettingValueError,
    validate_base_url,
)


@pytest.fixture
def settings_path() -> Path:
    return AppPaths.default().settings_path


def test_every_setting_is_declared_once_with_a_valid_default() -> None:
    declarations = Settings.declarations()
    keys = [setting.key for setting in declarations]
    assert len(keys) == len(set(keys))
    assert {
        "language",
        "last_profile",
        "profiles",
        "poll_interval_seconds",
        "nearly_full_threshold",
        "recent_products",
        "inventory_refresh_age_seconds",
        "window_geometry",
    } <= set(keys)
    for setting in declarations:
        assert setting.validate(setting.default) == setting.default
        assert setting.description


def test_defaults_without_a_file(settings_path: Path) -> None:
    settings = Settings.load(settings_path)
    assert settings.warnings == []
    assert settings.language == "system"
    assert settings.poll_interval_seconds == 60
    assert settings.nearly_full_threshold == 3
    assert settings.inventory_refresh_age_seconds == 60
    assert settings.recent_products == ()
    assert settings.profiles == ()
    assert settings.last_profile is None
    assert not settings_path.exists()


def test_assignment_saves_and_reloads(settings_path: Path) -> None:
    settings = Settings.load(settings_path)
    settings.language = "ko"
    settings.poll_interval_seconds = 15
    settings.put_profile(Profile("Test AX", environment="test"))
    settings.last_profile = "Test AX"
    assert settings_path.exists()
    assert [p.name for p in settings_path.parent.iterdir()] == ["settings.json"]

    again = Settings.load(settings_path)
    assert again.warnings == []
    assert again.language == "ko"
    assert again.poll_interval_seconds == 15
    assert again.profiles == (Profile("Test AX", environment="test"),)
    assert again.last_profile == "Test AX"


def test_without_autosave_nothing_is_written_until_save(settings_path: Path) -> None:
    settings = Settings.load(settings_path, autosave=False)
    settings.language = "en"
    assert not settings_path.exists()
    settings.save()
    assert json.loads(settings_path.read_text(encoding="utf-8"))["language"] == "en"


@pytest.mark.parametrize("value", [14, 0, -1, True, "60", 1.5])
def test_poll_interval_below_fifteen_or_not_whole_is_refused(
    settings_path: Path, value: object
) -> None:
    settings = Settings.load(settings_path)
    with pytest.raises(SettingValueError, match="Poll interval"):
        settings.poll_interval_seconds = value  # type: ignore[assignment]
    assert settings.poll_interval_seconds == 60


def test_unknown_language_is_refused(settings_path: Path) -> None:
    settings = Settings(settings_path)
    with pytest.raises(SettingValueError, match="system, ko, en"):
        settings.language = "fr"


def test_corrupt_file_is_kept_aside_and_reported(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text('{"language": "ko",', encoding="utf-8")
    settings = Settings.load(settings_path)
    assert settings.language == "system"
    assert len(settings.warnings) == 1
    assert "not valid JSON" in settings.warnings[0]
    bad = settings_path.with_name("settings.json.bad")
    assert bad.read_text(encoding="utf-8") == '{"language": "ko",'
    assert str(bad) in settings.warnings[0]

    settings_path.write_text("[1, 2]", encoding="utf-8")
    second = Settings.load(settings_path)
    assert "JSON object" in second.warnings[0]
    assert settings_path.with_name("settings.json.bad.2").read_text(encoding="utf-8") == "[1, 2]"
    assert bad.read_text(encoding="utf-8") == '{"language": "ko",'


def test_one_bad_value_falls_back_to_its_default_and_keeps_the_rest(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    original = json.dumps({"language": "ko", "poll_interval_seconds": 5, "future_key": [1]})
    settings_path.write_text(original, encoding="utf-8")
    settings = Settings.load(settings_path)
    assert settings.language == "ko"
    assert settings.poll_interval_seconds == 60
    assert any("Poll interval" in w and "default (60)" in w for w in settings.warnings)
    assert settings_path.with_name("settings.json.bad").read_text(encoding="utf-8") == original
    repaired = json.loads(settings_path.read_text(encoding="utf-8"))
    assert repaired["poll_interval_seconds"] == 60
    assert repaired["future_key"] == [1]
    assert Settings.load(settings_path).warnings == []


def test_keys_from_a_newer_version_are_kept(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(json.dumps({"dark_mode": True}), encoding="utf-8")
    settings = Settings.load(settings_path)
    settings.language = "en"
    assert json.loads(settings_path.read_text(encoding="utf-8"))["dark_mode"] is True


def test_a_secret_in_a_profile_is_dropped_and_never_echoed(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(
        json.dumps(
            {"profiles": [{"name": "Prod", "environment": "production", "api_key": "s3cr3t-value"}]}
        ),
        encoding="utf-8",
    )
    settings = Settings.load(settings_path)
    assert settings.profiles == (Profile("Prod"),)
    assert any("api_key" in w and "keyring" in w for w in settings.warnings)
    assert all("s3cr3t-value" not in w for w in settings.warnings)
    assert "s3cr3t-value" not in settings_path.read_text(encoding="utf-8")


def test_profiles_are_validated(settings_path: Path) -> None:
    settings = Settings(settings_path)
    with pytest.raises(InvalidBaseUrlError, match="https"):
        settings.put_profile(Profile("Mine", environment="custom", custom_url="http://10.1.2.3"))
    with pytest.raises(SettingValueError, match="environment"):
        settings.put_profile(Profile("Mine", environment="staging"))
    with pytest.raises(SettingValueError, match="time zone"):
        settings.put_profile(Profile("Mine", supplier_timezone="Mars/Olympus"))
    with pytest.raises(SettingValueError, match="name"):
        settings.put_profile(Profile("  "))
    settings.put_profile(Profile("Mine", environment="custom", custom_url="http://127.0.0.1:8123/"))
    assert settings.profile("mine") == Profile(
        "Mine", environment="custom", custom_url="http://127.0.0.1:8123"
    )
    with pytest.raises(SettingValueError, match="Two profiles"):
        settings.profiles = (Profile("A"), Profile("a"))


def test_profile_rename_and_removal_follow_last_profile(settings_path: Path) -> None:
    settings = Settings(settings_path)
    settings.put_profile(Profile("Old", environment="test"))
    settings.put_profile(Profile("Other"))
    settings.last_profile = "Old"
    settings.put_profile(Profile("New", environment="test"), replacing="Old")
    assert [p.name for p in settings.profiles] == ["New", "Other"]
    assert settings.last_profile == "New"
    settings.remove_profile("new")
    assert [p.name for p in settings.profiles] == ["Other"]
    assert settings.last_profile is None


def test_recent_products_keep_ten_most_recent_without_duplicates(settings_path: Path) -> None:
    settings = Settings(settings_path)
    for number in range(12):
        settings.remember_product(f"p{number}")
    settings.remember_product("p5")
    assert settings.recent_products[0] == "p5"
    assert len(settings.recent_products) == 10
    assert len(set(settings.recent_products)) == 10
    assert "p0" not in settings.recent_products


def test_reset_returns_to_default(settings_path: Path) -> None:
    settings = Settings(settings_path)
    settings.nearly_full_threshold = 7
    settings.reset("nearly_full_threshold")
    assert settings.nearly_full_threshold == 3
    assert Settings.load(settings_path).nearly_full_threshold == 3


def test_unwritable_location_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    settings = Settings(blocker / "settings.json")
    with pytest.raises(SettingsError, match="could not be saved"):
        settings.language = "ko"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://test.ax-cloud.com", "https://test.ax-cloud.com"),
        ("  HTTPS://test.ax-cloud.com/  ", "https://test.ax-cloud.com"),
        ("https://example.com:8443/ax/", "https://example.com:8443/ax"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        ("http://127.8.9.10", "http://127.8.9.10"),
        ("http://localhost:8000/", "http://localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_acceptable_base_urls(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "No AX server address"),
        ("test.ax-cloud.com", "must start with https://"),
        ("ftp://test.ax-cloud.com", "must start with https://"),
        ("http://test.ax-cloud.com", "plain http is allowed only"),
        ("http://10.0.0.1", "plain http is allowed only"),
        ("http://128.0.0.1", "plain http is allowed only"),
        ("http://localhost.evil.com", "plain http is allowed only"),
        ("https://user:pw@test.ax-cloud.com", "user name or password"),
        ("https://test.ax-cloud.com/?key=1", "query or a fragment"),
        ("https://test.ax-cloud.com:99999", "no valid port"),
        # Addresses the client refuses are not saved either (they once were).
        ("https://test ax-cloud.com", "not a valid URL"),
        ("https://test<ax>.com", "not a valid URL"),
    ],
)
def test_refused_base_urls(url: str, reason: str) -> None:
    with pytest.raises(InvalidBaseUrlError) as caught:
        validate_base_url(url)
    assert reason in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_profile_says_whether_its_ax_answers_a_repeated_order_code_with_the_same_order(
    settings_path: Path,
) -> None:
    settings = Settings.load(settings_path)
    settings.put_profile(Profile("Told", environment="test", same_order_on_repeat=True))
    settings.put_profile(Profile("Not told", environment="test"))
    stored = json.loads(settings_path.read_text(encoding="utf-8"))["profiles"]
    assert [p["same_order_on_repeat"] for p in stored] == [True, False]

    again = Settings.load(settings_path)
    assert again.warnings == []
    told, not_told = again.profiles
    assert (told.same_order_on_repeat, not_told.same_order_on_repeat) == (True, False)


def test_a_profile_from_before_the_repeat_choice_is_not_told_and_a_bad_one_is_refused(
    settings_path: Path,
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(
        json.dumps({"profiles": [{"name": "Old", "environment": "test"}]}), encoding="utf-8"
    )
    assert Settings.load(settings_path).profiles == (Profile("Old", environment="test"),)

    odd = {"name": "Odd", "environment": "test", "same_order_on_repeat": "yes"}
    settings_path.write_text(json.dumps({"profiles": [odd]}), encoding="utf-8")
    settings = Settings.load(settings_path)
    assert settings.profiles == ()
    assert any("same_order_on_repeat must be true or false" in w for w in settings.warnings)


def test_problems_are_typed_for_the_ui_to_word(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text('{"poll_interval_seconds": 5, "language": "fr"}', encoding="utf-8")
    settings = Settings.load(settings_path)
    typed = [warning for warning in settings.warnings if isinstance(warning, Problem)]
    assert typed == settings.warnings  # every warning, as the store's English and its parts
    first = typed[0]
    assert first.template == DEFAULT_USED
    cause = first.values[0]
    assert isinstance(cause, Problem)
    assert cause.template in (OUT_OF_RANGE, NOT_ONE_OF)
    with pytest.raises(SettingValueError) as caught:
        settings.poll_interval_seconds = 1
    assert caught.value.problem is not None
    assert caught.value.problem.template == OUT_OF_RANGE
    assert caught.value.problem.values[0] == "Poll interval (seconds)"


def test_the_team_journal_setting_keeps_no_password_and_checks_its_fields(tmp_path: Path) -> None:
    from axdesk.store.journal_setting import TeamServer

    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.team_journal is None  # this computer's journal, the default
    settings.team_journal = TeamServer(host=" DB.Agency.example ", database="axdesk", user="김")
    kept = Settings.load(path)
    assert kept.team_journal == TeamServer(host="db.agency.example", database="axdesk", user="김")
    assert kept.team_journal.url() == "postgresql://%EA%B9%80@db.agency.example:5432/axdesk"
    assert kept.team_journal.verifies_certificate
    assert not TeamServer(host="127.0.0.1", database="axdesk", user="a").verifies_certificate
    assert "password" not in path.read_text()
    for bad, words in (
        (TeamServer(host="db/x", database="axdesk", user="a"), "not a host name"),
        (TeamServer(host="db", database="ax desk", user="a"), "may hold only letters"),
        (TeamServer(host="db", database="axdesk", user=""), "needs a user name"),
        (TeamServer(host="db", database="axdesk", user="a", port=0), "from 1 to 65535"),
    ):
        with pytest.raises(SettingValueError, match=words):
            settings.team_journal = bad
    path.write_text('{"team_journal": {"host": "db", "password": "x"}}')
    damaged = Settings.load(path, autosave=False)
    assert damaged.team_journal is None
    assert any("host, a port, a database and a user" in w for w in damaged.warnings)
