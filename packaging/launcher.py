"""The frozen app's entry script: the same as the ``axdesk`` command (``axdesk.ui.app:main``)."""

from axdesk.ui.app import main

raise SystemExit(main())
