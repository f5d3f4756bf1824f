"""Automatic alerts: which page types notify which topic, and when.

Integrating a page type is one entry in ALERT_TYPES, keyed by its model label. The
entry names the topic for each alert kind and how to read the page's dates; readers
are attribute names (dotted paths allowed) or callables, so page models need no
mixin and no import of this app. A label whose model does not exist is ignored.

Two triggers feed the same rules:
- Wagtail's `page_published` signal (opened, report published, announced);
- `manage.py send_due_alerts`, run every few minutes, which also catches dates that
  pass without a publish (a consultation opening at 9:00, a deadline in 3 days).
AlertLog's unique (kind, page_id) makes every alert go out exactly once.

Which topics a page feeds is `topics_for_page`: those of the municipality whose window
holds the page, and the regional ones.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from . import conf
from .models import AlertLog, Topic

logger = logging.getLogger(__name__)

OPENED = AlertLog.Kind.OPENED
CLOSING = AlertLog.Kind.CLOSING
REPORT = AlertLog.Kind.REPORT
ANNOUNCED = AlertLog.Kind.ANNOUNCED

Reader = str | Callable[[Any], Any] | None


@dataclass(frozen=True)
class AlertType:
    """How one page type raises alerts.

    topics: alert kind → topic slug (the kinds this type raises).
    start / deadline: when it opens / closes (date or datetime; a date deadline
      means the end of that day).
    is_open: optional override of "open" (e.g. a status field equal to "open").
    report_published: truthy once the report is out.
    areas: public-benefit area codes; their area topics are notified too.
    """

    topics: dict[str, str]
    start: Reader = None
    deadline: Reader = None
    is_open: Reader = None
    report_published: Reader = None
    areas: Reader = None
    summary: Reader = "search_description"
    extra: dict = field(default_factory=dict)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.topics)


def _report_is_out(page) -> bool:
    published = getattr(page, "report_published_at", None)
    return bool(published and published <= timezone.now())


ALERT_TYPES: dict[str, AlertType] = {
    "consultations.consultationpage": AlertType(
        topics={OPENED: "consultations", CLOSING: "consultations", REPORT: "consultation-reports"},
        start="start_at",
        deadline="end_at",
        report_published=_report_is_out,
        summary="lead",
    ),
    "cms_pages.callforproposalspage": AlertType(
        topics={OPENED: "calls", CLOSING: "calls"},
        deadline="offer_deadline",
        # Announced or open, deadline ahead (CallForProposalsPage.accepts_offers()).
        is_open="accepts_offers",
        areas="task_area",
        summary="lead",
    ),
    "cms_pages.eventpage": AlertType(
        topics={ANNOUNCED: "events"},
        start="start",
        summary="lead",
    ),
}


# --- Pure functions ------------------------------------------------------------


def read(page, reader: Reader):
    """Value of a reader on a page: a dotted attribute path or a callable; None if absent."""
    if reader is None:
        return None
    if callable(reader):
        return reader(page)
    value = page
    for part in reader.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value() if callable(value) and not hasattr(value, "all") else value


def as_datetime(value, *, end_of_day=False):
    """Dates become aware datetimes in the portal's zone (start or end of the day)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, datetime.date):
        moment = datetime.time.max if end_of_day else datetime.time.min
        return timezone.make_aware(datetime.datetime.combine(value, moment))
    return None


def window(page, spec: AlertType):
    return (
        as_datetime(read(page, spec.start)),
        as_datetime(read(page, spec.deadline), end_of_day=True),
    )


def is_open(page, spec: AlertType, now) -> bool:
    start, deadline = window(page, spec)
    if spec.is_open is not None and not read(page, spec.is_open):
        return False
    if start and start > now:
        return False
    return not (deadline and deadline <= now)


def due_kinds(page, spec: AlertType, now, *, days_before=None) -> list[str]:
    """Alert kinds that should have gone out for this page by `now` (ignoring the log)."""
    days_before = (
        conf.get("NEWSLETTER_ALERT_DAYS_BEFORE_DEADLINE") if days_before is None else (days_before)
    )
    start, deadline = window(page, spec)
    due = []
    if OPENED in spec.topics and is_open(page, spec, now):
        due.append(OPENED)
    if (
        CLOSING in spec.topics
        and deadline
        and is_open(page, spec, now)
        and deadline - datetime.timedelta(days=days_before) <= now < deadline
    ):
        due.append(CLOSING)
    if REPORT in spec.topics and read(page, spec.report_published):
        due.append(REPORT)
    if ANNOUNCED in spec.topics and not (start and start < now):
        due.append(ANNOUNCED)
    return due


def spec_for(page) -> AlertType | None:
    return ALERT_TYPES.get(page._meta.label_lower)


def area_codes(page, spec: AlertType) -> list[str]:
    value = read(page, spec.areas)
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if hasattr(value, "all"):
        value = value.all()
    return [str(getattr(v, "code", getattr(v, "slug", v))) for v in value]


def topics_for_page(page, kind: str | None = None, spec: AlertType | None = None):
    """The topics an alert about the page goes to (all the type's kinds when no kind).

    The topic named for the kind and the topics of the page's public-benefit areas,
    of two owners: the municipality whose window holds the page, and the region. A
    regional topic hears of every window's pages, as the regional page lists what is
    open across the municipalities; a page outside every local window (the operator's
    own pages) feeds regional topics only. Another municipality's topics never hear
    of it, whatever their slugs.
    """
    from municipalities.models import Municipality

    spec = spec or spec_for(page)
    if spec is None:
        return Topic.objects.none()
    kinds = [kind] if kind else list(spec.kinds)
    slugs = {spec.topics[k] for k in kinds} | {f"area-{code}" for code in area_codes(page, spec)}
    owners = Q(municipality__isnull=True)
    municipality = Municipality.objects.for_page(page)
    if municipality is not None and not municipality.is_regional_operator:
        owners |= Q(municipality=municipality)
    return Topic.objects.filter(owners, slug__in=slugs)


def subject_for(kind: str, title: str, deadline) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        if kind == OPENED:
            return gettext("Now open: %(title)s") % {"title": title}
        if kind == CLOSING:
            date = timezone.localtime(deadline).strftime("%d.%m.%Y") if deadline else ""
            return gettext("Closes on %(date)s: %(title)s") % {"date": date, "title": title}
        if kind == REPORT:
            return gettext("Report published: %(title)s") % {"title": title}
        return gettext("New event: %(title)s") % {"title": title}


# --- Raising alerts --------------------------------------------------------------


def raise_alert(page, kind: str, spec: AlertType | None = None) -> AlertLog | None:
    """Create the alert for (kind, page) and queue it; None if it already exists.

    Promise: exactly one AlertLog per (kind, page) ever, so a page published again, a
    second scan or two workers racing never send the same alert twice.
    """
    from .emails import page_url
    from .tasks import start_mailing

    spec = spec or spec_for(page)
    if AlertLog.objects.filter(kind=kind, page_id=page.pk).exists():
        return None
    _, deadline = window(page, spec)
    topics = list(topics_for_page(page, kind, spec))
    try:
        with transaction.atomic():
            alert = AlertLog.objects.create(
                kind=kind,
                page_id=page.pk,
                model_label=page._meta.label_lower,
                subject=subject_for(kind, page.title, deadline)[:200],
                title=page.title,
                url=page_url(page),
                summary=read(page, spec.summary) or "",
                deadline=deadline,
            )
            alert.topics.set(topics)
    except IntegrityError:
        return None
    transaction.on_commit(lambda: start_mailing.enqueue("alert", alert.pk))
    return alert


def alerts_on_publish(page, now=None) -> list[AlertLog]:
    """Alerts due when a page is published (the deadline reminder waits for the scan)."""
    spec = spec_for(page)
    if spec is None:
        return []
    now = now or timezone.now()
    raised = []
    for kind in due_kinds(page, spec, now):
        if kind == CLOSING:
            continue
        alert = raise_alert(page, kind, spec)
        if alert:
            raised.append(alert)
    return raised


def scan_due_alerts(now=None) -> list[AlertLog]:
    """Raise every alert that is due for live pages of the registered types."""
    now = now or timezone.now()
    raised = []
    for label, spec in ALERT_TYPES.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue  # that page type is not built (yet)
        done = set(AlertLog.objects.filter(model_label=label).values_list("kind", "page_id"))
        for page in model.objects.live().iterator():
            for kind in due_kinds(page, spec, now):
                if (kind, page.pk) in done:
                    continue
                alert = raise_alert(page, kind, spec)
                if alert:
                    raised.append(alert)
    return raised


def on_page_published(sender, instance, **kwargs):
    """Receiver for wagtail.signals.page_published (connected in AppConfig.ready)."""
    if spec_for(instance) is None:
        return
    try:
        alerts_on_publish(instance)
    except Exception:  # an alert must never break publishing
        logger.exception("Could not raise alerts for page %s", instance.pk)
