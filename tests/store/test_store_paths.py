"""AppPaths: AXDESK_HOME overrides everything, platform folders otherwise, nothing made eagerly."""

from __future__ import annotations

from pathlib import Path

from axdesk.store.paths import AppPaths


def test_axdesk_home_holds_every_folder(app_home: Path) -> None:
    paths = AppPaths.default()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        assert folder.is_relative_to(app_home)
    assert paths.database_path == paths.data_dir / "axdesk.sqlite3"
    assert paths.settings_path == paths.config_dir / "settings.json"
    assert paths.call_log_path.parent == paths.log_dir


def test_folders_are_created_on_demand_only(app_home: Path) -> None:
    paths = AppPaths.default()
    assert not paths.data_dir.exists()
    assert paths.ensure_dirs() is paths
    assert paths.data_dir.is_dir()
    assert paths.config_dir.is_dir()
    assert paths.log_dir.is_dir()


def test_without_axdesk_home_platform_folders_named_axdesk_are_used(tmp_path: Path) -> None:
    paths = AppPaths.default(environ={"HOME": str(tmp_path)})
    assert "axdesk" in str(paths.data_dir).lower()
    assert "axdesk" in str(paths.config_dir).lower()
    assert not paths.data_dir.is_relative_to(tmp_path / "axdesk-home")


def test_blank_axdesk_home_is_ignored(tmp_path: Path) -> None:
    assert AppPaths.default(environ={"AXDESK_HOME": "  "}) == AppPaths.default(environ={})
