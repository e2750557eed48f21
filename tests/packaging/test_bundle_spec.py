"""packaging/axdesk.spec keeps up with the code (checked here without PyInstaller).

Building and running the bundle (packaging/build-bundle, then
packaging/smoke-test-bundle) takes about a minute and downloads PyInstaller,
so it is not part of this suite. These tests catch, in every run, the drift the
bundle would only show later: a Qt module, a uvicorn implementation or a
phonenumbers table that the code starts to use while the spec leaves it out.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import uvicorn.config

from axdesk.sandbox.embedded import prepare_sandbox
from axdesk.ui.common.resources import APP_ID

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "axdesk.spec"
PACKAGE = ROOT / "axdesk"


def spec_value(name: str) -> ast.expr:
    """The expression assigned to ``name`` at the top level of the spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return node.value
    raise AssertionError(f"{SPEC} assigns no {name}")


def spec_strings(name: str) -> set[str]:
    """The string literals listed in the spec's ``name`` (its computed entries are skipped)."""
    value = spec_value(name)
    assert isinstance(value, ast.List | ast.Set)
    return {
        item.value
        for item in value.elts
        if isinstance(item, ast.Constant) and isinstance(item.value, str)
    }


@functools.cache
def source_trees() -> tuple[ast.Module, ...]:
    return tuple(ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py"))


def imported_modules() -> set[str]:
    """Every module named by an import in the axdesk package (``from a import b`` gives a.b too)."""
    names: set[str] = set()
    for tree in source_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_every_qt_module_the_app_imports_is_kept_in_the_bundle() -> None:
    kept = ast.literal_eval(spec_value("QT_MODULES_USED"))
    used = {name.split(".")[1] for name in imported_modules() if name.startswith("PySide6.Qt")}
    assert "QtWidgets" in used  # the scan sees the app's imports at all
    assert used <= kept, (
        f"axdesk imports {sorted(used - kept)}, which packaging/axdesk.spec excludes: "
        "add them to QT_MODULES_USED"
    )


def test_the_uvicorn_implementations_the_sandbox_picks_are_hidden_imports() -> None:
    prepared = prepare_sandbox()
    try:
        config = prepared.server.config
    finally:
        prepared.sock.close()
    chosen = [
        uvicorn.config.HTTP_PROTOCOLS[config.http],
        uvicorn.config.LOOP_FACTORIES[config.loop],
        uvicorn.config.LIFESPAN[config.lifespan],
        uvicorn.config.WS_PROTOCOLS[config.ws],
    ]
    modules = {target.split(":")[0] for target in chosen if target}
    hidden = spec_strings("hiddenimports")
    assert modules <= hidden, (
        f"the sandbox's uvicorn loads {sorted(modules - hidden)} by name at run time: "
        "add them to hiddenimports in packaging/axdesk.spec"
    )


def test_the_app_uses_no_phonenumbers_table_the_bundle_leaves_out() -> None:
    excluded = {name for name in spec_strings("excludes") if name.startswith("phonenumbers.")}
    assert "phonenumbers.geocoder" in excluded
    used = {name for name in imported_modules() if name.startswith("phonenumbers.")}
    for tree in source_trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "phonenumbers"
            ):
                used.add(f"phonenumbers.{node.attr}")
    assert "phonenumbers.parse" in used  # the scan sees the app's phonenumbers calls at all
    assert not used & excluded, (
        f"axdesk uses {sorted(used & excluded)}, which packaging/axdesk.spec excludes"
    )


def test_the_spec_bundles_the_app_s_own_desktop_files() -> None:
    assert ast.literal_eval(spec_value("APP_ID")) == APP_ID
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"icons/{APP_ID}.svg"):
        assert (ROOT / "axdesk" / "resources" / name).is_file(), name


def spec_function(name: str):
    """A function defined at the top of the spec, compiled on its own (imports it needs given)."""
    import importlib.util as importlib_util

    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            namespace = {
                "Path": Path,
                "importlib": __import__("importlib"),
                "QT_MODULES_USED": ast.literal_eval(spec_value("QT_MODULES_USED")),
            }
            namespace["importlib"].util = importlib_util
            exec(compile(ast.Module([node], []), str(SPEC), "exec"), namespace)  # noqa: S102
            return namespace[name]
    raise AssertionError(f"{SPEC} defines no {name}()")


def test_unused_qt_modules_are_found_on_windows_too(tmp_path: Path) -> None:
    """PySide6 on Windows has QtFoo.pyd, not QtFoo.abi3.so: those were never excluded."""
    unused_qt_modules = spec_function("unused_qt_modules")
    for name in ("QtCore.pyd", "QtWidgets.pyd", "QtQml.pyd", "QtWebEngineCore.pyd"):
        (tmp_path / name).touch()
    assert unused_qt_modules(tmp_path) == ["PySide6.QtQml", "PySide6.QtWebEngineCore"]
    for name in ("QtCore.abi3.so", "Qt3DCore.abi3.so"):
        (tmp_path / name).touch()
    assert "PySide6.Qt3DCore" in unused_qt_modules(tmp_path)


def test_the_spec_bundles_the_guide_and_the_licences_and_sets_windows_and_macos_up() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for folder in ("icons", "docs", "licenses"):
        assert f'(str(RESOURCES / "{folder}"), "axdesk/resources/{folder}")' in text, folder
    assert "runtime_metadata()" in text  # Help > About reads every package's licence from it
    assert "icon=executable_icon()" in text
    assert "version=windows_version_file(VERSION)" in text
    bundle = text[text.index("app = BUNDLE(") :]
    assert "bundle_identifier=APP_ID" in bundle
    assert '"CFBundleShortVersionString": VERSION' in bundle
