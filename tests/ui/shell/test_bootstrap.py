"""The shared UI fixtures: a real sandbox over loopback and the app's own context."""

from __future__ import annotations

from axdesk.api import Inventory
from axdesk.ui.common.context import ENVIRONMENT_SANDBOX, AppContext


def test_app_context_talks_to_the_sandbox_over_loopback(qtbot, app_context: AppContext, sandbox):
    products = app_context.catalog.list_products()
    assert {p.product_code for p in products} == {p["product_code"] for p in sandbox.catalog()}
    profile = app_context.connection.profile
    assert profile is not None
    assert profile.environment == ENVIRONMENT_SANDBOX
    assert profile.base_url.startswith("http://127.0.0.1:")
    assert app_context.sandbox_mode

    answers: list[Inventory] = []
    client = app_context.connection.client()
    with (
        qtbot.assert_not_emitted(app_context.worker.error_reported),
        qtbot.waitSignal(app_context.connection.call_finished),
    ):
        app_context.worker.call(lambda: client.get_inventory(products[0].product_code)).on_success(
            answers.append
        ).start()
    qtbot.waitUntil(lambda: bool(answers))
    assert answers[0].product_code == products[0].product_code
    assert answers[0].options
    assert app_context.connection.last_success is not None
