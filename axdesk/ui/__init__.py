"""The PySide6 desktop application: the only package of axdesk that imports Qt.

``axdesk`` (``axdesk.ui.app:main``) opens the main window; ``axdesk --sandbox``
opens it in practice mode on the embedded AX sandbox.
"""
