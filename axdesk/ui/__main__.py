"""``python -m axdesk.ui``: the same as the ``axdesk`` command."""

from axdesk.ui.app import main

raise SystemExit(main())
