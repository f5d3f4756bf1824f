"""Consultation pages for anonymous visitors, from Django's cache framework.

A consultation page with 2,000 comments is over a megabyte of HTML. Anonymous visitors
all get the same page (it carries no per-visitor token), so the finished response is
kept in the "pages" cache under a key made of everything that changes it: the page row
as Wagtail routed it this request (comment stamp, publication, phase, days left), the
language, and the site's content generation (bumped when any page, menu or site setting
changes). A stale entry can never match, so every worker shows a change at once.

Responses carry an ETag and `Cache-Control: public, no-cache`: a reverse proxy may keep
the page and must ask again, and the answer to its conditional request is a cheap 304.
Signed-in visitors get `private` pages (their header differs) built from the cached act.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from .models import ConsultationPage

GENERATION_KEY = "consultations:site-generation"
PAGE_CACHE_SECONDS = 10 * 60


def touch(consultation) -> None:
    """Mark what the public page shows under the act as changed: the stamp is part of
    the page's cache keys (views.render_act, ConsultationPage.serve)."""
    pk = consultation.pk if hasattr(consultation, "pk") else consultation
    now = timezone.now()
    ConsultationPage.objects.filter(pk=pk).update(comments_changed_at=now)
    if hasattr(consultation, "comments_changed_at"):
        consultation.comments_changed_at = now


def site_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_site_generation(**kwargs) -> None:
    """Receiver: content shown around a consultation (menu, footer, titles) changed."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates
        cache.set(GENERATION_KEY, int(timezone.now().timestamp()), timeout=None)


def bump_on_settings_saved(sender, instance, **kwargs) -> None:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if isinstance(instance, BaseGenericSetting | BaseSiteSetting):
        bump_site_generation()


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def page_key(page, now=None) -> str:
    """Everything the anonymous page depends on, hashed."""
    now = now or timezone.now()
    parts = (
        page.pk,
        *page.state_stamps,
        page.phase_at(now),
        page.days_left_at(now),
        translation.get_language(),
        site_generation(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def serve_cached(page, request, serve):
    """page.serve() for an anonymous GET from the cache, or `serve()` stored there."""
    if not _cacheable_request(request):
        response = serve()
        patch_cache_control(response, private=True, no_cache=True)
        return response
    key = page_key(page)
    etag = f'"{key}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = caches["pages"].get(f"consultations:page:{key}")
        if response is None:
            response = serve()
            if hasattr(response, "render"):
                response.render()
            if response.status_code == 200 and not response.cookies:
                caches["pages"].set(f"consultations:page:{key}", response, PAGE_CACHE_SECONDS)
    response["ETag"] = etag
    patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response
