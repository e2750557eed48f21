"""The main window's menus, actions and keyboard shortcuts (kept apart from the frame)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar

from axdesk.ui.common.i18n import LANGUAGE_ENGLISH, LANGUAGE_KOREAN, LANGUAGE_SYSTEM
from axdesk.ui.shell.desk_dialog import DeskDialog
from axdesk.ui.shell.journal_move_command import JournalMoveCommand

if TYPE_CHECKING:
    from axdesk.ui.shell.main_window import MainWindow

# Language names are shown in their own language, whatever the interface language.
NATIVE_LANGUAGE_NAMES = {LANGUAGE_KOREAN: "한국어", LANGUAGE_ENGLISH: "English"}


class ShellActions(QObject):
    """Builds the menu bar of ``window`` and keeps its actions for retranslation and tests."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        bar: QMenuBar = window.menuBar()

        self.file_menu = QMenu(bar)
        self.this_desk = self._action(lambda: DeskDialog(window.ctx, window).open())
        self.journal_move = JournalMoveCommand(
            window.ctx, window.shell.database, window.show_note, window.show_problem, self
        )
        self.move_journal = self._action(self.journal_move.run)
        self.journal = self._action(lambda: open_journal_dialog(window))
        self.file_menu.addActions([self.this_desk, self.journal, self.move_journal])
        self.file_menu.addSeparator()
        self.quit = self._action(window.request_quit)
        self.quit.setShortcuts(_with_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.file_menu.addAction(self.quit)

        self.connection_menu = QMenu(bar)
        self.connect_action = self._action(window.open_connection_dialog, "Ctrl+Shift+K")
        self.test_connection = self._action(window.test_connection)
        self.connection_menu.addActions([self.connect_action, self.test_connection])

        self.catalog_menu = QMenu(bar)
        self.edit_catalog = self._action(window.open_catalog_dialog)
        self.import_catalog = self._action(window.import_catalog)
        self.export_catalog = self._action(window.export_catalog)
        self.catalog_menu.addActions([self.edit_catalog, self.import_catalog, self.export_catalog])

        self.view_menu = QMenu(bar)
        self.language_menu = QMenu(self.view_menu)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for choice in (LANGUAGE_SYSTEM, LANGUAGE_KOREAN, LANGUAGE_ENGLISH):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: window.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[choice] = action
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addSeparator()
        self.tab_actions: list[QAction] = []
        for index in range(3):
            action = self._action(
                lambda _checked=False, i=index: window.show_tab(i), f"Ctrl+{index + 1}"
            )
            self.tab_actions.append(action)
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        # The window's one owner of F5: View > Refresh calls the current tab's refresh()
        # (a tab that took F5 as well would make the key ambiguous, and do nothing).
        self.refresh = self._action(window.refresh_current_tab)
        self.refresh.setShortcuts(_with_keys(QKeySequence.StandardKey.Refresh, "F5"))
        self.view_menu.addAction(self.refresh)

        self.help_menu = QMenu(bar)
        self.call_log = self._action(window.show_call_log)
        self.documentation = self._action(window.open_documentation)
        self.documentation.setShortcuts(_with_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        self.about = self._action(window.show_about)
        self.help_menu.addActions([self.call_log, self.documentation])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)

        for menu in (
            self.file_menu,
            self.connection_menu,
            self.catalog_menu,
            self.view_menu,
            self.help_menu,
        ):
            bar.addMenu(menu)

    def _action(
        self, slot: object, shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def check_language(self, choice: str) -> None:
        action = self.language_actions.get(choice)
        if action is not None:
            action.setChecked(True)

    def retranslate_ui(self, tab_titles: list[str]) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.this_desk.setText(self.tr("This &desk…"))
        self.journal.setText(self.tr("&Journal…"))
        self.move_journal.setText(self.tr("&Move this computer's journal to the team server…"))
        self.quit.setText(self.tr("&Quit"))
        self.connection_menu.setTitle(self.tr("&Connection"))
        self.connect_action.setText(self.tr("&Connect…"))
        self.test_connection.setText(self.tr("&Test connection"))
        self.catalog_menu.setTitle(self.tr("C&atalog"))
        self.edit_catalog.setText(self.tr("&Edit catalog…"))
        self.import_catalog.setText(self.tr("&Import…"))
        self.export_catalog.setText(self.tr("E&xport…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[LANGUAGE_SYSTEM].setText(self.tr("&System language"))
        for choice, name in NATIVE_LANGUAGE_NAMES.items():
            self.language_actions[choice].setText(name)
        for action, title in zip(self.tab_actions, tab_titles, strict=True):
            action.setText(title)
        self.refresh.setText(self.tr("&Refresh"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.call_log.setText(self.tr("Show &call log"))
        self.documentation.setText(self.tr("&Documentation"))
        self.about.setText(self.tr("&About axdesk"))


def _with_keys(standard: QKeySequence.StandardKey, *keys: str) -> list[QKeySequence]:
    """The platform's keys for ``standard``, then ``keys`` the README promises everywhere
    (Windows' scheme, which the offscreen platform also uses, has no key for Quit)."""
    sequences = list(QKeySequence.keyBindings(standard))
    for key in keys:
        sequence = QKeySequence(key)
        if sequence not in sequences:
            sequences.append(sequence)
    return sequences


def open_journal_dialog(window: MainWindow) -> QDialog:
    """File > Journal… (its module is imported when first opened, not before the first paint)."""
    from axdesk.ui.shell.journal_dialog import JournalDialog

    dialog = JournalDialog(window.shell, window.show_note, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
