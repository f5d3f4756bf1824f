"""Demo: the demo NGO's proposals for the city's window, one in each state (waiting for
the editors, published by the workflow, rejected with a comment). Invented content."""

import datetime

from django.utils import timezone

from accounts.models import Role
from municipalities.services import home_municipality

from .models import Proposal
from .proposals import draft_in_review, section_index
from .rich_text import clean_rich_text

PROPOSALS = [
    (
        Proposal.Kind.NEWS,
        Proposal.Status.PENDING,
        "Wiosenne sadzenie drzew na osiedlu Przylep",
        "Z mieszkańcami posadzimy trzydzieści młodych lip wzdłuż ul. Kasztanowej.",
        "Zbieramy się w sobotę o 10:00 przy placu zabaw.\n\n"
        "Potrzebne będą <b>rękawice</b> i dobre buty; łopaty i sadzonki zapewniamy.",
        "",
    ),
    (
        Proposal.Kind.EVENT,
        Proposal.Status.PUBLISHED,
        "Warsztaty budowania budek lęgowych",
        "Rodzinne warsztaty: każdy zbuduje budkę dla sikor i zabierze ją do domu.",
        "Prowadzą wolontariusze Fundacji Zielony Skwer.",
        "",
    ),
    (
        Proposal.Kind.NEWS,
        Proposal.Status.REJECTED,
        "Podsumowanie zbiórki nakrętek",
        "Dziękujemy wszystkim, którzy przynieśli nakrętki.",
        "Zebraliśmy dużo nakrętek.",
        "Prosimy dopisać, ile zebrano i na co zostaną przeznaczone pieniądze; "
        "wtedy chętnie opublikujemy.",
    ),
]


def _data(kind, title, lead, body, now):
    data = {"title": title, "lead": lead, "body": clean_rich_text(body)}
    if kind == Proposal.Kind.EVENT:
        start = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
        start += datetime.timedelta(days=9)
        data.update(
            kind="training",
            start=start,
            end=start + datetime.timedelta(hours=3),
            place="Park Tkacki, przy fontannie",
            address="ul. Tkacka, Zielonogród",
            registration_info="Zapisy do czwartku; 20 miejsc dla rodzin.",
            registration_url="",
        )
    return data


def seed_proposals(ctx) -> int:
    users = ctx.shared.get("users", {})
    organisations = ctx.shared.get("organisations", [])
    city = home_municipality()
    representative, editor = users.get(Role.NGO_REPRESENTATIVE), users.get(Role.EDITOR)
    if city is None or not organisations or representative is None or editor is None:
        return 0
    organisation = organisations[0]
    if Proposal.objects.filter(organisation=organisation).exists():
        return 0
    for kind, status, title, lead, body, comment in PROPOSALS:
        index = section_index(city, kind)
        if index is None:
            continue
        page = draft_in_review(
            organisation=organisation,
            index=index,
            kind=kind,
            by=representative,
            data=_data(kind, title, lead, body, ctx.now),
        )
        task_state = page.current_workflow_state.current_task_state
        task = task_state.task.specific
        if status == Proposal.Status.PUBLISHED:
            task.on_action(task_state, editor, "approve")
        elif status == Proposal.Status.REJECTED:
            task.on_action(task_state, editor, "reject", comment=comment)
        # Made after the decision, so nobody is e-mailed about the demo.
        Proposal.objects.create(
            organisation=organisation,
            municipality=city,
            proposed_by=representative,
            kind=kind,
            title=title,
            page=page,
            status=status,
            comment=comment,
            decided_at=ctx.now if status != Proposal.Status.PENDING else None,
            notified_status=status if status != Proposal.Status.PENDING else "",
            created_at=ctx.now - datetime.timedelta(days=len(PROPOSALS)),
        )
    return len(PROPOSALS)
