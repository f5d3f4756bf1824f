"""Structured logs: JSON lines with the request's id, which the response returns."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.logs import JsonFormatter, RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]


def test_the_proxys_request_id_is_used_and_returned(client, db):
    response = client.get("/healthz", headers={"X-Request-ID": "9f1c2e7a-abc"})
    assert response["X-Request-ID"] == "9f1c2e7a-abc"


@pytest.mark.parametrize("given", ["", "a" * 65, "zły id", "x\r\nSet-Cookie: a=b"])
def test_a_missing_or_odd_id_is_replaced_by_a_new_one(client, db, given):
    response = client.get("/healthz", headers={"X-Request-ID": given} if given else {})
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"] != given
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []
        self.addFilter(RequestIdFilter())
        self.setFormatter(JsonFormatter())

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


def test_log_lines_inside_a_request_carry_its_id(client, db, home_page):
    handler = Lines()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/nie-ma-takiej-strony/", headers={"X-Request-ID": "abc-123"})
    finally:
        logger.removeHandler(handler)
    [entry] = handler.lines
    assert entry["request_id"] == "abc-123"
    assert entry["status_code"] == 404
    assert (entry["method"], entry["path"]) == ("GET", "/nie-ma-takiej-strony/")
    assert json.loads(format_json("outside"))["request_id"] is None


def format_json(message, **kwargs):
    record = logging.LogRecord("portal.test", logging.WARNING, __file__, 1, message, None, None)
    for key, value in kwargs.items():
        setattr(record, key, value)
    RequestIdFilter().filter(record)
    return JsonFormatter().format(record)


def test_json_line_has_the_fields_extras_and_traceback():
    try:
        raise ValueError("zepsute")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "portal.test", logging.ERROR, __file__, 1, "Zadanie %s nie powiodło się", ("7",), exc_info
    )
    record.task_id = "7"
    record.request = object()  # not serialised
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["logger"] == "portal.test"
    assert entry["message"] == "Zadanie 7 nie powiodło się"
    assert entry["task_id"] == "7"
    assert "ValueError: zepsute" in entry["exception"]
    assert entry["time"].endswith("+00:00")
    assert "request" not in entry


def test_production_settings_log_json_lines_to_stdout():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "okienko.example.org",
    }
    env.pop("LOG_FORMAT", None)
    code = "import django, logging; django.setup(); logging.getLogger('portal').warning('próba')"
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout.strip().splitlines()[-1])
    assert entry["message"] == "próba" and entry["level"] == "WARNING"
