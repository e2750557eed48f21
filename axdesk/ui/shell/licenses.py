"""What Help > About lists (no Qt): axdesk's licence and those of the packages it runs with.

The third-party packages are found from the installed metadata (the
distributions axdesk requires, and what they require, on this platform), with
the licence files their wheels carry. PySide6 and Shiboken6 carry none, so the
Qt notice and the LGPL/GPL texts are shipped in ``axdesk/resources/licenses``.
Qt-free: read on the worker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

APP_DISTRIBUTION = "axdesk"
LICENSE_FILE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
QT_DISTRIBUTIONS = ("pyside6-essentials", "shiboken6")
QT_LICENSE_FILES = ("Qt-PySide6-NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt")


@dataclass(frozen=True)
class Component:
    """One package and its licence."""

    name: str
    version: str
    license: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(dist: Distribution, name: str) -> str:
    value = dist.metadata.json.get(name.lower().replace("-", "_"), "")
    return str(value[0] if isinstance(value, list) and value else value or "")


def license_name(dist: Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.rsplit("::", 1)[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = _field(dist, "License").strip()
    return text.splitlines()[0] if text else "?"


def license_texts(dist: Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or ():
        parts = Path(str(file)).parts
        if not any(part.endswith(".dist-info") for part in parts):
            continue
        if not LICENSE_FILE_NAME.match(parts[-1]):
            continue
        text = dist.read_text(str(Path(*parts[1:]))) if len(parts) > 1 else None
        if text:
            texts.append((parts[-1], text))
    return tuple(texts)


def _requirements(dist: Distribution) -> list[str]:
    names = []
    for line in dist.requires or ():
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # another platform's, or an extra axdesk does not install
        names.append(requirement.name)
    return names


def runtime_distributions() -> list[Distribution]:
    """axdesk's distribution and every one it requires, recursively, on this platform."""
    found: list[Distribution] = []
    todo = [APP_DISTRIBUTION]
    seen: set[str] = set()
    while todo:
        name = normalized(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        todo.extend(_requirements(dist))
        found.append(dist)
    return found


def third_party_components(licenses_dir: Path) -> list[Component]:
    """Every package axdesk runs with (not axdesk), by name, with its licence texts."""
    components = []
    for dist in runtime_distributions():
        name = normalized(dist.metadata["Name"])
        if name == APP_DISTRIBUTION:
            continue
        texts = license_texts(dist)
        if name in QT_DISTRIBUTIONS and not texts:
            texts = tuple(
                (file, (licenses_dir / file).read_text(encoding="utf-8"))
                for file in QT_LICENSE_FILES
            )
        components.append(
            Component(dist.metadata["Name"], dist.version, license_name(dist), texts)
        )
    return sorted(components, key=lambda component: component.name.lower())


def app_component(licenses_dir: Path, version: str) -> Component:
    text = (licenses_dir / "LICENSE").read_text(encoding="utf-8")
    return Component("axdesk", version, "MIT", (("LICENSE", text),))
