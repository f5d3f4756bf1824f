"""Demo: the city runs local initiative; two initiatives of the demo resident's group,
one accepted with its agreement and published results, one under evaluation."""

import datetime
from decimal import Decimal

from accounts.models import Role

from .factories import ApplicationFactory, accept, make_agreement, make_result, setup_with_criteria
from .models import ApplicantKind, Status


def seed(ctx):
    city = ctx.shared.get("municipalities", {}).get("city")
    users = ctx.shared.get("users", {})
    resident = users.get(Role.RESIDENT)
    if city is None or resident is None:
        return
    setup_with_criteria(city, accepting=True, hour_rate=Decimal("35.00"))
    year = ctx.now.year
    done = ApplicationFactory(
        municipality=city,
        created_by=resident,
        applicant_kind=ApplicantKind.GROUP,
        group_name="Sąsiedzi z osiedla Słoneczne Wzgórze",
        residents="Halina Przykładowa, ul. Słoneczna 4\nBartosz Wymyślony, ul. Słoneczna 9",
        title="Zielony skwer przy ul. Słonecznej",
        area="communities",
        place="Skwer u zbiegu ul. Słonecznej i Jaśminowej",
        steps=[
            ("Uprzątnięcie terenu", datetime.date(year, 4, 5), datetime.date(year, 4, 12)),
            ("Nasadzenia i montaż ławek", datetime.date(year, 4, 13), datetime.date(year, 5, 20)),
        ],
    )
    accept(done, by=users.get(Role.OFFICIAL))
    make_agreement(
        done, number=f"IL.524.1.{year}", place="Zielonogród", signatory="Prezydent Miasta"
    )
    make_result(done, by=users.get(Role.OFFICIAL))
    ApplicationFactory(
        municipality=city,
        created_by=resident,
        status=Status.SUBMITTED,
        applicant_kind=ApplicantKind.RESIDENTS,
        group_name="Rodzice z ul. Modrzewiowej",
        residents="Irena Zmyślona, ul. Modrzewiowa 2",
        title="Bezpieczne przejście do szkoły",
        area="safety",
        place="ul. Modrzewiowa przy Szkole Podstawowej nr 3",
        social_work_hours=Decimal("60.0"),
        city_contribution=Decimal("8400.00"),
        steps=[("Malowanie i oznakowanie", datetime.date(year, 8, 1), datetime.date(year, 8, 25))],
    )
    ctx.say(
        "Local initiative: 2 applications in the city (one accepted with results, one under "
        "evaluation)."
    )
