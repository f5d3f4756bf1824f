"""Demo: needs and offers on the partnership board, an answer and a report to moderate."""

import datetime

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Role

from .factories import PostFactory
from .models import AbuseReport, Answer, Direction, Post, PosterKind, PostKind

# (direction, kind, area, title, description, poster kind, days valid)
POSTS = [
    (
        Direction.NEED,
        PostKind.VOLUNTEERS,
        "seniors",
        "Szukamy wolontariuszy do zakupów dla seniorów",
        "Dwa razy w tygodniu, osiedle Łąkowe. Zapewniamy ubezpieczenie i szkolenie.",
        PosterKind.ORGANISATION,
        45,
    ),
    (
        Direction.NEED,
        PostKind.PREMISES,
        "culture",
        "Sala na próby chóru we wtorki wieczorem",
        "Potrzebujemy sali na 25 osób z pianinem, wtorki 18–20.",
        PosterKind.ORGANISATION,
        60,
    ),
    (
        Direction.OFFER,
        PostKind.KNOW_HOW,
        "ngo_support",
        "Pomożemy napisać wniosek o dotację",
        "Wydział Spraw Społecznych zaprasza na indywidualne konsultacje wniosków.",
        PosterKind.OFFICE,
        90,
    ),
    (
        Direction.OFFER,
        PostKind.EQUIPMENT,
        "communities",
        "Użyczymy namiotów i ławek na festyny sąsiedzkie",
        "Trzy namioty 3×6 m z ławkami, odbiór z magazynu przy ul. Polnej.",
        PosterKind.BUSINESS,
        30,
    ),
    (
        Direction.NEED,
        PostKind.PARTNER,
        "ecology",
        "Partner do projektu sadzenia drzew w szkołach",
        "Szukamy organizacji, która poprowadzi warsztaty przyrodnicze w pięciu szkołach.",
        PosterKind.OFFICE,
        20,
    ),
]


def seed(ctx):
    users = ctx.shared.get("users", {})
    organisations = ctx.shared.get("organisations", [])
    city = ctx.shared.get("municipalities", {}).get("city")
    if city is None or not users or not organisations:
        return
    ngo, official = users[Role.NGO_REPRESENTATIVE], users[Role.OFFICIAL]
    business = UserFactory(
        username="firma.dab",
        email="biuro@stolarnia-dab.example.pl",
        first_name="Marek",
        last_name="Dębowski",
        roles=[Role.RESIDENT],
    )
    today = timezone.localdate(ctx.now)
    made = []
    for direction, kind, area, title, description, poster_kind, days in POSTS:
        author = {
            PosterKind.ORGANISATION: ngo,
            PosterKind.OFFICE: official,
            PosterKind.BUSINESS: business,
        }[poster_kind]
        made.append(
            PostFactory(
                municipality=city,
                author=author,
                poster_kind=poster_kind,
                organisation=organisations[0] if poster_kind == PosterKind.ORGANISATION else None,
                poster_name={
                    PosterKind.OFFICE: "Wydział Spraw Społecznych",
                    PosterKind.BUSINESS: "Pracownia Stolarska Dąb sp. z o.o.",
                }.get(poster_kind, ""),
                direction=direction,
                kind=kind,
                area=area,
                title=title,
                description=description,
                contact=f"+48 68 555 0{len(made) + 1} 00",
                expires_on=today + datetime.timedelta(days=days),
                created_at=ctx.now - datetime.timedelta(days=len(made) + 1),
            )
        )
    # One that has expired (not listed) and one fulfilled.
    PostFactory(
        municipality=city,
        author=business,
        title="Oddamy regały biurowe",
        expires_on=today - datetime.timedelta(days=3),
    )
    PostFactory(
        municipality=city,
        author=business,
        title="Użyczymy rzutnika na spotkanie",
        status=Post.Status.FULFILLED,
    )
    Answer.objects.create(
        post=made[0],
        author=users[Role.RESIDENT],
        message="Dzień dobry, mogę pomagać w czwartki po 16. Pozdrawiam.",
    )
    AbuseReport.objects.create(
        post=made[3],
        reporter=users[Role.RESIDENT],
        reason="To wygląda na reklamę firmy, a nie na ofertę współpracy.",
    )
    ctx.say(f"Partnership board: {len(made) + 2} posts, 1 answer, 1 report to moderate.")
