"""Demo: a call under evaluation with twelve offers, one or more in every state, a
committee with declarations and scores, and granted and refused offers; and the results
of the resolved seniors' call, published (shown on the organisations' profiles)."""

import datetime
from decimal import Decimal

from accounts.models import Role
from cms_pages.factories import CallForProposalsPageFactory
from cms_pages.models import CallForProposalsPage, CallStatus

from . import demo_small
from .agreement_demo import seed_agreements
from .factories import complete_offer, terms_for
from .models import CallCriterion, CommitteeMember, Declaration, GrantEvent, OfferVersion, Score

STATES = [
    "draft",
    "draft",
    "submitted",
    "correction",
    "withdrawn",
    "formal_no",
    "formal_no",
    "accepted",
    "accepted",
    "granted",
    "granted",
    "refused",
]
TITLES = [
    "Letnie warsztaty teatralne dla dzieci",
    "Przegląd chórów parafialnych",
    "Festiwal kultury łużyckiej",
    "Cykl koncertów w bibliotece",
    "Warsztaty ceramiki dla seniorów",
    "Kino plenerowe na osiedlu",
    "Dni sąsiedzkie na Przylepie",
    "Wieczory poezji w kawiarni",
    "Muzyczne podwórka",
    "Spacery śladami winiarzy",
    "Murale na Starym Mieście",
    "Teatr cieni dla przedszkoli",
]


def seed(ctx) -> None:
    cms = ctx.shared.get("cms")
    organisations = ctx.shared.get("organisations")
    if not cms or not organisations:
        return
    official = ctx.shared["users"][Role.OFFICIAL]
    now = ctx.now
    year = (now + datetime.timedelta(days=60)).year
    call = CallForProposalsPageFactory(
        parent=cms["calls_index"],
        title=f"Otwarty konkurs ofert na zadania z zakresu kultury w {year} r.",
        lead="Wspieranie zadań publicznych z zakresu kultury, sztuki i ochrony dóbr kultury.",
        total_amount=Decimal("120000.00"),
        offer_deadline=now - datetime.timedelta(days=3),
        status=CallStatus.EVALUATION,
    )
    terms = terms_for(call, year=year)
    member = CommitteeMember.objects.create(call=call, user=official, kind="official")
    substantive = list(CallCriterion.objects.filter(terms=terms, kind="substantive"))
    for index, (state, title) in enumerate(zip(STATES, TITLES, strict=True)):
        organisation = organisations[index % len(organisations)]
        offer = complete_offer(
            call=call,
            organisation=organisation,
            status=state,
            lines=2 + index % 3,
            title=title,
        )
        if state != "draft":
            offer.submitted_at = now - datetime.timedelta(days=5, hours=index)
            OfferVersion.objects.create(
                offer=offer, number=1, submitted_at=offer.submitted_at, data={"title": title}
            )
        if state == "formal_no":
            offer.formal_note = "Brak podpisu osoby upoważnionej."
        if state in ("accepted", "granted", "refused"):
            Declaration.objects.create(member=member, offer=offer, no_conflict=True)
            Score.objects.bulk_create(
                Score(
                    member=member,
                    offer=offer,
                    criterion=c,
                    points=min(c.max_points, Decimal(ctx.rng.randint(2, 9))),
                )
                for c in substantive
            )
        if state == "granted":
            offer.granted_amount = offer.grant_requested
            offer.decided_at = now - datetime.timedelta(days=1)
        if state == "refused":
            offer.decision_reason = "Niska ocena merytoryczna."
            offer.decided_at = now - datetime.timedelta(days=1)
        offer.save()
        GrantEvent.objects.create(offer=offer, call=call, action=f"demo_{state}")
    resolved = _published_results(ctx, cms, organisations)
    ctx.say(
        f"Grants: a call under evaluation with {len(STATES)} offers in every state; "
        f"published results of the resolved call ({resolved} grants)."
    )
    seed_agreements(
        ctx,
        parent=cms["calls_index"],
        official=official,
        representative=ctx.shared["users"][Role.NGO_REPRESENTATIVE],
        organisation=organisations[0],
    )
    demo_small.seed(ctx, call)


# The resolved call's results text (cms_pages.demo) names these grants; 900 zł requested
# per cost line of complete_offer, so each grant stays within what was requested.
RESOLVED_GRANTS = [
    ("Stowarzyszenie Seniorzy w Akcji", "Akademia sprawnego seniora", 47, "42000.00"),
    ("Fundacja Zdrowie na Co Dzień", "Badania profilaktyczne w klubach seniora", 40, "35500.00"),
    ("Stowarzyszenie Pomocy Sąsiedzkiej „Razem”", "Sąsiedzkie zakupy i spacery", 32, "28000.00"),
]


def _published_results(ctx, cms, organisations) -> int:
    call = (
        CallForProposalsPage.objects.child_of(cms["calls_index"])
        .filter(status=CallStatus.RESOLVED)
        .order_by("path")
        .first()
    )
    if call is None:
        return 0
    published = call.offer_deadline + datetime.timedelta(days=20)
    terms = terms_for(call, year=published.year, max_grant=Decimal("50000.00"))
    terms.results_published_at = published
    terms.save(update_fields=["results_published_at"])
    by_name = {organisation.name: organisation for organisation in organisations}
    granted = 0
    for name, title, lines, amount in RESOLVED_GRANTS:
        if name not in by_name:
            continue
        offer = complete_offer(
            call=call, organisation=by_name[name], status="granted", lines=lines, title=title
        )
        offer.submitted_at = call.offer_deadline - datetime.timedelta(days=2)
        offer.granted_amount = Decimal(amount)
        offer.decided_at = published
        offer.applicant_notified_at = published
        offer.save()
        granted += 1
    refused = complete_offer(
        call=call,
        organisation=organisations[0],
        status="refused",
        title="Ogród sensoryczny przy domu seniora",
    )
    refused.submitted_at = call.offer_deadline - datetime.timedelta(days=1)
    refused.decision_reason = "Zadanie wykracza poza zakres konkursu."
    refused.decided_at = published
    refused.applicant_notified_at = published
    refused.save()
    return granted
