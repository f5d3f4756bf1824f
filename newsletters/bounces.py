"""Bounce reports (delivery status notifications, RFC 3464) that arrive after sending.

A mail server that accepted a message may fail to deliver it later and send a report
back to the sender address. `manage.py process_bounces` reads such reports (a Maildir,
an mbox file, single message files or standard input) and hands every permanent
failure (Action: failed, Status: 5.x.x) to services.record_bounce.

A report is trusted only when it quotes the Message-ID of our original message: that
id carries the subscriber's random key (see MailingRenderer.headers_for), so a forged
report that merely names an address cannot take it off the list. Reports without it,
delays (4.x.x) and auto-replies are ignored.
"""

import email
import email.policy
import re
from dataclasses import dataclass

# <issue-12.<32 hex digits>@host> or <alert-7.…@host>, as built by MailingRenderer.
OUR_MESSAGE_ID = re.compile(r"<(issue|alert)-(\d+)\.([0-9a-f]{32})@[^>\s]+>")
HEADER_PARTS = {"message/rfc822", "text/rfc822-headers", "message/rfc822-headers"}


@dataclass(frozen=True)
class Bounce:
    kind: str  # "issue" or "alert"
    mailing_id: int
    subscriber_key: str  # hex of Subscriber.key
    recipient: str
    status: str
    diagnostic: str

    @property
    def reason(self) -> str:
        return f"bounce {self.status}: {self.diagnostic or self.recipient}"[:255]


def _address(value: str) -> str:
    """'rfc822; ania@example.org' -> 'ania@example.org'."""
    return value.split(";", 1)[-1].strip() if value else ""


def _original_message_id(report) -> str:
    for part in report.iter_parts():
        content_type = part.get_content_type()
        if content_type not in HEADER_PARTS:
            continue
        if content_type == "message/rfc822":
            payload = part.get_payload()
            original = payload[0] if isinstance(payload, list) and payload else None
            headers = original.get("Message-ID", "") if original is not None else ""
        else:
            headers = part.get_content()
            if isinstance(headers, bytes):
                headers = headers.decode("ascii", "replace")
            headers = email.message_from_string(headers).get("Message-ID", "")
        if headers:
            return str(headers)
    return ""


def parse_report(raw: bytes) -> list[Bounce]:
    """The permanent failures in one delivery status notification about our mail."""
    report = email.message_from_bytes(raw, policy=email.policy.default)
    if report.get_content_type() != "multipart/report":
        return []
    match = OUR_MESSAGE_ID.search(_original_message_id(report))
    if not match:
        return []
    kind, mailing_id, key = match.group(1), int(match.group(2)), match.group(3)
    bounces = []
    for part in report.iter_parts():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        # The first block describes the report; each further block is one recipient.
        for block in blocks[1:] if isinstance(blocks, list) else []:
            action = (block.get("Action") or "").strip().lower()
            status = (block.get("Status") or "").strip()
            if action != "failed" or not status.startswith("5."):
                continue
            bounces.append(
                Bounce(
                    kind=kind,
                    mailing_id=mailing_id,
                    subscriber_key=key,
                    recipient=_address(
                        block.get("Original-Recipient") or block.get("Final-Recipient") or ""
                    ),
                    status=status,
                    diagnostic=" ".join(str(block.get("Diagnostic-Code") or "").split()),
                )
            )
    return bounces
