"""The rules of the whole New order, without Qt."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from order_entry_helpers import fields, valid_state

import axdesk.ui.order_entry.rules as rules
from axdesk.ui.common.resources import translations_dir
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.rules.lines import SlotAvailability
from axdesk.ui.order_entry.rules.order import issues_by_field, validate_order


def test_a_complete_form_has_no_issue() -> None:
    assert fields(valid_state(), availability=[SlotAvailability(seats_left=5)]) == {}


def test_required_fields_each_say_what_to_enter() -> None:
    state = valid_state()
    state.purchaser.name = "  "
    state.purchaser.email = ""
    state.lines[0].travelers[1].phone = ""
    state.lines[0].unit_price = ""
    state.lines[0].start_time = None
    found = fields(state)
    assert found["purchaser.name"] == "Enter a name."
    assert found["purchaser.email"] == "Enter an email address."
    assert found["lines[0].travelers[1].phone"] == "Enter a phone number."
    assert found["lines[0].unit_price"] == "Enter a price."
    assert found["lines[0].time"] == "Choose a start time."


def test_a_discount_larger_than_the_sub_total_makes_a_negative_total() -> None:
    state = valid_state()
    state.order_discount = "100001"
    found = fields(state)
    assert found["order.total"] == (
        "The total is negative: the discount (₩100,001) is larger than the sub-total (₩100,000)."
    )
    state.order_discount = "100000"
    assert "order.total" not in fields(state)


def test_empty_required_fields_are_marked_missing_and_wrong_values_are_not() -> None:
    state = valid_state()
    state.purchaser.name = ""
    state.purchaser.email = "nope"
    by_field = issues_by_field(validate_order(state))
    assert by_field["purchaser.name"].missing
    assert not by_field["purchaser.email"].missing


def _rule_templates() -> list[str]:
    """Every sentence template the rules mark for translation, read from their source."""
    templates = []
    for path in sorted(Path(rules.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Constant)
            ):
                templates.append(str(node.args[1].value))
    return templates


def test_rule_sentences_use_qts_numbered_placeholders() -> None:
    """One placeholder style in the app: Qt's %1, filled by fill_args, never str.format."""
    templates = _rule_templates()
    assert len(templates) > 25  # the reading above finds the rules' sentences
    named = [text for text in templates if re.search(r"\{[A-Za-z_]\w*\}", text)]
    assert named == []
    assert any("%1" in text for text in templates)


def test_an_issue_fills_its_values_in_one_pass_after_translating() -> None:
    issue = Issue("order.total", "%1 is more than %2.", ("50%2", "₩10"))
    assert issue.sentence() == "50%2 is more than ₩10."
    assert issue.sentence(lambda text: "%2보다 %1이(가) 큽니다.") == "₩10보다 50%2이(가) 큽니다."


def test_every_rule_sentence_has_its_korean_translation() -> None:
    """Nothing was lost when the templates went from {name} to %1 (i18n --update carries it)."""
    root = ET.parse(translations_dir() / "axdesk_ko.ts").getroot()  # noqa: S314 - our file
    translated = {
        message.findtext("source"): message.find("translation")
        for context in root.iter("context")
        if context.findtext("name") == "OrderValidation"
        for message in context.iter("message")
    }
    missing = [
        text
        for text in _rule_templates()
        if translated.get(text) is None
        or translated[text].get("type") == "unfinished"  # type: ignore[union-attr]
        or not (translated[text].text or "").strip()  # type: ignore[union-attr]
    ]
    assert missing == []
