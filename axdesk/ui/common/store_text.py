"""The store's typed sentences worded in the operator's language, and said again after a
live language switch.

The store (Qt-free) raises and returns problems (:class:`~axdesk.store.problems.Problem`): an
English template with ``%1`` placeholders and its values (see that module).
:func:`word` translates the template in the ``StoreText`` context and fills in the
values, nested problems worded too ("Row 3"); :func:`problem_text` gives a
:class:`~axdesk.ui.common.live_text.LiveText` that says it again after a switch;
:func:`error_text` does so for an exception raised with a problem. Any other text is
shown as it is.

:data:`STORE_TEMPLATES` lists every template for Qt's translation tools (which read
only literal strings); a test checks it against the templates the store declares.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from axdesk.store.problems import Problem, problem_of
from axdesk.ui.common.live_text import LiveText, live
from axdesk.ui.common.placeholders import fill_args

CONTEXT = "StoreText"


def word(text: str) -> str:
    """``text`` now, in the language in use: a problem translated, other text as it is."""
    if not isinstance(text, Problem):
        return str(text)
    values = [word(value) if isinstance(value, Problem) else str(value) for value in text.values]
    return fill_args(QCoreApplication.translate(CONTEXT, text.template), *values)


def problem_text(text: str) -> LiveText:
    """``text`` worded now, and again after a language switch (:func:`~live_text.again`)."""
    return live(lambda: word(text))


def error_text(error: BaseException) -> LiveText:
    """The sentence of an error the store raised: its problem worded, else ``str(error)``."""
    problem = problem_of(error)
    if problem is not None:
        return problem_text(problem)
    sentence = str(error)
    return live(lambda: sentence)


STORE_TEMPLATES = (
    # the catalog (axdesk.store.catalog)
    QT_TRANSLATE_NOOP("StoreText", "Row %1"),
    QT_TRANSLATE_NOOP("StoreText", "Product %1"),
    QT_TRANSLATE_NOOP("StoreText", "Product %1, option %2"),
    QT_TRANSLATE_NOOP("StoreText", "product code"),
    QT_TRANSLATE_NOOP("StoreText", "product name"),
    QT_TRANSLATE_NOOP("StoreText", "option code (dc_code)"),
    QT_TRANSLATE_NOOP("StoreText", "option name"),
    QT_TRANSLATE_NOOP("StoreText", "channel product mapping code"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price %1 must be written as text or a whole number"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price is missing"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price '%1' is not a number"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price %1 is negative"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price %1 is too large"),
    QT_TRANSLATE_NOOP("StoreText", "the unit price %1 has more than %2 decimals"),
    QT_TRANSLATE_NOOP("StoreText", "%1: %2."),
    QT_TRANSLATE_NOOP("StoreText", "%1: the %2 is missing."),
    QT_TRANSLATE_NOOP("StoreText", "%1: the %2 '%3' must be one word of at most %4 characters."),
    QT_TRANSLATE_NOOP("StoreText", "%1: the %2 is longer than %3 characters."),
    QT_TRANSLATE_NOOP("StoreText", "%1: product %2 is named '%3' here but '%4' in %5."),
    QT_TRANSLATE_NOOP("StoreText", "%1: the currency must be KRW or USD (got '%2')."),
    QT_TRANSLATE_NOOP("StoreText", "%1: the currency must be KRW or USD (it is missing)."),
    QT_TRANSLATE_NOOP("StoreText", "%1: option %2 already appears in %3."),
    QT_TRANSLATE_NOOP("StoreText", "%1 is not an object."),
    QT_TRANSLATE_NOOP("StoreText", "%1: options must be a list."),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The file is not UTF-8 text (nor Korean Windows text); save it as CSV UTF-8.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The file was not UTF-8; it was read as Korean Windows text (CP949). Check that "
        "the Korean names look right.",
    ),
    QT_TRANSLATE_NOOP("StoreText", "Row %1: the CSV cannot be read (%2)."),
    QT_TRANSLATE_NOOP("StoreText", "The file is empty; a header row is expected."),
    QT_TRANSLATE_NOOP("StoreText", "Row 1: the header lacks the column %1; expected %2."),
    QT_TRANSLATE_NOOP("StoreText", "Row 1: the header lacks the columns %1; expected %2."),
    QT_TRANSLATE_NOOP("StoreText", "Row 1: the column %1 appears more than once."),
    QT_TRANSLATE_NOOP("StoreText", "Row 1: the columns %1 appear more than once."),
    QT_TRANSLATE_NOOP("StoreText", "The column %1 was not used and ignored."),
    QT_TRANSLATE_NOOP("StoreText", "The columns %1 were not used and ignored."),
    QT_TRANSLATE_NOOP("StoreText", "%1: there are more cells than header columns."),
    QT_TRANSLATE_NOOP("StoreText", "The file is not UTF-8 text."),
    QT_TRANSLATE_NOOP("StoreText", "The file is not valid JSON (%1 at line %2, column %3)."),
    QT_TRANSLATE_NOOP("StoreText", "The file is JSON nested too deeply to be a catalog."),
    QT_TRANSLATE_NOOP("StoreText", "The file holds a number too long to be a catalog value."),
    QT_TRANSLATE_NOOP(
        "StoreText",
        'The file must hold {"products": [...]} with one object per product.',
    ),
    QT_TRANSLATE_NOOP("StoreText", "Option %1 belongs to product %2, which is not in the catalog."),
    QT_TRANSLATE_NOOP("StoreText", "The file could not be read (%1)."),
    QT_TRANSLATE_NOOP("StoreText", "The catalog could not be written to %1 (%2)."),
    # the settings (axdesk.store.settings)
    QT_TRANSLATE_NOOP("StoreText", "The server address '%1' is not a valid URL."),
    QT_TRANSLATE_NOOP("StoreText", "A profile needs a name."),
    QT_TRANSLATE_NOOP("StoreText", "The profile name '%1'... is longer than 80 characters."),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "Profile '%1': environment must be production, test or custom (got '%2').",
    ),
    QT_TRANSLATE_NOOP("StoreText", "Profile '%1': %2"),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "Profile '%1': '%2' is not a known time zone (for example Asia/Seoul).",
    ),
    QT_TRANSLATE_NOOP("StoreText", "Profile '%1'"),
    QT_TRANSLATE_NOOP("StoreText", "%1: %2 must be true or false (got %3)."),
    QT_TRANSLATE_NOOP("StoreText", "Profile %1"),
    QT_TRANSLATE_NOOP("StoreText", "%1 is not an object with a name and an environment."),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "%1 contained the field '%2', which looks like a secret; it was removed from "
        "the settings file. Secrets are kept only in the system keyring.",
    ),
    QT_TRANSLATE_NOOP("StoreText", "%1 contained the unknown field '%2'; it was ignored."),
    QT_TRANSLATE_NOOP("StoreText", "%1: %2 must be text (got %3)."),
    QT_TRANSLATE_NOOP("StoreText", "The profile list must be a list."),
    QT_TRANSLATE_NOOP("StoreText", "Two profiles are named '%1'; names must differ."),
    QT_TRANSLATE_NOOP("StoreText", "%1 must be one of %2 (got %3)."),
    QT_TRANSLATE_NOOP("StoreText", "%1 must be a whole number (got %2)."),
    QT_TRANSLATE_NOOP("StoreText", "%1 must be between %2 and %3 (got %4)."),
    QT_TRANSLATE_NOOP("StoreText", "%1 must be text (got %2)."),
    QT_TRANSLATE_NOOP("StoreText", "%1 is longer than %2 characters."),
    QT_TRANSLATE_NOOP("StoreText", "Recent products must be a list of product codes."),
    QT_TRANSLATE_NOOP("StoreText", "Recent products must be product codes (got %1)."),
    QT_TRANSLATE_NOOP("StoreText", "%1 The default (%2) is used instead."),
    QT_TRANSLATE_NOOP("StoreText", "empty"),
    QT_TRANSLATE_NOOP("StoreText", "it could not be read (%1)"),
    QT_TRANSLATE_NOOP("StoreText", "it is not valid JSON (%1, line %2)"),
    QT_TRANSLATE_NOOP("StoreText", "it does not hold a JSON object"),
    QT_TRANSLATE_NOOP("StoreText", "some values in it were not valid"),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The settings file %1 was not used because %2, and it could not be kept aside "
        "as %3 (%4); the defaults are used.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The settings file was not used because %1. It was kept as %2 and the default "
        "settings are used.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The settings file was repaired because %1; the original was kept as %2.",
    ),
    QT_TRANSLATE_NOOP("StoreText", "The settings could not be saved to %1 (%2)."),
    QT_TRANSLATE_NOOP("StoreText", "Language"),
    QT_TRANSLATE_NOOP("StoreText", "Last profile"),
    QT_TRANSLATE_NOOP("StoreText", "Poll interval (seconds)"),
    QT_TRANSLATE_NOOP("StoreText", "Nearly-full threshold (seats)"),
    QT_TRANSLATE_NOOP("StoreText", "Inventory refresh age (seconds)"),
    QT_TRANSLATE_NOOP("StoreText", "Window geometry"),
    QT_TRANSLATE_NOOP("StoreText", "Window state"),
    QT_TRANSLATE_NOOP("StoreText", "Operator name"),
    QT_TRANSLATE_NOOP("StoreText", "Desk name"),
    # the journal's servers (axdesk.store.endpoints)
    QT_TRANSLATE_NOOP(
        "StoreText", "This order was sent to %1; connect to that server to check it."
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "axdesk did not record which AX server the order %1 was sent to, so it is not "
        "checked or sent again on its own. Connect to the server it was taken on and "
        "confirm there that it belongs to that server.",
    ),
    # the journal's outcomes (axdesk.store.outcomes)
    QT_TRANSLATE_NOOP(
        "StoreText", "The order %1 is being sent or settled at another desk right now."
    ),
    # the team catalog (axdesk.store.team_catalog)
    QT_TRANSLATE_NOOP(
        "StoreText",
        "While this desk's catalog changes waited for the team journal, %1 (%2) also changed "
        "%3: this desk's version was kept and shared; check it.",
    ),
    # the journal setting (axdesk.store.journal_setting) and its Test (journal_probe)
    QT_TRANSLATE_NOOP(
        "StoreText", "The team journal setting must name a host, a port, a database and a user."
    ),
    QT_TRANSLATE_NOOP(
        "StoreText", "The team server needs an address (a host name or an IP address)."
    ),
    QT_TRANSLATE_NOOP(
        "StoreText", "The team server's address '%1' is not a host name or an IP address."
    ),
    QT_TRANSLATE_NOOP(
        "StoreText", "The team server's port must be a whole number from 1 to 65535 (got %1)."
    ),
    QT_TRANSLATE_NOOP("StoreText", "The team server needs the name of its database."),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The database name '%1' may hold only letters, digits and _ $ . - (at most 63 of them).",
    ),
    QT_TRANSLATE_NOOP("StoreText", "The team server needs a user name."),
    QT_TRANSLATE_NOOP(
        "StoreText", "The user name is longer than 63 characters or holds a line break."
    ),
    QT_TRANSLATE_NOOP("StoreText", "The team server's address cannot be used: %1"),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The team journal at %1 works: the server answered, it accepted the user name and"
        " password, and its tables are the ones this axdesk uses (schema %2).",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 answered and accepted the user name and password, but the "
        "database holds no axdesk journal yet: start one desk once as the tables' owner "
        "to create it.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 answered and accepted the user name and password, but its "
        "journal is at schema %2 and this axdesk needs %3: start one desk once as the "
        "tables' owner to bring it up to date.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 answered and accepted the user name and password, but its "
        "journal was written by a newer axdesk (schema %2; this one understands up to "
        "%3): update axdesk.",
    ),
    QT_TRANSLATE_NOOP("StoreText", "The server at %1 refused the user name or the password (%2)."),
    QT_TRANSLATE_NOOP(
        "StoreText", "The server at %1 does not let this computer in with that user (%2)."
    ),
    QT_TRANSLATE_NOOP("StoreText", "The server at %1 has no database of that name (%2)."),
    QT_TRANSLATE_NOOP(
        "StoreText", "The address %1 does not name a computer that can be found (%2)."
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 cannot be reached: check the address and port, and that the "
        "server is running and lets this computer connect (%2).",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 was not reached safely: its TLS certificate or name could not "
        "be checked (%2).",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 does not offer TLS, and a server that is not this computer is "
        "only used over TLS: turn on ssl in its postgresql.conf with a certificate for its "
        "name.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 was not reached safely: its TLS certificate is not signed by an "
        "authority this computer trusts (%2). Install the agency's certificate authority, "
        "or name it with sslrootcert= in the address.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText",
        "The server at %1 was not reached safely: its TLS certificate is for another name "
        "(%2). Use the name the certificate was made for.",
    ),
    QT_TRANSLATE_NOOP(
        "StoreText", "The user may not read the journal at %1 (%2): run grants.sql as its owner."
    ),
    QT_TRANSLATE_NOOP("StoreText", "The server at %1 could not be used: %2"),
)
