"""A valid New order form state and a way to read its rules' sentences, for the Qt-free tests."""

from __future__ import annotations

import datetime as dt

from axdesk.ui.order_entry.rules.order import issues_by_field, validate_order
from axdesk.ui.order_entry.state import LineState, OrderFormState, PersonState

TODAY = dt.date(2030, 5, 1)


def person(name: str = "Kim Minji", phone: str = "010-1234-5678", code: str = "82") -> PersonState:
    return PersonState(name=name, national_code=code, phone=phone, email="minji@example.com")


def valid_state() -> OrderFormState:
    line = LineState(
        product_code="P1",
        dc_code="D1",
        date=dt.date(2030, 5, 3),
        start_time=dt.time(9, 0),
        unit_price="50,000",
    )
    line.resize_travelers(2)
    line.travelers = [person("Kim Minji"), person("Lee Jun", "+1 650 253 0000", "1")]
    return OrderFormState(purchaser=person(), lines=[line])


def fields(state: OrderFormState, **kwargs: object) -> dict[str, str]:
    issues = validate_order(state, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {key: issue.sentence() for key, issue in issues_by_field(issues).items()}
