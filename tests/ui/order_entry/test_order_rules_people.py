"""The rules for purchaser, representative and travelers, without Qt."""

from __future__ import annotations

import pytest
from order_entry_helpers import fields, valid_state

from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.rules.people import check_phone, is_valid_email, wire_phone
from axdesk.ui.order_entry.state import PersonState, format_additional, parse_additional


@pytest.mark.parametrize(
    ("email", "valid"),
    [
        ("minji@example.com", True),
        ("a.b+tag@mail.example.co.kr", True),
        ("minji@example", False),
        ("minji example.com", False),
        ("minji@@example.com", False),
        ("@example.com", False),
        ("minji@.com", False),
        ("minji.@example.com", False),
        ("min..ji@example.com", False),
        ("Minji <minji@example.com>", False),
    ],
)
def test_email_syntax(email: str, valid: bool) -> None:
    assert is_valid_email(email) is valid


def test_a_bad_email_gets_a_sentence_naming_it() -> None:
    state = valid_state()
    state.lines[0].travelers[0].email = "minji@example"
    assert fields(state)["lines[0].travelers[0].email"] == (
        "“minji@example” is not an email address; it should look like name@example.com."
    )


def test_phone_numbers_are_checked_for_their_country() -> None:
    assert check_phone("82", "010-1234-5678") is None
    assert check_phone("+82", "+82 10 1234 5678") is None
    assert check_phone("1", "(650) 253-0000") is None
    # A valid US number is not a valid Korean one.
    problem = check_phone("82", "650-253-0000")
    assert problem is not None
    assert fill_args(problem[0], *problem[1]) == (
        "“650-253-0000” is not a valid phone number for +82 (KR)."
    )
    mismatch = check_phone("82", "+1 650 253 0000")
    assert mismatch is not None
    assert fill_args(mismatch[0], *mismatch[1]) == (
        "This number is for +1, but the country code says +82."
    )
    assert check_phone("82", "12345") is not None


def test_an_unknown_country_code_is_reported_on_the_code_field() -> None:
    state = valid_state()
    state.purchaser.national_code = "999"
    found = fields(state)
    assert found["purchaser.national_code"].startswith("“999” is not a country calling code")
    assert "purchaser.phone" not in found


def test_phone_goes_on_the_wire_as_national_digits() -> None:
    assert wire_phone("82", "+82 10-1234-5678") == "01012345678"
    assert wire_phone("1", "(650) 253-0000") == "6502530000"


def test_representative_is_checked_only_when_not_the_purchaser() -> None:
    state = valid_state()
    state.representative = PersonState()
    assert "representative.name" not in fields(state)
    state.representative_same = False
    assert fields(state)["representative.name"] == "Enter a name."


def test_additional_fields_need_names_and_no_duplicates() -> None:
    state = valid_state()
    state.purchaser.additional = [("english_name", "Kim"), ("english_name", "Minji")]
    assert fields(state)["purchaser.additional"] == (
        "The additional field “english_name” is given twice."
    )
    assert parse_additional("english_name=Kim Minji; korean_name = 김민지;") == [
        ("english_name", "Kim Minji"),
        ("korean_name", "김민지"),
    ]
    assert format_additional([("a", "1"), ("b", "2")]) == "a=1; b=2"
