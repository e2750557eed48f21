"""Replaces the community hook, which collects every phonenumbers submodule.

phonenumbers imports its per-region metadata lazily with ``__import__``
(``phonenumbers.data.region_KR`` the first time a Korean number is parsed),
so PyInstaller cannot see those modules and they must be listed. axdesk uses
parsing, validation, formatting and example numbers only, which need
``phonenumbers.data`` and ``phonenumbers.shortdata``. The geocoder, carrier
and time-zone prefix tables (about 20 MB of source) are left out; the spec
excludes them too, so an import of them would fail loudly instead of working
from a checkout and breaking in the bundle unnoticed.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
