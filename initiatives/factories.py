"""Local initiative set-ups and applications, for tests and the demo."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.factories import UserFactory

from .models import (
    Agreement,
    ApplicantKind,
    Application,
    Criterion,
    InitiativeSetup,
    Result,
    ResultStatus,
    ScheduleStep,
    Score,
    Status,
)

DEFAULT_CRITERIA = [
    ("Wkład pracy społecznej mieszkańców", 40, True),
    ("Pozostały wkład własny (rzeczowy i finansowy)", 20, False),
    ("Trwałość efektów i potrzeba społeczności lokalnej", 25, False),
    ("Liczba mieszkańców korzystających z efektów", 15, False),
]


def setup_with_criteria(municipality, *, accepting=True, criteria=DEFAULT_CRITERIA, **fields):
    setup, _created = InitiativeSetup.objects.update_or_create(
        municipality=municipality,
        defaults={
            "accepting": accepting,
            "resolution": fields.pop(
                "resolution",
                "Uchwała nr XII/101/2026 w sprawie trybu i kryteriów oceny wniosków o "
                "realizację zadania publicznego w ramach inicjatywy lokalnej",
            ),
            "deadlines": fields.pop("deadlines", "31.03, 30.09"),
            **fields,
        },
    )
    setup.criteria.all().delete()
    for position, (name, points, social) in enumerate(criteria, start=1):
        Criterion.objects.create(
            setup=setup, position=position, name=name, max_points=points, social_work=social
        )
    return setup


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    created_by = factory.SubFactory(UserFactory)
    status = Status.SUBMITTED
    applicant_kind = ApplicantKind.RESIDENTS
    group_name = "Mieszkańcy ulicy Klonowej"
    residents = "Anna Przykładowa, ul. Klonowa 3\nJan Testowy, ul. Klonowa 5"
    title = factory.Sequence(lambda n: f"Skwer sąsiedzki nr {n}")
    description = "Urządzenie skweru z ławkami i nasadzeniami."
    area = "communities"
    place = "Skwer przy ul. Klonowej"
    social_work_hours = Decimal("120.0")
    hour_rate = Decimal("30.00")
    social_work_description = "Przygotowanie terenu, nasadzenia, malowanie ławek."
    in_kind_description = "Sadzonki z własnych ogrodów."
    in_kind_value = Decimal("800.00")
    money = Decimal("500.00")
    city_contribution = Decimal("12345.67")
    city_contribution_description = "Zakup i montaż ławek, dowóz ziemi."
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if not create:
            return
        year = timezone.localdate().year
        for position, (action, start, end) in enumerate(
            extracted
            or [
                ("Przygotowanie terenu", datetime.date(year, 5, 1), datetime.date(year, 5, 15)),
                (
                    "Nasadzenia i montaż ławek",
                    datetime.date(year, 5, 16),
                    datetime.date(year, 6, 10),
                ),
            ],
            start=1,
        ):
            ScheduleStep.objects.create(
                application=self, position=position, action=action, starts_on=start, ends_on=end
            )


def accept(application, *, by=None, reasons="Wniosek spełnia kryteria uchwały."):
    for criterion in Criterion.objects.filter(setup__municipality=application.municipality):
        Score.objects.update_or_create(
            application=application,
            criterion=criterion,
            defaults={"points": criterion.max_points - 2, "reasons": "Ocena zespołu."},
        )
    application.status = Status.ACCEPTED
    application.decision_reasons = reasons
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    return application


def make_agreement(application, **fields):
    steps = list(application.steps.all())
    return Agreement.objects.create(
        application=application,
        number=fields.pop("number", f"IL/{application.pk}/{timezone.localdate().year}"),
        concluded_on=fields.pop("concluded_on", timezone.localdate()),
        place=fields.pop("place", "Zielonogród"),
        starts_on=steps[0].starts_on,
        ends_on=steps[-1].ends_on,
        signatory=fields.pop("signatory", "Wójt Gminy"),
        city_obligations=application.city_contribution_description,
        **fields,
    )


def make_result(application, *, accepted=True, by=None):
    return Result.objects.create(
        application=application,
        status=ResultStatus.ACCEPTED if accepted else ResultStatus.REPORTED,
        what_was_done="Skwer urządzony: sześć ławek, dwadzieścia drzew.",
        social_work_hours=Decimal("140.0"),
        in_kind_value=Decimal("900.00"),
        money=Decimal("500.00"),
        accepted_at=timezone.now() if accepted else None,
        accepted_by=by,
    )
