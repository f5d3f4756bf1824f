"""Demo newsletter data: a few confirmed subscribers (example.org), one sent issue, one draft."""

from datetime import timedelta

from django.utils import timezone

from . import services
from .factories import IssueFactory, SubscriberFactory
from .models import AlertLog, ConsentRecord, Delivery, IssueItem, MailingStatus, Topic

READERS = [
    ("anna.krawczyk", ["news", "consultations", "area-culture"]),
    ("piotr.zielinski", ["calls", "events", "area-sport"]),
    ("ewa.maj", ["news", "consultation-reports"]),
    ("stowarzyszenie.lipowa", ["calls", "area-social", "area-seniors"]),
    ("jan.sadowski", ["events", "area-youth"]),
    ("teatr.podlipami", ["calls", "area-culture", "events"]),
    ("maria.lis", ["news", "consultations", "consultation-reports", "calls", "events"]),
]

ISSUE_INTRO = (
    "Dzień dobry!\n\n"
    "W listopadowym numerze: nowe konkursy ofert, szkolenia dla organizacji i konsultacje "
    "projektu programu współpracy na przyszły rok. Zapraszamy do lektury."
)


def seed(ctx):
    now = ctx.now
    # Alerts raised while other seeders published pages describe "old news": mark them sent
    # so that starting the worker does not mail the demo readers about every demo page.
    AlertLog.objects.filter(status=MailingStatus.SENDING).update(
        status=MailingStatus.SENT, sent_at=now, recipients_prepared_at=now
    )

    subscribers = []
    for i, (name, slugs) in enumerate(READERS):
        extra = ctx.rng.sample(["area-ecology", "area-health", "area-civic"], k=1)
        subscriber = SubscriberFactory(
            email=f"{name}@example.org",
            topics=[*slugs, *extra],
            confirmed_at=now - timedelta(days=40 - i),
            consent=False,
        )
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.CONFIRMED,
            text=services.consent_text(),
            source=ctx.rng.choice([services.SOURCE_SIGNUP_FORM, services.SOURCE_HOME_PAGE]),
            topics=sorted(subscriber.topics.values_list("slug", flat=True)),
        )
        subscribers.append(subscriber)

    resident = ctx.shared.get("users", {}).get("Resident")
    if resident:
        services.subscribe_user(
            user=resident, topics=list(Topic.objects.filter(slug__in=["news", "events"]))
        )

    sent = IssueFactory(
        subject="Biuletyn Okienka – listopad 2026",
        intro=ISSUE_INTRO,
        topics=["news", "calls", "events"],
    )
    pages = _recent_pages(limit=4)
    for order, page in enumerate(pages):
        IssueItem.objects.create(issue=sent, page=page, sort_order=order)
    if not pages:
        IssueItem.objects.create(
            issue=sent,
            title="Ruszył nabór do Zielonogrodzkiej Rady Działalności Pożytku Publicznego",
            summary="Organizacje mogą zgłaszać kandydatów do 15 grudnia.",
            sort_order=0,
        )
    services.prepare_deliveries(sent)
    sent_at = now - timedelta(days=7)
    Delivery.objects.filter(issue=sent).update(
        status=Delivery.Status.SENT, sent_at=sent_at, attempts=1
    )
    type(sent).objects.filter(pk=sent.pk).update(
        status=MailingStatus.SENT, sending_started_at=sent_at, sent_at=sent_at
    )

    IssueFactory(
        subject="Biuletyn Okienka – grudzień 2026 (szkic)",
        intro="Dzień dobry!\n\nTu redakcja dopisze wstęp do grudniowego numeru.",
        topics=["news"],
    )
    ctx.say(
        f"Newsletters: {len(subscribers) + bool(resident)} confirmed subscribers, "
        f"1 sent issue ({len(pages) or 1} items) in the archive, 1 draft."
    )


def _recent_pages(limit):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    try:
        news_type = ContentType.objects.get(app_label="cms_pages", model="newspage")
    except ContentType.DoesNotExist:
        return []
    return list(
        Page.objects.live()
        .filter(content_type=news_type, last_published_at__lte=timezone.now())
        .order_by("-first_published_at", "pk")[:limit]
    )
