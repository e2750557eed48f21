"""Help > Documentation: the operator's guide, shown inside axdesk.

The guide is Markdown in the package (``axdesk/resources/docs``), so it is there
in a wheel, the Debian package and the bundle, and needs no program of the
desktop's to open it; its links to the other pages of the guide are followed in
the same window, links to the web open in the browser.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from axdesk.ui.common.resources import USER_GUIDE, docs_dir


def guide_url() -> QUrl:
    return QUrl.fromLocalFile(str(docs_dir() / USER_GUIDE))


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("axdesk — Documentation"))
        self.resize(760, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(guide_url(), QTextDocument.ResourceType.MarkdownResource)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
