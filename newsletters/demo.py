"""Demo newsletter data: topics for the region and each municipality, confirmed
subscribers (example.org) of the city, Lipowa Dolina, the powiat and the region, one
sent issue of the city, and drafts of the city, Lipowa Dolina and the region.

Topics are added with get-or-create, so seeding again adds none twice.
"""

from datetime import timedelta

from django.utils import timezone

from municipalities.models import Municipality

from . import services
from .factories import IssueFactory, SubscriberFactory
from .models import AlertLog, ConsentRecord, Delivery, IssueItem, MailingStatus, Topic
from .standard_topics import add_standard_topics

CITY = "city"  # the city's path is only known at seeding time
# (address, whose topics: CITY, a municipality's path or None for the region, slugs)
READERS = [
    ("anna.krawczyk", CITY, ["news", "consultations", "area-culture"]),
    ("piotr.zielinski", CITY, ["calls", "events", "area-sport"]),
    ("ewa.maj", CITY, ["news", "consultation-reports"]),
    ("stowarzyszenie.lipowa", CITY, ["calls", "area-social", "area-seniors"]),
    ("jan.sadowski", CITY, ["events", "area-youth"]),
    ("teatr.podlipami", CITY, ["calls", "area-culture", "events"]),
    ("maria.lis", CITY, ["news", "consultations", "consultation-reports", "calls", "events"]),
    ("halina.wierzbicka", "lipowa-dolina", ["news", "consultations", "events"]),
    ("kgw.lipowa", "lipowa-dolina", ["calls", "events"]),
    ("agnieszka.buk", "powiat-zielonogrodzki", ["news", "calls"]),
    ("tomasz.grabowski", None, ["calls", "consultations", "area-seniors"]),
    ("fundacja.doliny", None, ["calls", "area-ecology", "events"]),
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
    city = ctx.shared.get("municipalities", {}).get("city")
    added = _topics()
    subscribers = _readers(ctx, city)

    resident = ctx.shared.get("users", {}).get("Resident")
    if resident:
        services.subscribe_user(user=resident, topics=_topics_of(city, ["news", "events"]))

    pages = _sent_issue(city, now)
    _drafts(city)
    ctx.say(
        f"Newsletters: {added} topics added (region and municipalities), "
        f"{len(subscribers) + bool(resident)} confirmed subscribers, "
        f"1 sent issue ({len(pages) or 1} items) in the archive, 3 drafts."
    )


def _topics() -> int:
    """Regional topics once there is an operator; the content topics for every
    municipality (the city keeps the ones it had)."""
    added = 0
    if Municipality.objects.filter(kind="association").exists():
        added += add_standard_topics(municipality=None, areas=True)
    for municipality in Municipality.objects.local():
        added += add_standard_topics(municipality=municipality)
    return added


def _topics_of(owner, slugs) -> list[Topic]:
    return list(Topic.objects.filter(municipality=owner, slug__in=slugs))


def _readers(ctx, city) -> list:
    owners = {m.slug: m for m in Municipality.objects.local()}
    subscribers = []
    for i, (name, owner_path, slugs) in enumerate(READERS):
        owner = city if owner_path == CITY else owners.get(owner_path)
        if owner_path is not None and owner is None:
            continue  # that municipality is not in this demo
        topics = _topics_of(owner, slugs)
        if owner_path == CITY:
            extra = ctx.rng.sample(["area-ecology", "area-health", "area-civic"], k=1)
            topics += _topics_of(owner, extra)
        subscriber = SubscriberFactory(
            email=f"{name}@example.org",
            topics=topics,
            confirmed_at=ctx.now - timedelta(days=40 - i),
            consent=False,
        )
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.CONFIRMED,
            text=services.consent_text(),
            source=ctx.rng.choice([services.SOURCE_SIGNUP_FORM, services.SOURCE_HOME_PAGE]),
            topics=services.topic_keys(topics),
        )
        subscribers.append(subscriber)
    return subscribers


def _sent_issue(city, now) -> list:
    sent = IssueFactory(
        subject="Biuletyn Okienka – listopad 2026",
        intro=ISSUE_INTRO,
        municipality=city,
        topics=_topics_of(city, ["news", "calls", "events"]),
    )
    pages = _recent_pages(city, limit=4)
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
    return pages


def _drafts(city) -> None:
    IssueFactory(
        subject="Biuletyn Okienka – grudzień 2026 (szkic)",
        intro="Dzień dobry!\n\nTu redakcja dopisze wstęp do grudniowego numeru.",
        municipality=city,
        topics=_topics_of(city, ["news"]),
    )
    lipowa = Municipality.objects.filter(slug="lipowa-dolina").first()
    if lipowa is not None:
        IssueFactory(
            subject="Wieści z Lipowej Doliny – grudzień 2026 (szkic)",
            intro="Dzień dobry!\n\nCo słychać w gminie: konkurs dla seniorów i spotkanie z NGO.",
            municipality=lipowa,
            topics=_topics_of(lipowa, ["news"]),
        )
    if Topic.objects.regional().exists():
        IssueFactory(
            subject="Dolina Lipki – przegląd regionu (szkic)",
            intro="Dzień dobry!\n\nKonsultacje i konkursy ze wszystkich gmin Doliny Lipki.",
            municipality=None,
            topics=_topics_of(None, ["news", "calls"]),
        )


def _recent_pages(city, limit):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    try:
        news_type = ContentType.objects.get(app_label="cms_pages", model="newspage")
    except ContentType.DoesNotExist:
        return []
    pages = Page.objects.live().filter(
        content_type=news_type, last_published_at__lte=timezone.now()
    )
    if city is not None:
        pages = pages.filter(path__startswith=city.home_page.path)
    return list(pages.order_by("-first_published_at", "pk")[:limit])
