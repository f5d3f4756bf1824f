"""Ballots: one per voter per pool (database constraints), with the chosen projects;
paper ballots typed in twice by two officials before they count."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .editions import Edition, Pool
from .projects import Project

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))


class Ballot(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="ballots")
    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_ballots",
    )
    # HMAC of the PESEL (budget.pesel.pesel_hash), never the number.
    pesel_hash = models.CharField(max_length=64, null=True, blank=True)
    full_name = models.CharField(max_length=150, blank=True)
    channel = models.CharField(max_length=6, choices=Channel.choices, default=Channel.ONLINE)
    receipt = models.CharField(max_length=12, unique=True, default=new_receipt)
    cast_at = models.DateTimeField(default=timezone.now)
    # Set on a ballot in a district pool of an edition whose voters may vote in one
    # district only (Pool.limits_districts): the constraints below then allow one such
    # ballot per voter and edition, so two district votes sent at once cannot both stay.
    district_vote = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pool", "voter"],
                condition=Q(voter__isnull=False),
                name="budget_one_ballot_per_account_and_pool",
            ),
            models.UniqueConstraint(
                fields=["pool", "pesel_hash"],
                condition=Q(pesel_hash__isnull=False),
                name="budget_one_ballot_per_pesel_and_pool",
            ),
            models.UniqueConstraint(
                fields=["edition", "voter"],
                condition=Q(district_vote=True, voter__isnull=False),
                name="budget_one_district_per_account",
            ),
            models.UniqueConstraint(
                fields=["edition", "pesel_hash"],
                condition=Q(district_vote=True, pesel_hash__isnull=False),
                name="budget_one_district_per_pesel",
            ),
        ]

    def __str__(self):
        return self.receipt


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="ballot_choices")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="budget_choice_once")
        ]

    def __str__(self):
        return f"{self.ballot_id} → {self.project_id}"


class PaperEntry(models.Model):
    """One official's typing of one paper ballot. A ballot counts when two different
    officials typed the same sheet identically; a difference is flagged for review."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting for the second entry")
        MATCHED = "matched", _("Both entries match: counted")
        MISMATCH = "mismatch", _("Entries differ: check the sheet")
        DUPLICATE = "duplicate", _("This voter already voted in the pool")
        OTHER_DISTRICT = "district", _("This voter already voted in another district pool")

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="paper_entries")
    sheet = models.CharField(_("sheet number"), max_length=30)
    full_name = models.CharField(_("voter's full name"), max_length=150)
    pesel_hash = models.CharField(max_length=64)
    project_ids = models.JSONField(default=list)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    entered_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    ballot = models.ForeignKey(Ballot, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["pool", "sheet", "entered_at"]
        constraints = [
            # A sheet typed again after a mismatch gets new entries beside the flagged ones.
            models.UniqueConstraint(
                fields=["pool", "sheet", "entered_by"],
                condition=~Q(state="mismatch"),
                name="budget_one_entry_per_official",
            )
        ]

    def __str__(self):
        return self.sheet
