"""A small, hand-written iCalendar (RFC 5545) writer for events.

Times are written in UTC ("...Z"), which every calendar client converts to the
reader's zone, so no VTIMEZONE block is needed. Text values are escaped (backslash,
semicolon, comma, newline) and content lines are folded at 75 octets with CRLF.
"""

from datetime import UTC, datetime, timedelta

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
DEFAULT_DURATION = timedelta(hours=1)


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a UTF-8 character."""
    out = []
    current = b""
    limit = MAX_LINE_OCTETS
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
            limit = MAX_LINE_OCTETS - 1  # continuation lines start with one space
        current += encoded
    out.append(current.decode("utf-8"))
    return (CRLF + " ").join(out)


def format_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, *, host: str, url: str, now: datetime) -> list[str]:
    end = event.end or event.start + DEFAULT_DURATION
    location = ", ".join(part for part in (event.place, event.address) if part)
    description_parts = [event.lead, event.registration_info]
    if event.registration_url:
        description_parts.append(event.registration_url)
    description = "\n\n".join(part for part in description_parts if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{format_utc(now)}",
        f"DTSTART:{format_utc(event.start)}",
        f"DTEND:{format_utc(end)}",
        f"SUMMARY:{escape_text(event.title)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"URL:{url}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{format_utc(event.last_published_at)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events_with_urls, *, host: str, name: str, now: datetime) -> str:
    """A VCALENDAR document for (event, absolute_url) pairs, CRLF line endings, folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape_text(host)}//Okienko//PL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event, url in events_with_urls:
        lines.extend(event_lines(event, host=host, url=url, now=now))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
