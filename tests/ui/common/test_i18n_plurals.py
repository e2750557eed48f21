"""English plural forms: ``axdesk_en.ts`` holds every numerus text of the code with both of
its forms ("1 ticket" / "3 tickets"), and the English the app runs in loads them."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from axdesk.ui.common import i18n
from axdesk.ui.common.i18n import Translations
from axdesk.ui.common.resources import translations_dir

EN_FILE = translations_dir() / "axdesk_en.ts"


def _numerus(ts_file: Path) -> dict[tuple[str, str], list[str]]:
    root = ET.parse(ts_file).getroot()  # noqa: S314 - our own file or lupdate's output
    found = {}
    for context in root.findall("context"):
        for message in context.findall("message"):
            if message.get("numerus") != "yes":
                continue
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.findall("numerusform")]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                forms = []
            found[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return found


def test_every_counted_text_of_the_code_has_both_english_forms(tmp_path: Path) -> None:
    fresh = i18n.extract(tmp_path / "axdesk_en.ts", "en", plural_only=True)
    in_code = _numerus(fresh)
    committed = _numerus(EN_FILE)
    assert in_code, "the code has counted texts (tr with %n)"
    missing = [
        f"{context}: {source!r}"
        for (context, source) in in_code
        if len([form for form in committed.get((context, source), []) if form.strip()]) != 2
    ]
    assert missing == [], "translate both forms in axdesk_en.ts:\n  " + "\n  ".join(missing)
    for (context, source), (one, many) in committed.items():
        assert "%n" in one, (context, source)
        assert "%n" in many, (context, source)
        assert "(s)" not in one + many, (context, source)


def test_english_reads_one_ticket_and_three_tickets(qapp: Any, tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    for ts_file in translations_dir().glob("axdesk_*.ts"):
        shutil.copy(ts_file, folder / ts_file.name)
    i18n.build(folder)
    translations = Translations(qapp, folder)
    try:
        translations.apply("en")
        translate = QCoreApplication.translate
        source = "%1 of %n ticket(s) cancelled"
        assert translate("OrdersModel", source, "", 1) == "%1 of 1 ticket cancelled"
        assert translate("OrdersModel", source, "", 3) == "%1 of 3 tickets cancelled"
    finally:
        for compiled in folder.glob("*.qm"):
            compiled.unlink()
        translations.apply("en")  # and no translator is left installed
