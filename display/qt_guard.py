"""Work around a PySide6 6.12 defect on CPython 3.11: every call of a Qt method that returns
nothing (setText, setStyleSheet, drawPixmap ...) takes one reference from `None` and never
gives it back. After some ten thousand calls None's count reaches zero and Python aborts with
"none_dealloc: deallocating None" (measured: setContentsMargins x1000 lowers it by 1000).
CPython 3.12+ makes None immortal, so the defect is harmless there; on 3.11 we do the same by
hand, once, before Qt runs: a count of 2**60 outlasts any run of the board."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_IMMORTAL = 1 << 60


def keep_none_alive() -> bool:
    """Give None a reference count that no leak can exhaust; True when it was needed."""
    if sys.version_info >= (3, 12):
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value >= _IMMORTAL:
        return False
    refcount.value += _IMMORTAL
    log.debug("None made immortal against the PySide6 reference leak")
    return True
