"""The New order form: header, lines with their travelers, and live totals.

The form owns no network or disk work (the catalog is read on the worker by the
:class:`~axdesk.ui.common.catalog_read.CatalogReading` it is given): it reads and writes an
:class:`~axdesk.ui.order_entry.state.OrderFormState`, validates it with
:func:`~axdesk.ui.order_entry.rules.order.validate_order` as the user types, and
shows each sentence next to its field. Empty required fields are shown only
once touched (or after :meth:`OrderForm.show_all_problems`); a wrong value
shows at once. Sending is :mod:`axdesk.ui.order_entry.sending`'s, which reads the
form's state once per send.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from axdesk.store.catalog import CatalogProduct
from axdesk.ui.common.catalog_read import CatalogReading
from axdesk.ui.common.context import supplier_zone
from axdesk.ui.common.time_text import time_text
from axdesk.ui.order_entry.field_places import FieldPlaces
from axdesk.ui.order_entry.header import OrderHeader
from axdesk.ui.order_entry.inventory_cache import InventoryCache
from axdesk.ui.order_entry.line import LineEditor
from axdesk.ui.order_entry.price_question import LowPriceQuestion
from axdesk.ui.order_entry.rules.fields import parse_line_key, parse_traveler_key, shift_line_key
from axdesk.ui.order_entry.rules.issue import Issue
from axdesk.ui.order_entry.rules.order import validate_order
from axdesk.ui.order_entry.seats import form_availability
from axdesk.ui.order_entry.state import LineState, OrderFormState
from axdesk.ui.order_entry.totals import FormTotals, compute_form_totals
from axdesk.ui.order_entry.totals_view import TotalsView
from axdesk.ui.order_entry.widgets import MessageLabel


class OrderForm(QWidget):
    """Everything the operator types for one order.

    Signals:
        changed(): the form's content changed (the tab saves the draft).
        validated(): the issues and totals were computed again.
    """

    changed = Signal()
    validated = Signal()

    def __init__(
        self,
        catalog: CatalogReading,
        inventory: InventoryCache,
        timezone_name: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._inventory = inventory
        self._timezone_name = timezone_name
        self._now: Callable[[], dt.datetime] = self._supplier_clock
        self._products: list[CatalogProduct] = []
        self._touched: set[str] = set()
        self._show_all = False
        self._server_problems: dict[str, str] = {}
        self._issues: list[Issue] = []
        self.price_question = LowPriceQuestion(self)
        self._totals: FormTotals = compute_form_totals(OrderFormState())
        self._loading = False
        self.lines: list[LineEditor] = []
        self.tail_widgets: list[QWidget] = []

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(0)
        self._validate_timer.timeout.connect(self.revalidate)

        self.header = OrderHeader(self)
        self.places = FieldPlaces(self)
        self.lines_title = QLabel(self)
        self.lines_title.setProperty("role", "section")
        self.lines_message = MessageLabel(self)
        self._lines_layout = QVBoxLayout()
        self._lines_layout.setSpacing(10)
        self.add_line_button = QPushButton(self)
        self.add_line_button.clicked.connect(self.add_next_line)

        self.totals_view = TotalsView(self)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(16, 12, 16, 16)
        content_layout.setSpacing(10)
        content_layout.addWidget(self.header)
        lines_header = QHBoxLayout()
        lines_header.addWidget(self.lines_title)
        lines_header.addStretch(1)
        content_layout.addLayout(lines_header)
        content_layout.addWidget(self.lines_message)
        content_layout.addLayout(self._lines_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_line_button)
        add_row.addStretch(1)
        content_layout.addLayout(add_row)
        content_layout.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.totals_view)  # under the scrolled part: always on screen

        self.header.changed.connect(self._content_changed)
        self.header.edited.connect(self._field_edited)
        self.header.currency_combo.currentIndexChanged.connect(self._content_changed)
        catalog.read.connect(self._catalog_read)
        self.reload_catalog()
        self.add_line()
        self.retranslate_ui()
        self.revalidate()

    def retranslate_ui(self) -> None:
        self.lines_title.setText(self.tr("Tickets"))
        self.add_line_button.setText(self.tr("Add &line (another option)"))
        self.add_line_button.setAccessibleName(self.tr("Add line"))
        self._request_validation()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- catalog and lines ----------------------------------------------------------

    def reload_catalog(self) -> None:
        """Read the products again, on the worker: the local catalog may be on a slow disk
        or a network home. The lines keep the products read last until the answer is in."""
        self._catalog.reload()

    @property
    def reading_catalog(self) -> bool:
        """The products are being read (the lines offer those read before)."""
        return self._catalog.reading

    def _catalog_read(self, products: list[CatalogProduct]) -> None:
        self._products = products
        for line in self.lines:
            line.set_catalog(self._products)
        self._request_validation()

    @property
    def products(self) -> list[CatalogProduct]:
        return self._products

    def add_line(self, state: LineState | None = None, *, focus: bool = False) -> LineEditor:
        editor = LineEditor(self._inventory, self.supplier_today, self.supplier_now, self)
        editor.set_catalog(self._products)
        if state is not None:
            editor.set_state(state)
        editor.changed.connect(self._content_changed)
        editor.refreshed.connect(self._request_validation)
        editor.edited.connect(lambda field, e=editor: self._line_edited(e, field))
        editor.remove_requested.connect(lambda e=editor: self.remove_line(e))
        editor.option_chosen.connect(self._option_chosen)
        editor.travelers.copy_purchaser_requested.connect(
            lambda e=editor: e.travelers.fill_all(self.header.purchaser.state())
        )
        self.lines.append(editor)
        self._lines_layout.addWidget(editor)
        self._renumber()
        if not self._loading:
            self._content_changed()
        if focus:
            editor.product_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(editor))
        return editor

    def add_next_line(self) -> LineEditor:
        """ "Add line": a line on the previous line's product, date and time (the operator
        picks another option), with the cursor on its option."""
        previous = self.lines[-1].state() if self.lines else LineState()
        editor = self.add_line(
            LineState(
                product_code=previous.product_code,
                date=previous.date,
                start_time=previous.start_time,
            ),
            focus=True,
        )
        if previous.product_code:
            editor.option_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def remove_line(self, editor: LineEditor) -> None:
        if editor not in self.lines:
            return
        index = self.lines.index(editor)
        self.lines.remove(editor)
        self._lines_layout.removeWidget(editor)
        editor.deleteLater()
        self._touched = {key for key in self._touched if not key.startswith("lines[")} | {
            shift_line_key(key, index) for key in self._touched if key.startswith("lines[")
        } - {""}
        self._server_problems.clear()
        if not self.lines:
            self.add_line()
        self._renumber()
        self._content_changed()
        focus_line = self.lines[min(index, len(self.lines) - 1)]
        focus_line.product_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        for number, line in enumerate(self.lines, start=1):
            line.set_number(number)
            line.remove_button.setVisible(len(self.lines) > 1)
        self.apply_tab_order()

    def apply_tab_order(self) -> None:
        """Tab walks the form top to bottom, then :attr:`tail_widgets` (the tab's buttons)."""
        chain: list[QWidget] = [*self.header.focus_chain()]
        for line in self.lines:
            chain.extend(line.focus_chain())
        chain.append(self.add_line_button)
        chain.extend(self.tail_widgets)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def line_for_slot(self) -> LineEditor:
        """The line a "Book this slot" fills: the last one if still empty, else a new one."""
        last = self.lines[-1]
        if not last.state().product_code:
            return last
        return self.add_line()

    def _option_chosen(self, currency: str) -> None:
        """The first priced option decides the order's currency (unless the user chose one)."""
        if "order.currency" not in self._touched and currency != self.header.currency:
            self.header.set_currency(currency)

    # -- state ----------------------------------------------------------------------

    def state(self) -> OrderFormState:
        state = OrderFormState(lines=[line.state() for line in self.lines])
        self.header.fill_state(state)
        return state

    def set_state(self, state: OrderFormState) -> None:
        """Show ``state`` (a restored draft, or a blank form after a send or New order).

        The line editors on screen are kept and filled again (a line editor is ~100
        widgets: building one again after each send held the GUI thread ~35 ms);
        only lines beyond them are made, and lines left over are removed.
        """
        wanted = state.lines or [LineState()]
        left_over = len(self.lines) > len(wanted)
        self._loading = True
        try:
            for line in self.lines[len(wanted) :]:
                self._lines_layout.removeWidget(line)
                line.deleteLater()
            del self.lines[len(wanted) :]
            self.header.set_state(state)
            for editor, line_state in zip(self.lines, wanted, strict=False):
                editor.set_state(line_state)
            for line_state in wanted[len(self.lines) :]:
                self.add_line(line_state)
        finally:
            self._loading = False
        if left_over:
            self._renumber()  # the Remove buttons and the Tab order (add_line does its own)
        self.price_question.forget()
        self._touched.clear()
        self._show_all = False
        self._server_problems.clear()
        self.revalidate()

    def set_editable(self, editable: bool) -> None:
        """Lock the form while an order is on its way (nothing may change under it)."""
        self.header.setEnabled(editable)
        for line in self.lines:
            line.setEnabled(editable)
        self.add_line_button.setEnabled(editable)

    # -- validation -----------------------------------------------------------------

    def _content_changed(self) -> None:
        if self._loading:
            return
        self._request_validation()
        self.changed.emit()

    def _field_edited(self, key: str) -> None:
        self._touched.add(key)
        self._server_problems.pop(key, None)

    def _line_edited(self, editor: LineEditor, field: str) -> None:
        if editor in self.lines:
            self._field_edited(f"lines[{self.lines.index(editor)}].{field}")

    def _request_validation(self) -> None:
        self._validate_timer.start()

    def _supplier_clock(self) -> dt.datetime:
        return dt.datetime.now(supplier_zone(self._timezone_name()))

    def set_clock(self, now: Callable[[], dt.datetime]) -> None:
        """Use ``now`` as the supplier's clock (a test's; the real one is the connection's
        supplier time zone) and look at the departures again."""
        self._now = now
        for line in self.lines:
            line.refresh_times_if_needed()
        self._request_validation()

    def supplier_now(self) -> dt.datetime:
        """Now where the tours run: departures gone by it cannot be sold."""
        return self._now()

    def supplier_today(self) -> dt.date:
        return self.supplier_now().date()

    def compute_issues(self, state: OrderFormState | None = None) -> list[Issue]:
        state = state or self.state()
        return validate_order(
            state,
            availability=form_availability(state, self._inventory.get),
            known_options={
                (product.product_code, option.dc_code): option.currency
                for product in self._products
                for option in product.options
            },
            now=self.supplier_now(),
            totals=compute_form_totals(state),
        )

    def revalidate(self, state: OrderFormState | None = None) -> list[Issue]:
        """Check everything now, repaint the fields and the totals; returns every issue.

        ``state`` is the form's state when the caller has just read it (a send).
        """
        self._validate_timer.stop()
        if state is None:
            state = self.state()
        self._totals = compute_form_totals(state)
        self._issues = self.compute_issues(state)
        self._show_problems()
        self._show_totals(state.currency)
        self.validated.emit()
        return list(self._issues)

    @property
    def issues(self) -> list[Issue]:
        return list(self._issues)

    @property
    def totals(self) -> FormTotals:
        return self._totals

    def show_all_problems(self) -> None:
        """Show empty required fields too (the user tried to send)."""
        self._show_all = True
        self._show_problems()

    def set_server_problems(self, problems: Mapping[str, str]) -> None:
        """Sentences from the server's answer, shown next to their fields until edited."""
        self._server_problems = dict(problems)
        self._show_problems()

    def visible_problems(self) -> dict[str, str]:
        """The sentence shown next to each field right now, by field key."""
        shown: dict[str, str] = {}
        for issue in self._issues:
            if issue.field in shown:
                continue
            if issue.missing and not self._show_all and issue.field not in self._touched:
                continue
            shown[issue.field] = self.issue_sentence(issue)
        for key, sentence in self._server_problems.items():
            shown[key] = sentence
        return shown

    @staticmethod
    def translate_template(template: str) -> str:
        """A validation sentence template in the user's language."""
        return QCoreApplication.translate("OrderValidation", template)

    def issue_sentence(self, issue: Issue) -> str:
        """An issue's sentence in the user's language, its times written as on screen."""
        return issue.sentence(self.translate_template, time_text)

    def _show_problems(self) -> None:
        shown = self.visible_problems()
        self.header.set_problems(shown)
        for index, line in enumerate(self.lines):
            line_problems: dict[str, str] = {}
            traveler_problems: dict[tuple[int, str], str] = {}
            for key, sentence in shown.items():
                traveler = parse_traveler_key(key)
                if traveler is not None and traveler[0] == index:
                    traveler_problems[(traveler[1], traveler[2])] = sentence
                    continue
                parsed = parse_line_key(key)
                if parsed is not None and parsed[0] == index:
                    line_problems[parsed[1]] = sentence
            line.set_problems(line_problems, traveler_problems)
        self.totals_view.total_message.show_message(shown.get("order.total"))
        self.lines_message.show_message(shown.get("order.lines"))

    def _show_totals(self, currency: str) -> None:
        totals = self._totals
        for line, figures in zip(self.lines, totals.lines, strict=False):
            line.show_figures(figures, currency)
        self.totals_view.show_totals(totals, currency)

    # -- before sending -------------------------------------------------------------

    def confirm_low_prices(self, state: OrderFormState, ask: Callable[[str, str], bool]) -> bool:
        """Ask once (``ask(title, text)``) before sending a unit price far below the
        catalog's; False when the operator says no (see :class:`LowPriceQuestion`)."""
        return self.price_question.confirm(state, self._products, ask)

    # -- where the fields are (FieldPlaces) ---------------------------------------

    def describe_field(self, key: str) -> str:
        """Where a field is, for people: "Purchaser email", "Line 2, traveler 1, Phone"."""
        return self.places.describe(key)

    def shows_field(self, key: str) -> bool:
        """Whether a sentence for ``key`` has a place next to a visible input."""
        return self.places.shows(key)

    def field_widget(self, key: str) -> QWidget | None:
        return self.places.widget(key)

    def focus_field(self, key: str) -> None:
        """Put the cursor in the field ``key`` names (scrolling it into view)."""
        self.places.focus(key)

    def commit_open_editors(self) -> None:
        """Keep what is typed in a travelers cell still being edited (before sending)."""
        for line in self.lines:
            line.travelers.commit_open_editor()
