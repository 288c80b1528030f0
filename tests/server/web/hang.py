"""A hung server for the counter page tests and screenshots: the real server keeps accepting
connections, but every request that needs the database waits, as when its store is stuck."""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def store_held(server):
    """While the block runs, the live server's store lock is held: page requests and API calls
    hang (they are not refused) and all go on, in order, when the block ends."""
    lock = server.app.state.store._lock
    if not lock.acquire(timeout=30):
        raise TimeoutError("the store stayed busy for 30 s")
    try:
        yield
    finally:
        lock.release()
