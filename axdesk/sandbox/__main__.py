"""``python -m axdesk.sandbox``: the same as the ``axdesk-sandbox`` command."""

import sys

from axdesk.sandbox.cli import main

sys.exit(main())
