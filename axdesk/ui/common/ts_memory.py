"""Keeping translations when code moves: a translation memory for ``--update``.

``pyside6-lupdate`` files each string under its context (the class whose
``self.tr`` asks for it). When a string moves to another class, or a text's
``{name}`` placeholders become Qt's ``%1``, lupdate sees a new string and an
old one gone: the new one arrives unfinished and ``-no-obsolete`` drops the
old translation. :func:`fill_from_memory` gives such a string the translation
that the same English text already had, in whichever context, from the file
as it was before the update (and from any other ``.ts`` named, e.g. a branch's).

Two ways a source counts as the same text:

* the same source, comment and plural flag (moved to another context);
* the same text once each ``{name}`` is replaced by ``%1``, ``%2``... in the
  order the names first appear in the source; the translation gets the same
  replacement by name, so a translation that puts the names in another order
  keeps its meaning.

Only unfinished messages are filled; nothing already translated is touched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

_NAMED = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

Key = tuple[str, str, bool]  # (source, comment, numerus)


def _key(message: ET.Element) -> Key:
    return (
        message.findtext("source") or "",
        message.findtext("comment") or "",
        message.get("numerus") == "yes",
    )


def _finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
    return all(text.strip() for text in texts)


def numbered(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each ``{name}`` as ``%1``, ``%2``... by first appearance, and the map."""
    names: dict[str, str] = {}
    for match in _NAMED.finditer(text):
        names.setdefault(match.group(1), f"%{len(names) + 1}")
    return _NAMED.sub(lambda m: names[m.group(1)], text), names


def read_memory(files: Iterable[Path], language: str | None = None) -> dict[Key, ET.Element]:
    """Every finished translation in ``files``, by source (first one found wins).

    With ``language``, only the files written for that language count (the ``TS``
    element's ``language``): a Korean text never fills an English plural form.
    """
    memory: dict[Key, ET.Element] = {}
    for path in files:
        if not path.is_file():
            continue
        root = ET.parse(path).getroot()  # noqa: S314 - our own translation files
        if language is not None and root.get("language", language) != language:
            continue
        for message in root.iter("message"):
            translation = message.find("translation")
            if _finished(translation):
                assert translation is not None
                memory.setdefault(_key(message), translation)
    return memory


def _renumbered(translation: ET.Element, names: dict[str, str]) -> ET.Element:
    copy = ET.fromstring(ET.tostring(translation))  # noqa: S314 - our own element
    for element in [copy, *copy.findall("numerusform")]:
        if element.text:
            element.text = _NAMED.sub(lambda m: names.get(m.group(1), m.group(0)), element.text)
    return copy


def fill_from_memory(ts_file: Path, memory: dict[Key, ET.Element]) -> int:
    """Fill ``ts_file``'s unfinished messages from ``memory``; returns how many were filled."""
    tree = ET.parse(ts_file)  # noqa: S314 - lupdate's own output
    by_numbered: dict[Key, tuple[ET.Element, dict[str, str]]] = {}
    for (source, comment, numerus), known in memory.items():
        text, names = numbered(source)
        if names:
            by_numbered.setdefault((text, comment, numerus), (known, names))
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if _finished(translation):
            continue
        key = _key(message)
        replacement: ET.Element | None = memory.get(key)
        if replacement is None and key in by_numbered:
            found, names = by_numbered[key]
            replacement = _renumbered(found, names)
        if replacement is None:
            continue
        if translation is not None:
            message.remove(translation)
        copy = ET.fromstring(ET.tostring(replacement))  # noqa: S314 - our own element
        copy.tail = translation.tail if translation is not None else None
        message.append(copy)
        filled += 1
    if filled:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled
