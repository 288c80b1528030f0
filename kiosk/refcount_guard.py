"""A guard against a reference-count bug of PySide6 6.12 on CPython 3.11.

Measured here: every PySide6 method that returns nothing (`setText`, `setEnabled`, `start`,
`processEvents` ...) hands back `None` without taking a reference to it, so each call lowers
None's reference count by one. CPython 3.12+ made None, True and False immortal (PEP 683), so
there the bug is harmless; on 3.11 the count reaches zero after some thousands of calls and the
process aborts ("Fatal Python error: none_dealloc"). A kiosk runs for days, so it would die.

The guard gives those three objects what 3.12 gives them: a reference count so large that it can
never reach zero. They are never freed in any case, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_HEADROOM = 1 << 48  # ~2.8e14 leaked references: millennia of calls
_done = False


def make_singletons_immortal() -> bool:
    """Raise the reference count of None, True and False once; True if it was needed."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _done = True
    log.info("PySide6 refcount guard active (CPython %d.%d)", *sys.version_info[:2])
    return True
