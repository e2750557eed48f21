"""The profile form (connection/profile_form.py): each thing to fix gets a sentence and
the focus, before anything is tested, saved or sent."""

from __future__ import annotations

import pytest
from connection_support import fill

from axdesk.api import ENVIRONMENTS
from axdesk.store.settings import Profile
from axdesk.ui.common.context import ENVIRONMENT_CUSTOM, ENVIRONMENT_PRODUCTION, ENVIRONMENT_TEST
from axdesk.ui.common.form_problem import FormProblem
from axdesk.ui.connection.profile_form import ProfileForm, to_connection_profile


def test_plain_http_is_refused_for_other_computers(qtbot, dialog) -> None:
    fill(dialog, "http://ax.example.com", "key-123456", "CH-1")
    with (
        qtbot.assert_not_emitted(dialog.test_finished),
        qtbot.waitSignal(dialog.problem_shown) as blocker,
    ):
        dialog.test_button.click()
    assert "must start with https://" in blocker.args[0]


def test_unknown_time_zone_is_refused(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, sandbox.api_key, sandbox.channel_code)
    dialog.profile_form.timezone_combo.setCurrentText("Asia/Nowhere")
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.test_button.click()
    assert "Asia/Nowhere is not a known time zone" in blocker.args[0]


def test_missing_key_is_asked_for(qtbot, dialog, sandbox) -> None:
    fill(dialog, sandbox.base_url, "", sandbox.channel_code)
    with qtbot.waitSignal(dialog.problem_shown) as blocker:
        dialog.connect_button.click()
    assert "Enter the API key" in blocker.args[0]


@pytest.fixture
def form(qtbot) -> ProfileForm:
    built = ProfileForm()
    qtbot.addWidget(built)
    built.clear()
    return built


def test_a_name_in_use_is_refused_unless_it_is_the_profile_being_edited(
    form: ProfileForm, app_context
) -> None:
    settings = app_context.settings
    settings.put_profile(Profile(name="Seoul desk", environment=ENVIRONMENT_TEST))
    form.name_edit.setText("seoul DESK")
    with pytest.raises(FormProblem, match="A profile named Seoul desk already exists") as caught:
        form.read_profile(settings, editing=None)
    assert caught.value.field is form.name_edit
    assert form.read_profile(settings, editing="Seoul desk").name == "seoul DESK"


def test_the_environment_decides_the_address(form: ProfileForm, app_context) -> None:
    combo = form.environment_combo
    combo.setCurrentIndex(combo.findData(ENVIRONMENT_PRODUCTION))
    assert form.url_edit.text() == ENVIRONMENTS[ENVIRONMENT_PRODUCTION]
    assert form.url_edit.isReadOnly()
    combo.setCurrentIndex(combo.findData(ENVIRONMENT_CUSTOM))
    assert form.url_edit.text() == ""  # a fixed address is not taken for a custom one
    assert not form.url_edit.isReadOnly()
    form.name_edit.setText("Own server")
    form.url_edit.setText("https://ax.example.com/")
    profile = form.read_profile(app_context.settings, editing=None)
    assert to_connection_profile(profile).base_url == profile.custom_url
    assert profile.custom_url.startswith("https://ax.example.com")


def test_missing_secrets_name_their_field(form: ProfileForm) -> None:
    form.api_key_edit.setText("  key  ")
    with pytest.raises(FormProblem, match="Enter the channel code") as caught:
        form.read_credentials()
    assert caught.value.field is form.channel_code_edit
    form.channel_code_edit.setText("CH-1")
    credentials = form.read_credentials()
    assert (credentials.api_key, credentials.channel_code) == ("key", "CH-1")


def test_the_repeated_order_code_choice_is_off_unless_ticked_and_travels_with_the_profile(
    form: ProfileForm, app_context
) -> None:
    check = form.same_order_check
    assert not check.isChecked()
    assert "do not promise" in check.toolTip()
    assert check in form.tab_order()
    form.name_edit.setText("Seoul desk")
    assert not form.read_profile(app_context.settings, editing=None).same_order_on_repeat

    check.setChecked(True)
    profile = form.read_profile(app_context.settings, editing=None)
    assert profile.same_order_on_repeat
    assert to_connection_profile(profile).same_order_on_repeat

    form.clear()
    assert not check.isChecked()
    form.show_profile(profile)
    assert check.isChecked()
