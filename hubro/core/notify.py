"""Queueing emails from actions: never fails the action, and can be muted.

Actions queue their messages after commit. A failure to queue is logged and the write
stands (a booking is not undone because the mail server is down). ``muted()`` stops
all queueing for a block: the demo builder uses it, so that loading the demo sends no
mail about bookings and events it makes up."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

logger = logging.getLogger(__name__)

_muted: ContextVar[bool] = ContextVar("hubro_notifications_muted", default=False)


@contextmanager
def muted():
    """No message is queued inside this block (including on-commit callbacks that run
    when a transaction opened inside it commits)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted() -> bool:
    return _muted.get()


def enqueue(task, *args) -> None:
    """``task.enqueue(*args)`` unless muted; logs instead of raising."""
    if is_muted():
        return
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%r", getattr(task, "name", task), args)
