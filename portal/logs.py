"""Structured logs: one JSON object per line, each carrying the request's id.

RequestIdMiddleware takes the id from the proxy's X-Request-ID header (nginx sets it
to $request_id, and logs it too) or makes one, keeps it for the request's logs and
returns it in the response's X-Request-ID header, so a visitor's report of an error
leads to every line of that request in nginx's, gunicorn's and the portal's logs.
The production settings turn JsonFormatter on (LOG_FORMAT=json).
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# LogRecord attributes that are not extras passed by the caller.
STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if VALID_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response.headers.setdefault("X-Request-ID", rid)
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request)."""

    def filter(self, record):
        # django.request logs a 4xx answer after the middleware returned: its records
        # carry the request, which carries the id.
        record.request_id = request_id.get() or getattr(
            getattr(record, "request", None), "request_id", None
        )
        return True


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, plain extras and the traceback."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for key, value in vars(record).items():
            if key not in STANDARD and isinstance(value, str | int | float | bool | None):
                entry.setdefault(key, value)
        request = getattr(record, "request", None)  # django.request's records
        if request is not None and hasattr(request, "path"):
            entry["method"], entry["path"] = request.method, request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
