"""Every rule a New order must pass before it is sent (no Qt, unit-testable).

:func:`~axdesk.ui.order_entry.rules.order.validate_order` looks at an
:class:`~axdesk.ui.order_entry.state.OrderFormState` and returns
:class:`~axdesk.ui.order_entry.rules.issue.Issue` objects. Each issue names
the field it belongs to with a *field key* (``"purchaser.email"``,
``"lines[0].quantity"``, ``"lines[1].travelers[0].phone"``, ``"order.total"``)
so the form can paint that very widget red and put the sentence next to it.

One module per area:

* :mod:`.issue`: the issue itself, and how its sentence is translated and filled;
* :mod:`.fields`: field keys, and the server's per-field errors mapped onto them;
* :mod:`.people`: purchaser, representative and travelers (name, phone, email...);
* :mod:`.lines`: one line (option, date, departure, seats, prices);
* :mod:`.order`: the whole form (currency, lines, discount, total).
"""
