"""A meeting as an iCalendar event, with the portal's writer (cms_pages.ical)."""

from cms_pages.ical import CRLF, DEFAULT_DURATION, escape_text, fold, format_utc


def meeting_calendar(meeting, *, url: str, host: str, now) -> str:
    agenda = "\n".join(f"{i}. {item}" for i, item in enumerate(meeting.agenda_items, 1))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape_text(host)}//Okienko//PL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:cooperation-meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{format_utc(now)}",
        f"DTSTART:{format_utc(meeting.starts_at)}",
        f"DTEND:{format_utc(meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)}",
        f"SUMMARY:{escape_text(meeting.body.name)}",
        f"LOCATION:{escape_text(meeting.place)}",
        f"DESCRIPTION:{escape_text(agenda)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + CRLF for line in lines)
