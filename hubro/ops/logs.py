"""Structured logs: one JSON object per line (``HUBRO_LOG_FORMAT=json``, the default
with DEBUG off), each with the time, level, logger, message and the request id of the
request it belongs to ("-" outside a request). journald, Loki or any log shipper reads
them without parsing rules."""

import contextvars
import logging

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, for both formats."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)
