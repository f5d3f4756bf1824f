"""Grants benchmark: query counts of the officials' offer list, the scoring screen and
the published results with 10 and with 1,000 offers (they must not grow), CPU time of
an offer PDF with 40 cost lines, and the queries of saving a 40-line cost table.

    python bench/grants_bench.py                    # SQLite, a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/okienko_grants_bench \
        python bench/grants_bench.py                # an existing, empty PostgreSQL database

In one process, through Django's test client with the test settings.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure():
    if "DATABASE_URL" not in os.environ:
        handle, path = tempfile.mkstemp(suffix=".sqlite3", prefix="grants-bench-")
        os.close(handle)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.conf import settings

    # the test settings point at an in-memory test database name; use the real one
    settings.DATABASES["default"].pop("TEST", None)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(n_offers: int, label: str):
    from django.utils import timezone

    from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
    from accounts.models import Role
    from cms_pages.factories import CallIndexPageFactory, default_home
    from grants.factories import call_with_terms, complete_offer
    from grants.models import (
        CallCriterion,
        CommitteeMember,
        Declaration,
        Offer,
        OfferStatus,
        Score,
    )

    terms = call_with_terms(parent=CallIndexPageFactory(parent=default_home(), title=label))
    call = terms.call
    call.offer_deadline = timezone.now() - datetime.timedelta(days=1)
    call.total_amount = Decimal("100000000")
    call.save()
    organisations = [OrganisationFactory() for _ in range(min(50, n_offers))]
    template = complete_offer(call=call, organisation=organisations[0], status="accepted")
    fields = {
        f.name: getattr(template, f.name)
        for f in Offer._meta.concrete_fields
        if f.name not in ("id", "organisation", "created_at", "updated_at")
    }
    Offer.objects.bulk_create(
        Offer(
            **{
                **fields,
                "organisation": organisations[i % len(organisations)],
                "status": OfferStatus.GRANTED if i % 2 else OfferStatus.REFUSED,
                "granted_amount": Decimal("900.00") if i % 2 else None,
                "submitted_at": timezone.now(),
            }
        )
        for i in range(n_offers - 1)
    )
    members = [
        CommitteeMember.objects.create(
            call=call, user=UserFactory(roles=[Role.RESIDENT]), kind="ngo"
        )
        for _ in range(3)
    ]
    criteria = list(CallCriterion.objects.filter(terms=terms, kind="substantive"))
    offers = list(Offer.objects.filter(call=call).values_list("pk", flat=True))
    Declaration.objects.bulk_create(
        Declaration(member=m, offer_id=o, no_conflict=True) for m in members for o in offers
    )
    Score.objects.bulk_create(
        Score(member=m, offer_id=o, criterion=c, points=Decimal("4"))
        for m in members
        for o in offers
        for c in criteria
    )
    Offer.objects.filter(pk=template.pk).update(status=OfferStatus.GRANTED, granted_amount=900)
    terms.results_published_at = timezone.now()
    terms.save()
    rep = MembershipFactory(organisation=organisations[0]).user
    return call, template, rep


def count(client, url, method="get", data=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(ctx.captured_queries), elapsed


def main():
    configure()
    from django.test import Client
    from django.urls import reverse

    from accounts.factories import UserFactory
    from accounts.models import Role
    from municipalities.services import add_staff, home_municipality

    official = UserFactory(username="bench-official", roles=[Role.OFFICIAL])
    add_staff(user=official, municipality=home_municipality())
    client = Client()
    client.force_login(official)
    rows = []
    built = {}
    for n in (10, 1000):
        call, offer, rep = build(n, f"Konkursy {n}")
        built[n] = (call, offer, rep)
        screens = {
            "officials' list": reverse("grants:call_offers", args=[call.pk]),
            "scoring screen": reverse("grants:decision", args=[offer.pk]),
            "results JSON": reverse("grants:results_json", args=[call.pk]),
            "results page": call.url,
        }
        for name, url in screens.items():
            count(client, url)  # warm
            queries, ms = count(client, url)
            rows.append((name, n, queries, ms))
    print("screen               offers  queries   ms")  # noqa: T201
    for name, n, queries, ms in rows:
        print(f"{name:20} {n:6} {queries:8} {ms:6.0f}")  # noqa: T201

    # PDF of an offer with 40 cost lines
    from grants.documents import render_pdf
    from grants.factories import complete_offer
    from grants.services.offers import offer_data

    call, _offer, rep = built[10]
    big = complete_offer(call=call, organisation=rep.memberships.get().organisation, lines=40)
    data = offer_data(big)
    render_pdf(big, data)  # fonts registered once per process
    times = []
    for _ in range(5):
        start = time.process_time()
        render_pdf(big, data)
        times.append(time.process_time() - start)
    print(f"offer PDF, 40 cost lines: {statistics.median(times):.3f} s CPU (median of 5)")  # noqa: T201

    # Saving a 40-line cost table through the form
    from tests.grants.test_offers import posted

    ngo = Client()
    ngo.force_login(rep)
    queries, ms = count(ngo, big.get_absolute_url(), "post", posted(big))
    print(f"saving a 40-line cost table: {queries} queries, {ms:.0f} ms")  # noqa: T201


if __name__ == "__main__":
    main()
