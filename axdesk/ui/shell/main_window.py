"""The main window: three tabs, menus, the status bar and the notices.

The frame builds the three tabs (each ``Tab(ctx, parent)``), calls on them only
what the :class:`~axdesk.ui.shell.tab.Tab` contract names (``on_shown()``,
``refresh()``, ``shutdown()``), and otherwise only wires them together (a slot
picked in the inventory prefills the order form; a sent order is shown in the
orders list; the orders list's notices go to the Notifier), settles unfinished
orders whenever a connection becomes usable, and hosts the app-wide commands.
Every network call runs on ``ctx.worker``; closing the window stops the worker
(interrupting calls in flight) before anything else is torn down.

The window paints in two steps (``axdesk.ui.shell.startup``): ``MainWindow(settings=...)``
is the frame alone, the tab titles over empty pages, a status line and the saved size,
built from PySide6 and the settings only, so that it paints as soon as a bare
QMainWindow does; :meth:`MainWindow.attach` then adds what needs the shell (the
menus, the notice bar, the connection's status bar) and :meth:`MainWindow.build_tabs`
the tabs. ``MainWindow(shell)`` does both at once (the tests, :func:`launch`).
Everything but the frame is imported in :meth:`attach` or later: PySide6 makes each
Qt enum type when a module first names its class (the ``Qt`` namespace alone is tens
of milliseconds), and its import hook reads the source of every module imported.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QStatusBar, QTabWidget, QVBoxLayout, QWidget

from axdesk.store.settings import Settings, SettingsError
from axdesk.ui.common.i18n import LANGUAGE_SYSTEM, Translations
from axdesk.ui.common.placeholders import fill_args

# What the frame does not paint is imported in attach() or where first needed: the
# frame paints first (``axdesk.ui.shell.startup``), and its imports are the wait.
if TYPE_CHECKING:
    from axdesk.ui.catalog.commands import CatalogCommands
    from axdesk.ui.catalog.dialog import CatalogDialog
    from axdesk.ui.common.context import AppContext, SlotRef
    from axdesk.ui.common.notice_bar import NoticeBar
    from axdesk.ui.connection.commands import ConnectionCommands
    from axdesk.ui.connection.dialog import ConnectionDialog
    from axdesk.ui.inventory.tab import InventoryTab
    from axdesk.ui.order_entry.tab import OrderTab
    from axdesk.ui.orders.tab import OrdersTab
    from axdesk.ui.shell.about import AboutDialog
    from axdesk.ui.shell.actions import ShellActions
    from axdesk.ui.shell.bootstrap import Shell
    from axdesk.ui.shell.call_log import CallLogDialog
    from axdesk.ui.shell.call_progress import CallProgress
    from axdesk.ui.shell.guide import GuideDialog
    from axdesk.ui.shell.help_menu import HelpCommands
    from axdesk.ui.shell.notifier import Notifier
    from axdesk.ui.shell.practice_menu import PracticeMenu
    from axdesk.ui.shell.status_bar import ShellStatusBar
    from axdesk.ui.shell.tab import Tab

log = logging.getLogger(__name__)

INVENTORY_TAB, ORDER_TAB, ORDERS_TAB = range(3)


class MainWindow(QMainWindow):
    """The axdesk frame.

    Signals:
        connection_tested(bool, str): Connection > Test connection ended (success, sentence).
        problem_shown(str): a sentence about a problem was shown to the operator.
    """

    connection_tested = Signal(bool, str)
    problem_shown = Signal(str)

    inventory_tab: InventoryTab  # the tabs exist once build_tabs() ran
    order_tab: OrderTab
    orders_tab: OrdersTab

    # Made by attach(): the frame alone has none of these yet.
    shell: Shell
    ctx: AppContext
    notice: NoticeBar
    status: ShellStatusBar
    call_progress: CallProgress
    actions_: ShellActions
    notifier: Notifier

    def __init__(
        self,
        shell: Shell | None = None,
        translations: Translations | None = None,
        parent: QWidget | None = None,
        *,
        tabs_now: bool = True,
        settings: Settings | None = None,
    ) -> None:
        """``MainWindow(shell)``: the whole window. ``MainWindow(settings=...)``: the frame
        alone (the tab titles over empty pages, a status line, the saved size), to be
        painted first; :meth:`attach` adds the rest. ``tabs_now=False`` leaves the tabs
        to :meth:`build_tabs` (after the first paint, see ``startup``)."""
        super().__init__(parent)
        if shell is not None:
            settings = shell.ctx.settings
        if settings is None:
            raise ValueError("MainWindow needs a shell or, for the frame alone, the settings")
        self._settings: Settings = settings
        self._shell: Shell | None = None
        self.stopped_cleanly: bool | None = None  # set on close: the worker stopped in time
        self._translations = translations
        self._closed = False
        self._shown_once = False
        self.setMinimumSize(760, 520)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._tabs: list[Tab] = []
        for _ in range(3):  # placeholders, so the first paint shows the tab titles
            self.tabs.addTab(QWidget(self.tabs), "")
        central = QWidget(self)
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.setStatusBar(QStatusBar(self))  # a status line until attach() puts the shell's
        # The menu bar's height from the first paint (an empty bar has none, and the tabs
        # would jump down when the menus come): the File title, greyed, until attach().
        self._menu_placeholder: QMenu | None = self.menuBar().addMenu("")
        self._menu_placeholder.setEnabled(False)

        self._connection_commands: ConnectionCommands | None = None
        self._catalog_commands: CatalogCommands | None = None
        self._help_commands: HelpCommands | None = None
        self.practice: PracticeMenu | None = None  # the Practice menu, built with the tabs
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.retranslate_ui()
        self._restore_geometry()
        if shell is not None:
            self.attach(shell)
            if tabs_now:
                self.build_tabs()

    @property
    def is_attached(self) -> bool:
        """The shell is in place: menus, notice bar and status bar (see :meth:`attach`)."""
        return self._shell is not None

    def attach(self, shell: Shell) -> None:
        """Add what needs the shell to the frame: the icon, the notice bar, the status bar,
        the menus and the notices; once, and not after the window closed."""
        if self._shell is not None or self._closed:
            return
        from axdesk.ui.common.notice_bar import NoticeBar
        from axdesk.ui.common.resources import app_icon
        from axdesk.ui.shell.actions import ShellActions
        from axdesk.ui.shell.call_progress import CallProgress
        from axdesk.ui.shell.notifier import Notifier
        from axdesk.ui.shell.status_bar import ShellStatusBar

        self._shell = shell
        self.shell = shell
        self.ctx = shell.ctx
        self._settings = shell.ctx.settings
        self.setWindowIcon(app_icon())
        self.menuBar().clear()  # the placeholder goes: ShellActions makes the menus
        self._menu_placeholder = None
        self.notice = NoticeBar(self)
        self._column.insertWidget(0, self.notice)
        self.status = ShellStatusBar(self.ctx.connection, self.ctx.worker, self)
        self.setStatusBar(self.status)  # the frame's status line goes
        self.call_progress = CallProgress(self.ctx.worker, self.status, self)
        self.actions_ = ShellActions(self)
        self.actions_.check_language(self.ctx.settings.language)
        self.notifier = Notifier(self)

        self.ctx.connection.changed.connect(self._update_title)
        self.ctx.connection.changed.connect(self._connection_changed)
        self.ctx.worker.error_reported.connect(self.show_problem)
        if shell.settings_saver is not None:
            shell.settings_saver.failed.connect(self.show_problem)
        self.retranslate_ui()

    def show_starting_note(self, sentence: str) -> None:
        """A status line while the window is built (the shell's status bar once attached)."""
        if self.is_attached:
            self.status.show_note(sentence, 0)
        else:
            bar = self.statusBar()
            bar.showMessage(sentence)

    @property
    def connection_commands(self) -> ConnectionCommands:
        """The Connection menu's commands and the start-up connect (built when first used)."""
        if self._connection_commands is None:
            from axdesk.ui.connection.commands import ConnectionCommands

            self._connection_commands = ConnectionCommands(self)
        return self._connection_commands

    @property
    def catalog_commands(self) -> CatalogCommands:
        """The Catalog menu's commands (built when first used, like the catalog's modules)."""
        if self._catalog_commands is None:
            from axdesk.ui.catalog.commands import CatalogCommands

            self._catalog_commands = CatalogCommands(self)
        return self._catalog_commands

    @property
    def help_commands(self) -> HelpCommands:
        """The Help menu's commands."""
        if self._help_commands is None:
            from axdesk.ui.shell.help_menu import HelpCommands

            self._help_commands = HelpCommands(self)
        return self._help_commands

    # -- tabs ------------------------------------------------------------------------

    @property
    def has_tabs(self) -> bool:
        return bool(self._tabs)

    @property
    def is_closing(self) -> bool:
        """The window closed (or is closing): nothing more is built or started."""
        return self._closed

    def build_tabs(self) -> None:
        """Put the three tabs in place of their placeholders (once) and wire them
        (after :meth:`attach`)."""
        if self._tabs or self._closed or self._shell is None:
            return
        from axdesk.ui.inventory.tab import InventoryTab
        from axdesk.ui.order_entry.tab import OrderTab
        from axdesk.ui.orders.tab import OrdersTab

        self.inventory_tab = InventoryTab(self.ctx, self)
        self.order_tab = OrderTab(self.ctx, self)
        self.orders_tab = OrdersTab(self.ctx, self)
        pages: list[QWidget] = [self.inventory_tab, self.order_tab, self.orders_tab]
        current = self.tabs.currentIndex()
        titles = self.tab_titles()
        self.tabs.blockSignals(True)
        try:
            for index, page in enumerate(pages):
                placeholder = self.tabs.widget(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, page, titles[index])
                if placeholder is not None:
                    placeholder.deleteLater()
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        self._tabs = [self.inventory_tab, self.order_tab, self.orders_tab]
        self._wire_tabs()
        if self._shown_once:
            self._on_tab_changed(self.tabs.currentIndex())
        if self.ctx.connection.is_connected:  # connected before the tabs were there
            self.order_tab.reconcile_pending()
            self.orders_tab.cancelling.settle_pending()

    def practice_started(self) -> None:
        """The embedded sandbox is in use: the Practice menu drives it (once), and the
        Orders list shows the demo orders journaled while it started."""
        if self._closed:
            return
        if self.practice is None:
            from axdesk.ui.shell.practice_menu import PracticeMenu  # the journal, pydantic

            self.practice = PracticeMenu.install(self)
        if self.has_tabs:
            self.orders_tab.reload()

    def _wire_tabs(self) -> None:
        from axdesk.ui.catalog.team_sync import TeamCatalogSync  # with the tabs, not the frame
        from axdesk.ui.common.store_text import problem_text
        from axdesk.ui.shell.team_badge import TeamJournalBadge

        self.inventory_tab.book_slot_requested.connect(self.book_slot)
        self.order_tab.order_sent.connect(self.show_sent_order)
        self.orders_tab.notify.connect(self.notify)
        tab = self.orders_tab
        self.team_badge = TeamJournalBadge.install(self.status, tab.team_feed, tab.team_cause)
        self.team_catalog = TeamCatalogSync(self.ctx, self)  # the team journal's catalog
        self.team_catalog.notice.connect(lambda problem: self.show_note(problem_text(problem)))

    def book_slot(self, slot: SlotRef) -> None:
        """Inventory > Book this slot: prefill the order form and go there."""
        self.order_tab.prefill_slot(slot)
        self.show_tab(ORDER_TAB)

    def show_sent_order(self, channel_order_code: str) -> None:
        """A new order was sent: the orders list shows it (and keeps it in sync)."""
        self.orders_tab.show_order(channel_order_code)

    def show_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def frame_tabs(self) -> list[Tab]:
        """The tabs in their order, as the frame sees them: through the Tab contract."""
        return list(self._tabs)

    def _tab_at(self, index: int) -> Tab | None:
        return self._tabs[index] if 0 <= index < len(self._tabs) else None

    def _on_tab_changed(self, index: int) -> None:
        tab = self._tab_at(index)
        if tab is not None:
            tab.on_shown()

    def refresh_current_tab(self) -> None:
        """View > Refresh (F5): the current tab fetches fresh data."""
        tab = self._tab_at(self.tabs.currentIndex())
        if tab is not None:
            tab.refresh()

    # -- notices -----------------------------------------------------------------------

    def notify(self, title: str, text: str) -> None:
        """A notice from the orders list (a supplier decided): tray, desktop or status bar."""
        self.notifier.notify(title, text)

    def bring_to_front(self) -> None:
        """The tray icon was clicked, or a second start of axdesk asked for the window."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- texts -----------------------------------------------------------------------

    def tab_titles(self) -> list[str]:
        return [self.tr("&Inventory"), self.tr("&New order"), self.tr("&Orders")]

    def retranslate_ui(self) -> None:
        titles = self.tab_titles()
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.tabs.setAccessibleName(self.tr("Main sections"))
        if self._menu_placeholder is not None:
            self._menu_placeholder.setTitle(QCoreApplication.translate("ShellActions", "&File"))
        if self.is_attached:
            self.actions_.retranslate_ui(titles)
            self.notifier.retranslate_ui()
        self._update_title()

    def _update_title(self) -> None:
        profile = self.ctx.connection.profile if self.is_attached else None
        if profile is None:
            self.setWindowTitle(self.tr("axdesk — not connected"))
            return
        from axdesk.ui.common.context import ENVIRONMENT_SANDBOX  # imported with the shell

        if profile.environment == ENVIRONMENT_SANDBOX:
            title = self.tr("axdesk — practice mode (sandbox)")
        else:
            title = fill_args(
                self.tr("axdesk — %1 (%2)"), profile.name, self.status.badge.environment_words()[0]
            )
        self.setWindowTitle(title)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, choice: str) -> None:
        """View > Language: switch live and remember the choice."""
        if self._translations is not None:
            self._translations.apply(choice)
        if self.is_attached:  # the View menu comes with the shell (attach checks it then)
            self.actions_.check_language(choice)
        try:
            self._settings.language = choice
        except SettingsError as error:
            from axdesk.ui.common.store_text import error_text

            self.show_problem(error_text(error))

    # -- problems --------------------------------------------------------------------

    def show_problem(self, sentence: str) -> None:
        """Show a sentence about a problem in the notice bar (never a modal box)."""
        if not sentence:
            return
        if not self.is_attached:  # before the notice bar: the log has it (the crash reporter)
            log.warning("Not shown (the window is not built yet): %s", sentence)
            return
        from axdesk.ui.common.notice_bar import PROBLEM

        self.notice.show_notice(PROBLEM, sentence)
        self.problem_shown.emit(sentence)

    def show_note(self, sentence: str) -> None:
        from axdesk.ui.common.notice_bar import INFO

        self.notice.show_notice(INFO, sentence)

    def show_settings_warnings(self) -> None:
        """What was wrong with the settings file at start (each in the operator's language)."""
        warnings = self._settings.warnings
        if warnings:
            from axdesk.ui.common.live_text import live_join
            from axdesk.ui.common.store_text import problem_text

            self.show_problem(live_join("\n\n", [problem_text(w) for w in warnings]))

    # -- connection ------------------------------------------------------------------

    def open_connection_dialog(self) -> ConnectionDialog:
        return self.connection_commands.open_dialog()

    def connect_last_profile(self) -> None:
        """At start-up: connect with the last used profile, or ask for one."""
        self.connection_commands.connect_last_profile()

    def _connection_changed(self) -> None:
        """A connection became usable: settle the orders left unfinished that it may settle.

        Orders left "sending" or "unknown" (axdesk stopped, or AX did not answer)
        are checked on the server they were sent to, as soon as that server is
        in use; the order tab runs one check at a time.
        """
        if self.ctx.connection.is_connected and not self._closed and self._tabs:
            self.order_tab.reconcile_pending()
            self.orders_tab.cancelling.settle_pending()

    def test_connection(self) -> None:
        """Connection > Test connection: one real call with the connection in use."""
        self.connection_commands.test_connection()

    # -- catalog ---------------------------------------------------------------------

    def open_catalog_dialog(self) -> CatalogDialog:
        return self.catalog_commands.open_dialog()

    def import_catalog(self, path: Path | None = None) -> None:
        self.catalog_commands.import_file(path)

    def export_catalog(self, path: Path | None = None) -> None:
        self.catalog_commands.export_file(path)

    # -- help ------------------------------------------------------------------------

    def show_call_log(self) -> CallLogDialog:
        return self.help_commands.show_call_log()

    def documentation_url(self) -> QUrl:
        return self.help_commands.documentation_url()

    def open_documentation(self) -> GuideDialog:
        return self.help_commands.open_documentation()

    def show_about(self) -> AboutDialog:
        return self.help_commands.show_about()

    # -- window life -----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._settings.window_geometry
        # The setting is any text from a file the user may have edited: base64 that does
        # not decode to a geometry is refused by restoreGeometry, and the default size used.
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("utf-8"))):
            return
        self.resize(1180, 780)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._on_tab_changed(self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        # The window manager's close button asks like File > Quit; a close by the program
        # (a signal from the terminal, a test) does not wait for an answer.
        if event.spontaneous() and not self._closed and not self.may_quit():
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self._save_geometry()
            for tab in self._tabs:
                try:
                    tab.shutdown()
                except Exception:
                    log.exception("A tab failed to shut down")
            if self._shell is not None:
                self.notifier.hide()
                self.stopped_cleanly = self._shell.close()
        super().closeEvent(event)

    def may_quit(self) -> bool:
        """Whether quitting may go ahead (practice mode asks when an order is half-typed)."""
        return self.practice is None or self.practice.may_quit()

    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q)."""
        if self.may_quit():
            self.close()

    def _save_geometry(self) -> None:
        try:
            self._settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode(
                "ascii"
            )
        except SettingsError as error:
            log.warning("The window size could not be saved: %s", error)


def language_choice(settings_language: str, override: str | None) -> str:
    """The language to start with: the command line's, else the saved one."""
    return override or settings_language or LANGUAGE_SYSTEM
