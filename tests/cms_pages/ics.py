"""A strict little iCalendar reader for tests: unfolds, splits, unescapes (RFC 5545)."""

import re

TEXT_UNESCAPES = {"\\\\": "\\", "\\;": ";", "\\,": ",", "\\n": "\n", "\\N": "\n"}


def unescape(value: str) -> str:
    return re.sub(r"\\[\\;,nN]", lambda m: TEXT_UNESCAPES[m.group(0)], value)


def parse(data: bytes) -> list[dict]:
    """Return the VEVENTs as dicts; asserts the structural rules of the format."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "content lines end with CRLF"
    assert "\n" not in text.replace("\r\n", ""), "no bare LF"
    for physical in text.split("\r\n")[:-1]:
        assert len(physical.encode("utf-8")) <= 75, f"line longer than 75 octets: {physical!r}"
    lines = text.replace("\r\n ", "").split("\r\n")[:-1]  # unfold
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name.split(";")[0]] = value
    return events
