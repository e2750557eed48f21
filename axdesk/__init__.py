"""axdesk: a desktop tool for channel operators selling AX Cloud tours."""

__version__ = "0.1.0"
