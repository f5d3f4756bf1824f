"""Casting votes online and entering paper ballots.

One ballot per voter per pool, and (when the edition says so) one district pool per
voter and edition, are kept by unique constraints in the database (per account and
per PESEL hash), not by a read-then-write check: two simultaneous votes of the same
person cannot both be stored. Only a refused ballot costs a query to say why.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_participate

from .. import permissions
from .. import pesel as pesel_module
from ..models import Ballot, BallotChoice, Identity, PaperEntry, Pool, Project, Status, VotingRule
from .submission import PhaseClosed


class AlreadyVoted(Exception):
    """This voter already has a ballot in the pool."""


class OtherDistrictVoted(AlreadyVoted):
    """This voter already voted in another district pool of an edition that allows one."""

    def __init__(self, district: Pool):
        super().__init__(district.name)
        self.district = district

    @property
    def message(self) -> str:
        return _(
            "You have already voted in the district pool “%(district)s”. In this edition "
            "a voter votes in one district pool only (and in the pools of the whole "
            "municipality)."
        ) % {"district": self.district.name}


@dataclass
class Voter:
    user: object = None
    full_name: str = ""
    pesel: str = ""
    declared_residence: bool = False
    declared_age: bool = False


def check_pesel(number: str, *, minimum_age: int, on: datetime.date) -> str:
    """The PESEL's keyed hash, after the checksum, the birth date and the age."""
    number = (number or "").strip()
    if not pesel_module.checksum_ok(number):
        raise ValidationError({"pesel": _("This is not a valid PESEL number.")})
    born = pesel_module.birth_date(number)
    if born is None or born > on:
        raise ValidationError({"pesel": _("This is not a valid PESEL number.")})
    if pesel_module.age_on(born, on) < minimum_age:
        raise ValidationError(
            {"pesel": _("Voting is open to people aged %(age)s or more.") % {"age": minimum_age}}
        )
    return pesel_module.pesel_hash(number)


def admitted_costs(pool: Pool) -> dict[int, object]:
    """{project id: cost} of the pool's admitted projects (one query, unordered)."""
    return dict(
        Project.objects.filter(pool=pool, status=Status.ADMITTED)
        .order_by()
        .values_list("pk", "verified_cost")
    )


def new_ballot(pool: Pool, **fields) -> Ballot:
    """An unsaved ballot of the pool, marked when it is a vote in a limited district."""
    return Ballot(edition=pool.edition, pool=pool, district_vote=pool.limits_districts, **fields)


def refusal(ballot: Ballot) -> AlreadyVoted:
    """Why the constraints refused `ballot`: a vote in the same pool, or in another
    district pool of the edition (named, so the voter knows which)."""
    people = []
    if ballot.voter_id is not None:
        people.append(Q(voter_id=ballot.voter_id))
    if ballot.pesel_hash:
        people.append(Q(pesel_hash=ballot.pesel_hash))
    if not people:
        return AlreadyVoted()
    earlier = list(
        Ballot.objects.filter(reduce(or_, people), edition_id=ballot.edition_id)
        .filter(Q(pool_id=ballot.pool_id) | Q(district_vote=True))
        .select_related("pool")
    )
    if ballot.district_vote and not any(b.pool_id == ballot.pool_id for b in earlier):
        for other in earlier:
            if other.district_vote:
                return OtherDistrictVoted(other.pool)
    return AlreadyVoted()


def store_ballot(ballot: Ballot, chosen: list[int]) -> Ballot:
    """Save the ballot with its choices in one transaction; AlreadyVoted (or
    OtherDistrictVoted) when a constraint refuses it."""
    try:
        with transaction.atomic():
            ballot.save()
            BallotChoice.objects.bulk_create(
                BallotChoice(ballot=ballot, project_id=pk) for pk in chosen
            )
    except IntegrityError as exc:
        ballot.pk = None
        raise refusal(ballot) from exc
    return ballot


def check_choices(pool: Pool, project_ids: list[int], costs: dict) -> list[int]:
    chosen = sorted(set(project_ids))
    if not chosen:
        raise ValidationError({"projects": _("Choose at least one project.")})
    if any(pk not in costs for pk in chosen):
        raise ValidationError({"projects": _("Choose only projects admitted to this pool.")})
    if pool.voting_rule == VotingRule.COUNT and len(chosen) > pool.max_choices:
        raise ValidationError(
            {"projects": _("Choose at most %(n)s projects.") % {"n": pool.max_choices}}
        )
    if pool.voting_rule == VotingRule.BUDGET:
        total = sum(costs[pk] for pk in chosen)
        if total > pool.amount:
            raise ValidationError(
                {
                    "projects": _(
                        "The chosen projects cost %(total)s zł together; the pool has "
                        "%(amount)s zł."
                    )
                    % {"total": total, "amount": pool.amount}
                }
            )
    return chosen


def cast_vote(*, pool: Pool, voter: Voter, project_ids: list[int]) -> Ballot:
    """Store one ballot with its choices and return it (its receipt code proves it was
    counted). Raises PhaseClosed, PermissionDenied, ValidationError or AlreadyVoted
    (OtherDistrictVoted: the voter's one district pool was another). `pool` comes with
    its edition loaded. Five queries when the vote is stored: the admitted projects,
    then the ballot and its choices in a transaction."""
    edition = pool.edition
    if not edition.accepts_votes:
        raise PhaseClosed
    ballot = new_ballot(pool)
    user = voter.user
    if user is not None and user.is_authenticated:
        ballot.voter = user
    if edition.identity == Identity.ACCOUNT:
        if not can_participate(user):
            raise PermissionDenied
        if not voter.declared_age:
            raise ValidationError({"declared_age": _("Confirm that you are old enough to vote.")})
    else:
        if not voter.full_name.strip():
            raise ValidationError({"full_name": _("Give your full name.")})
        today = timezone.localdate()
        ballot.pesel_hash = check_pesel(voter.pesel, minimum_age=edition.minimum_age, on=today)
        ballot.full_name = voter.full_name.strip()
    if not voter.declared_residence:
        raise ValidationError(
            {"declared_residence": _("Declare that you live in the municipality.")}
        )
    chosen = check_choices(pool, project_ids, admitted_costs(pool))
    return store_ballot(ballot, chosen)


@transaction.atomic
def enter_paper_ballot(
    *, by, pool: Pool, sheet: str, full_name: str, pesel: str, project_ids: list[int]
) -> PaperEntry:
    """One official's typing of a paper ballot. The first entry of a sheet waits; the
    second, by another official, is compared field by field: equal entries make the
    ballot (counted like an online one, same constraints), a difference marks both
    entries for review. Allowed during voting and until the results are published."""
    edition = pool.edition
    if not permissions.can_manage_edition(by, edition):
        raise PermissionDenied
    now = timezone.now()
    if now < edition.voting_start or edition.results_public:
        raise PhaseClosed
    # Entries of one pool are made one at a time, so two officials typing the same sheet
    # at the same moment are compared, not both left waiting.
    Pool.objects.select_for_update().filter(pk=pool.pk).first()
    digest = check_pesel(pesel, minimum_age=edition.minimum_age, on=edition.voting_end.date())
    chosen = check_choices(pool, project_ids, admitted_costs(pool))
    earlier = list(
        PaperEntry.objects.select_for_update()
        .filter(pool=pool, sheet=sheet.strip())
        .exclude(state=PaperEntry.State.MISMATCH)
    )
    if any(e.state == PaperEntry.State.MATCHED for e in earlier):
        raise ValidationError({"sheet": _("This sheet has already been counted.")})
    if any(e.entered_by_id == by.pk for e in earlier):
        raise ValidationError(
            {"sheet": _("You have already entered this sheet; another official enters it again.")}
        )
    entry = PaperEntry(
        pool=pool,
        sheet=sheet.strip(),
        full_name=full_name.strip(),
        pesel_hash=digest,
        project_ids=chosen,
        entered_by=by,
    )
    waiting = [e for e in earlier if e.state == PaperEntry.State.WAITING]
    if waiting:
        first = waiting[0]
        same = (first.full_name.casefold(), first.pesel_hash, first.project_ids) == (
            entry.full_name.casefold(),
            entry.pesel_hash,
            entry.project_ids,
        )
        if not same:
            entry.state = first.state = PaperEntry.State.MISMATCH
        else:
            ballot = new_ballot(
                pool, pesel_hash=digest, full_name=entry.full_name, channel=Ballot.Channel.PAPER
            )
            try:
                store_ballot(ballot, chosen)
            except OtherDistrictVoted:
                entry.state = first.state = PaperEntry.State.OTHER_DISTRICT
            except AlreadyVoted:
                entry.state = first.state = PaperEntry.State.DUPLICATE
            else:
                entry.state = first.state = PaperEntry.State.MATCHED
                entry.ballot = first.ballot = ballot
        first.save(update_fields=["state", "ballot"])
    entry.save()
    return entry
