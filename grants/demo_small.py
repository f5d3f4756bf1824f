"""Demo of small grants and formal corrections: small grant offers waiting for
publication, in the comment week with comments, and decided (the week over, comments
considered); an offer of the demo call waiting for corrections.

Built through the services an official uses (publishing, the call for corrections);
the e-mails are marked as sent, so seeding mails nobody. Organisations, people and
places are invented.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import Role
from consultations import services as consultation_services
from consultations.factories import CommentFactory
from consultations.models import Clause

from .factories import complete_offer
from .models import CallTerms, FormalCorrection, Offer, OfferStatus, SmallGrantPublication
from .services import corrections, small
from .services.audit import record
from .small_factories import complete_small_offer

DAY = datetime.timedelta(days=1)


def _open_week(ctx, city, organisation, official, users):
    offer = complete_small_offer(
        municipality=city,
        organisation=organisation,
        status="submitted",
        title="Sąsiedzkie warsztaty rowerowe na Winnicy",
        description=(
            "Cztery soboty warsztatów naprawy rowerów dla dzieci i dorosłych na placu przy "
            "ul. Lipowej; rowery naprawione na warsztatach trafią do świetlicy osiedlowej."
        ),
        lines=8,
        start=ctx.now.date() + 20 * DAY,
    )
    small.publish_for_comments(offer=offer, user=official, now=ctx.now - 2 * DAY)
    page = SmallGrantPublication.objects.get(offer=offer).consultation
    costs = Clause.objects.get(version__consultation=page, anchor="czesc-v")
    consultation_services.post_comment(
        consultation=page,
        user=users[Role.RESIDENT],
        clause=costs,
        text=consultation_services.CommentText(
            comment="Czy koszt narzędzi obejmuje stojak naprawczy, który zostanie na osiedlu?"
        ),
    )
    consultation_services.post_comment(
        consultation=page,
        user=users[Role.NGO_REPRESENTATIVE],
        text=consultation_services.CommentText(
            comment="Dobry pomysł; chętnie pomożemy w promocji warsztatów w szkole.",
        ),
    )
    return offer


def _decided(ctx, city, organisation, official, users):
    offer = complete_small_offer(
        municipality=city,
        organisation=organisation,
        status="submitted",
        title="Piknik historyczny w Parku Tysiąclecia",
        lines=10,
        start=ctx.now.date() - 10 * DAY,
    )
    published = ctx.now - 20 * DAY
    small.publish_for_comments(offer=offer, user=official, now=published)
    page = SmallGrantPublication.objects.get(offer=offer).consultation
    CommentFactory(
        clause=Clause.objects.get(version__consultation=page, anchor="czesc-iii"),
        user=users[Role.RESIDENT],
        comment="Prośba o stoisko z informacją o historii parku.",
        submit_date=published + 2 * DAY,
    )
    # The decision as decide_small records it; the e-mail counts as sent.
    decided = published + 8 * DAY
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.GRANTED,
        granted_amount=Decimal("8000.00"),
        decided_at=decided,
        applicant_notified_at=decided,
    )
    record("small_grant_granted", actor=official, offer=offer)
    consultation_services.touch(page)
    return offer


def _waiting_for_publication(ctx, city, organisation):
    return complete_small_offer(
        municipality=city,
        organisation=organisation,
        status="submitted",
        title="Bajki na dobranoc w bibliotece na Jędrzychowie",
        lines=3,
        start=ctx.now.date() + 30 * DAY,
    )


def _waiting_for_corrections(ctx, call, organisation, official):
    CallTerms.objects.filter(call=call).update(corrections_allowed_days=7)
    offer = complete_offer(
        call=call,
        organisation=organisation,
        status=OfferStatus.FORMALLY_REJECTED,
        title="Koncerty kameralne w Palmiarni",
        declared_personal_data=False,
        formal_note="Brak oświadczenia o zgodzie osób na przetwarzanie danych osobowych.",
        submitted_at=ctx.now - 4 * DAY,
    )
    correction = corrections.request_corrections(
        offer=offer,
        user=official,
        items=["declarations"],
        note="Proszę zaznaczyć oświadczenie o zgodzie na przetwarzanie danych osobowych.",
        now=ctx.now - DAY,
    )
    FormalCorrection.objects.filter(pk=correction.pk).update(notified_at=timezone.now())
    return offer


def seed(ctx, call) -> None:
    users = ctx.shared["users"]
    organisations = ctx.shared["organisations"]
    city = ctx.shared.get("municipalities", {}).get("city")
    if city is None:
        return
    official = users[Role.OFFICIAL]
    _open_week(ctx, city, organisations[1 % len(organisations)], official, users)
    _decided(ctx, city, organisations[1 % len(organisations)], official, users)
    _waiting_for_publication(ctx, city, organisations[2 % len(organisations)])
    _waiting_for_corrections(ctx, call, organisations[0], official)
    ctx.say(
        "Grants: small grant offers waiting for publication, in the comment week (with two "
        "comments) and decided; an offer of the call waiting for corrections."
    )
