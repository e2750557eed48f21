"""The frame: main window, menus and shortcuts, status bar, start-up and what it assembles."""
