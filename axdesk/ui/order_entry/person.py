"""One person's contact fields: the purchaser and the representative.

Travelers use the same fields in a table (:mod:`axdesk.ui.order_entry.travelers`).
"""

from __future__ import annotations

from collections.abc import Mapping

import phonenumbers
from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from axdesk.store.search import calling_code_region
from axdesk.ui.common.placeholders import fill_args
from axdesk.ui.order_entry.state import PersonState, format_additional, parse_additional
from axdesk.ui.order_entry.widgets import FieldBox, field_label

PERSON_FIELD_NAMES = ("name", "national_code", "phone", "email", "extra", "additional")


def example_phone(code_text: str) -> str:
    """An example number of the country, in its usual national writing ("010-2000-0000")."""
    region = calling_code_region(code_text)
    if region is None:
        return ""
    number = phonenumbers.example_number_for_type(
        region, phonenumbers.PhoneNumberType.MOBILE
    ) or phonenumbers.example_number(region)
    if number is None:
        return ""
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


class PersonEditor(QWidget):
    """Name, country calling code and phone, email, note and additional fields.

    Signals:
        changed(): any field changed (typed or set).
        edited(str): the user typed into this field (its name, e.g. ``"email"``).
    """

    changed = Signal()
    edited = Signal(str)

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        """``role`` ("purchaser" or "representative") names the person in accessible names."""
        super().__init__(parent)
        self._role = role
        self.name_edit = QLineEdit(self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9]{0,3}"), self.code_edit)
        )
        self.code_edit.setMaxLength(4)
        self.code_edit.setFixedWidth(56)
        self.phone_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.extra_edit = QLineEdit(self)
        self.additional_edit = QLineEdit(self)
        self.edits: dict[str, QLineEdit] = {
            "name": self.name_edit,
            "national_code": self.code_edit,
            "phone": self.phone_edit,
            "email": self.email_edit,
            "extra": self.extra_edit,
            "additional": self.additional_edit,
        }
        self.boxes: dict[str, FieldBox] = {
            name: FieldBox(edit, self) for name, edit in self.edits.items()
        }
        self.labels: dict[str, QLabel] = {name: field_label(self) for name in self.edits}
        for name, label in self.labels.items():
            label.setBuddy(self.edits[name])

        phone_row = QWidget(self)
        phone_layout = QHBoxLayout(phone_row)
        phone_layout.setContentsMargins(0, 0, 0, 0)
        phone_layout.setSpacing(4)
        self.plus_label = field_label(phone_row)
        self.plus_label.setText("+")
        phone_layout.addWidget(self.plus_label, 0, Qt.AlignmentFlag.AlignTop)
        phone_layout.addWidget(self.boxes["national_code"], 0)
        phone_layout.addWidget(self.boxes["phone"], 1)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        rows = [
            ("name", self.boxes["name"]),
            ("phone", phone_row),
            ("email", self.boxes["email"]),
            ("extra", self.boxes["extra"]),
            ("additional", self.boxes["additional"]),
        ]
        for row, (name, widget) in enumerate(rows):
            grid.addWidget(self.labels[name], row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
        self.labels["national_code"].setVisible(False)  # "+" and the phone label say it

        for name, edit in self.edits.items():
            edit.textChanged.connect(self.changed)
            edit.textEdited.connect(lambda _text, field=name: self.edited.emit(field))
        self.code_edit.textChanged.connect(self._update_phone_placeholder)
        self.code_edit.setText(PersonState().national_code)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {
            "name": self.tr("Na&me"),
            "national_code": self.tr("Country code"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&Email"),
            "extra": self.tr("Note"),
            "additional": self.tr("Additional"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        who = self.tr("Purchaser") if self._role == "purchaser" else self.tr("Representative")
        accessible = {
            "name": self.tr("%1 name"),
            "national_code": self.tr("%1 country calling code"),
            "phone": self.tr("%1 phone"),
            "email": self.tr("%1 email"),
            "extra": self.tr("%1 note"),
            "additional": self.tr("%1 additional fields"),
        }
        for name, text in accessible.items():
            self.edits[name].setAccessibleName(fill_args(text, who))
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.code_edit.setPlaceholderText("82")
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.extra_edit.setPlaceholderText(self.tr("Free text, e.g. allergies or pick-up wishes"))
        self.additional_edit.setPlaceholderText(self.tr("english_name=Kim Minji; passport=M1234"))
        self.boxes["national_code"].set_hint(
            self.tr("Country calling code: 82 Korea, 1 USA/Canada, 81 Japan, 86 China")
        )
        self.boxes["additional"].set_hint(
            self.tr("Extra data the supplier asks for, written as name=value pairs separated by ;")
        )
        self._update_phone_placeholder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_phone_placeholder(self) -> None:
        example = example_phone(self.code_edit.text())
        self.phone_edit.setPlaceholderText(
            fill_args(self.tr("e.g. %1"), example) if example else ""
        )

    def state(self) -> PersonState:
        return PersonState(
            name=self.name_edit.text(),
            national_code=self.code_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            extra=self.extra_edit.text(),
            additional=parse_additional(self.additional_edit.text()),
        )

    def set_state(self, person: PersonState) -> None:
        values = {
            "name": person.name,
            "national_code": person.national_code,
            "phone": person.phone,
            "email": person.email,
            "extra": person.extra,
            "additional": format_additional(person.additional),
        }
        for name, value in values.items():
            if self.edits[name].text() != value:
                self.edits[name].setText(value)

    def set_problems(self, problems: Mapping[str, str]) -> None:
        """Show each field's sentence (fields not named are fine)."""
        for name, box in self.boxes.items():
            box.set_problem(problems.get(name))

    def field_widget(self, name: str) -> QWidget | None:
        return self.edits.get(name)

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab visits them."""
        return [self.edits[name] for name in PERSON_FIELD_NAMES]
