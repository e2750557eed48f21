"""The translation memory of ``i18n --update``: moved strings keep their translation."""

from __future__ import annotations

from pathlib import Path

from axdesk.ui.common.ts_memory import fill_from_memory, numbered, read_memory

OLD = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>OrdersTab</name>
    <message>
        <source>Cancel ticket</source>
        <translation>티켓 취소</translation>
    </message>
    <message>
        <source>Order {code} of {name} is kept.</source>
        <translation>{name}님의 주문 {code}은(는) 보관됩니다.</translation>
    </message>
    <message>
        <source>Only in the old file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""

NEW = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>CancelAction</name>
    <message>
        <source>Cancel ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 of %2 is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in the old file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>이미 완료</translation>
    </message>
</context>
</TS>
"""


def test_numbered_follows_first_appearance() -> None:
    assert numbered("{b} and {a} and {b}") == ("%1 and %2 and %1", {"b": "%1", "a": "%2"})


def test_moved_and_renumbered_strings_keep_their_translation(tmp_path: Path) -> None:
    old, new = tmp_path / "old.ts", tmp_path / "new.ts"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    filled = fill_from_memory(new, read_memory([old]))
    text = new.read_text(encoding="utf-8")
    assert filled == 2
    assert "<translation>티켓 취소</translation>" in text
    # The names keep their meaning although the translation orders them the other way.
    assert "<translation>%2님의 주문 %1은(는) 보관됩니다.</translation>" in text
    assert text.count('type="unfinished"') == 2  # no translation anywhere: left for a person
    assert "<translation>이미 완료</translation>" in text


def test_nothing_to_fill_leaves_the_file_untouched(tmp_path: Path) -> None:
    new = tmp_path / "new.ts"
    new.write_text(NEW, encoding="utf-8")
    assert fill_from_memory(new, read_memory([tmp_path / "missing.ts"])) == 0
    assert new.read_text(encoding="utf-8") == NEW


def test_only_files_of_the_same_language_fill(tmp_path: Path) -> None:
    english = tmp_path / "en.ts"
    english.write_text(OLD.replace('language="ko"', 'language="en"'), encoding="utf-8")
    korean = tmp_path / "ko.ts"
    korean.write_text(OLD, encoding="utf-8")
    assert read_memory([english], "ko") == {}
    assert len(read_memory([english, korean], "ko")) == 2
