"""Whole-page cache of consultation pages for anonymous visitors.

A consultation page with 2,000 comments is about a megabyte of HTML. Rendering it
(even from the cached act fragment) and routing through Wagtail costs more than the
rest of the request, so anonymous visitors get the finished bytes from the cache
after one cheap validity query: the stored page is served only while the page's
comment stamp, publication time, phase and "days left" are unchanged (so it works
with per-process caches too, where deleting a key would not reach other workers).
The validity row is remembered in the process for CONSULTATIONS_PAGE_VALIDITY_SECONDS
(default 1 s; 0 = ask every time): a change made through another worker reaches an
anonymous visitor at most that much later; one made in this worker, at once.

The only per-visitor part of an anonymous page is the CSRF token of the language
switch form (in the header); it is stored as a placeholder and filled with the
visitor's token. Visitors with a session cookie (logged in) or pending messages get
the normal page.

Compression: browsers accept gzip, and a megabyte of comments compresses about tenfold.
The part after the last token (nearly all of the page) is deflated once, when stored;
per request only the small head with the visitor's token is deflated and ended with a
sync flush (byte-aligned, not final), so the two raw deflate streams concatenate into
one valid stream inside a gzip member.
"""

from __future__ import annotations

import re
import struct
import time
import zlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

CACHE_SECONDS = 60
PLACEHOLDER = b"__CSRF_TOKEN_PLACEHOLDER__"
_TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]+)(")')
REQUEST_ATTRIBUTE = "_consultation_page_validity"


def validity(
    *,
    pk,
    comments_changed_at,
    last_published_at,
    live,
    start_at,
    end_at,
    report_published_at,
    now=None,
):
    """What must be unchanged for a stored page to be served again."""
    from .models import ConsultationPage, Phase

    now = now or timezone.now()
    page = ConsultationPage(
        start_at=start_at, end_at=end_at, report_published_at=report_published_at
    )
    phase = page.phase_at(now)
    days_left = (end_at - now).days if phase == Phase.OPEN else None
    return (pk, comments_changed_at, last_published_at, live, phase, days_left)


def validity_of_page(page, now=None):
    return validity(
        pk=page.pk,
        comments_changed_at=page.comments_changed_at,
        last_published_at=page.last_published_at,
        live=page.live,
        start_at=page.start_at,
        end_at=page.end_at,
        report_published_at=page.report_published_at,
        now=now,
    )


# Validity rows read in this process: {page id: (monotonic expiry, validity)}. Within
# VALIDITY_SECONDS a stored page is served without a query. services.touch() forgets the
# row here, so this process shows a change at once; other workers within a second.
_recent: dict[int, tuple[float, tuple]] = {}


def forget(page_id) -> None:
    _recent.pop(page_id, None)


def current_validity(page_id):
    seconds = getattr(settings, "CONSULTATIONS_PAGE_VALIDITY_SECONDS", 1)
    now = time.monotonic()
    recent = _recent.get(page_id)
    if recent is not None and recent[0] > now:
        return recent[1]
    result = _read_validity(page_id)
    if seconds and result is not None:
        _recent[page_id] = (now + seconds, result)
    return result


def _read_validity(page_id):
    from .models import ConsultationPage

    row = (
        ConsultationPage.objects.filter(pk=page_id)
        .values(
            "pk",
            "comments_changed_at",
            "last_published_at",
            "live",
            "start_at",
            "end_at",
            "report_published_at",
        )
        .first()
    )
    return validity(**row) if row else None


def mark_cacheable(request, page):
    """Called by the page view: this response may be stored for anonymous visitors."""
    setattr(request, REQUEST_ATTRIBUTE, validity_of_page(page))


def _eligible(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


class AnonymousConsultationPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = f"consultations:page:{translation.get_language()}:{request.path}"
        entry = caches["pages"].get(key)
        if entry is not None and current_validity(entry.page_id) == entry.validity:
            return entry.respond(request)
        response = self.get_response(request)
        stored_validity = getattr(request, REQUEST_ATTRIBUTE, None)
        if (
            stored_validity is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies.get("messages")
        ):
            body = _TOKEN_FIELD.sub(rb"\1" + PLACEHOLDER + rb"\3", response.content)
            entry = StoredPage(stored_validity, body, response["Content-Type"])
            caches["pages"].set(key, entry, CACHE_SECONDS)
        return response


_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no mtime, OS unknown


def _crc32_shift_table(length: int) -> list[int]:
    """The linear map L with crc32(a + b) == L(crc32(a)) ^ crc32(b) for len(b) == length.

    crc32(b, start) is affine in `start` and its linear part depends only on len(b), so
    L(c) = crc32(zeros, c) ^ crc32(zeros, 0); the table holds L of each of the 32 bits.
    """
    zeros = bytes(length)
    base = zlib.crc32(zeros, 0)
    return [zlib.crc32(zeros, 1 << bit) ^ base for bit in range(32)]


class StoredPage:
    """A finished page: a head holding the token placeholders, and a pre-deflated tail."""

    def __init__(self, validity, body: bytes, content_type: str):
        self.validity = validity
        self.page_id = validity[0]
        self.content_type = content_type
        cut = body.rfind(PLACEHOLDER)
        cut = 0 if cut < 0 else cut + len(PLACEHOLDER)
        self.head, self.tail = body[:cut], body[cut:]
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.tail_deflated = compressor.compress(self.tail) + compressor.flush(zlib.Z_FINISH)
        self.tail_crc = zlib.crc32(self.tail)
        self.tail_shift = _crc32_shift_table(len(self.tail))

    def crc32(self, head: bytes) -> int:
        """crc32(head + tail) without reading the tail again (it is a megabyte)."""
        shifted, crc, bit = 0, zlib.crc32(head), 0
        while crc:
            if crc & 1:
                shifted ^= self.tail_shift[bit]
            crc >>= 1
            bit += 1
        return shifted ^ self.tail_crc

    def respond(self, request) -> HttpResponse:
        token = get_token(request).encode()
        head = self.head.replace(PLACEHOLDER, token)
        if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            deflated_head = compressor.compress(head) + compressor.flush(zlib.Z_SYNC_FLUSH)
            crc = self.crc32(head)
            size = (len(head) + len(self.tail)) & 0xFFFFFFFF
            content = b"".join(
                (_GZIP_HEADER, deflated_head, self.tail_deflated, struct.pack("<II", crc, size))
            )
            response = HttpResponse(content, content_type=self.content_type)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(head + self.tail, content_type=self.content_type)
        response["Vary"] = "Accept-Encoding, Cookie, Accept-Language"
        response["X-Consultation-Cache"] = "hit"
        return response
