"""The standard topics: the kinds of content alerts go to, and the public-benefit areas.

The slugs are the ones alerts.ALERT_TYPES names ("news" is fed by issues only), so a
municipality (or the region) with these topics gets alerts about its pages at once.
"""

from django.db import transaction

from .models import Topic

CONTENT_TOPICS = [
    ("news", "Aktualności", "Najważniejsze wiadomości z portalu i urzędu."),
    ("consultations", "Nowe konsultacje", "Gdy rusza konsultacja i na 3 dni przed jej końcem."),
    ("consultation-reports", "Raporty z konsultacji", "Gdy opublikujemy raport z konsultacji."),
    (
        "calls",
        "Otwarte konkursy ofert",
        "Nowe konkursy i przypomnienie o terminie składania ofert.",
    ),
    (
        "events",
        "Wydarzenia i szkolenia",
        "Spotkania, szkolenia i wydarzenia dla mieszkańców i NGO.",
    ),
]

# Codes of accounts.models.PublicBenefitArea (kept in step with that enum).
AREA_TOPICS = [
    ("social", "Pomoc społeczna"),
    ("health", "Ochrona i promocja zdrowia"),
    ("disability", "Osoby z niepełnosprawnościami"),
    ("education", "Edukacja i wychowanie"),
    ("culture", "Kultura, sztuka i dziedzictwo"),
    ("sport", "Kultura fizyczna i sport"),
    ("ecology", "Ekologia i ochrona zwierząt"),
    ("seniors", "Seniorzy"),
    ("youth", "Dzieci i młodzież"),
    ("civic", "Aktywność obywatelska i demokracja lokalna"),
    ("safety", "Porządek i bezpieczeństwo publiczne"),
    ("tourism", "Turystyka i rekreacja"),
]


@transaction.atomic
def add_standard_topics(*, municipality=None, areas=False) -> int:
    """Give the municipality (None: the region) the content topics, and with `areas`
    the public-benefit area topics; topics it already has (by slug) are left as they
    are, so running it again adds nothing. Returns how many were added."""
    wanted = [
        (slug, {"name": name, "description": text, "kind": Topic.Kind.CONTENT, "sort_order": i})
        for i, (slug, name, text) in enumerate(CONTENT_TOPICS)
    ]
    if areas:
        wanted += [
            (f"area-{code}", {"name": name, "kind": Topic.Kind.AREA, "area": code, "sort_order": i})
            for i, (code, name) in enumerate(AREA_TOPICS)
        ]
    added = 0
    for slug, defaults in wanted:
        _topic, created = Topic.objects.get_or_create(
            municipality=municipality, slug=slug, defaults=defaults
        )
        added += created
    return added
