"""Who gets what from each screen: anonymous, the applicant, another resident, the
organisation's representative and another organisation's, the editor, officials of
this and another municipality, the administrator of this municipality."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from initiatives.factories import ApplicationFactory, accept, make_agreement, make_result
from initiatives.models import ApplicantKind, Status

ROLES = [
    "anonymous",
    "applicant",
    "other_resident",
    "ngo_this",
    "ngo_other",
    "editor_a",
    "official_a",
    "official_b",
    "admin_a",
]


@pytest.fixture
def world(setup_a, gmina_b, applicant, ngo_member):
    """Applications by the applicant through ngo_member's organisation in each state."""

    def make(status=Status.SUBMITTED, **kwargs):
        return ApplicationFactory(
            municipality=setup_a.municipality,
            created_by=applicant,
            applicant_kind=ApplicantKind.ORGANISATION,
            organisation=ngo_member.organisation,
            status=status,
            **kwargs,
        )

    accepted = accept(make())
    make_agreement(accepted)
    reported = accept(make())
    make_agreement(reported)
    make_result(reported, accepted=False)
    return {
        "draft": make(Status.DRAFT, submitted_at=None),
        "submitted": make(),
        "accepted": accepted,
        "reported": reported,
        "refused": make(Status.REFUSED),
        "slug": setup_a.municipality.slug,
    }


@pytest.fixture
def users(
    request,
    applicant,
    other_resident,
    ngo_member,
    other_ngo_member,
    editor_a,
    official_a,
    official_b,
    admin_a,
):
    return {
        "anonymous": None,
        "applicant": applicant,
        "other_resident": other_resident,
        "ngo_this": ngo_member.user,
        "ngo_other": other_ngo_member.user,
        "editor_a": editor_a,
        "official_a": official_a,
        "official_b": official_b,
        "admin_a": admin_a,
    }


def codes(spec: str) -> dict[str, int]:
    parts = spec.split()
    parts = parts * len(ROLES) if len(parts) == 1 else parts
    return dict(zip(ROLES, map(int, parts), strict=True))


#            anon app  res  ngo  ngo2 ed   offA offB admA
SCREENS = [
    ("index", lambda w: reverse("initiatives:index"), "get", "200"),
    ("municipality", lambda w: reverse("initiatives:municipality", args=[w["slug"]]), "get", "200"),
    (
        "public detail, accepted",
        lambda w: reverse("initiatives:detail", args=[w["slug"], w["accepted"].pk]),
        "get",
        "200",
    ),
    (
        "public detail, submitted",
        lambda w: reverse("initiatives:detail", args=[w["slug"], w["submitted"].pk]),
        "get",
        "404",
    ),
    (
        "public detail, refused",
        lambda w: reverse("initiatives:detail", args=[w["slug"], w["refused"].pk]),
        "get",
        "404",
    ),
    (
        "public detail, draft",
        lambda w: reverse("initiatives:detail", args=[w["slug"], w["draft"].pk]),
        "get",
        "404",
    ),
    (
        "my applications",
        lambda w: reverse("initiatives:my_applications"),
        "get",
        "302 200 200 200 200 200 200 200 200",
    ),
    (
        "new application",
        lambda w: reverse("initiatives:new", args=[w["slug"]]),
        "get",
        "302 200 200 200 200 200 200 200 200",
    ),
    (
        "application, draft",
        lambda w: reverse("initiatives:application", args=[w["draft"].pk]),
        "get",
        "302 200 404 200 404 404 404 404 404",
    ),
    (
        "application, submitted",
        lambda w: reverse("initiatives:application", args=[w["submitted"].pk]),
        "get",
        "302 200 404 200 404 404 200 404 200",
    ),
    (
        "edit, draft",
        lambda w: reverse("initiatives:edit", args=[w["draft"].pk]),
        "get",
        "302 200 404 200 404 404 404 404 404",
    ),
    (
        "edit, submitted",
        lambda w: reverse("initiatives:edit", args=[w["submitted"].pk]),
        "get",
        "302 403 404 403 404 404 403 404 403",
    ),
    (
        "attachment upload, draft",
        lambda w: reverse("initiatives:add_attachment", args=[w["draft"].pk]),
        "post",
        "302 302 404 302 404 404 404 404 404",
    ),
    (
        "evaluation",
        lambda w: reverse("initiatives:evaluate", args=[w["submitted"].pk]),
        "get",
        "302 404 404 404 404 404 200 404 200",
    ),
    (
        "evaluation, draft",
        lambda w: reverse("initiatives:evaluate", args=[w["draft"].pk]),
        "get",
        "302 404 404 404 404 404 404 404 404",
    ),
    (
        "evaluation POST",
        lambda w: reverse("initiatives:evaluate", args=[w["submitted"].pk]),
        "post",
        "302 404 404 404 404 404 400 404 400",
    ),
    (
        "set-up",
        lambda w: reverse("initiatives:setup", args=[w["slug"]]),
        "get",
        "302 404 404 404 404 404 200 404 200",
    ),
    (
        "set-up POST",
        lambda w: reverse("initiatives:setup", args=[w["slug"]]),
        "post",
        "302 404 404 404 404 404 400 404 400",
    ),
    (
        "officials' list",
        lambda w: reverse("initiatives:official_list", args=[w["slug"]]),
        "get",
        "302 404 404 404 404 404 200 404 200",
    ),
    (
        "agreement form",
        lambda w: reverse("initiatives:agreement", args=[w["accepted"].pk]),
        "get",
        "302 404 404 404 404 404 200 404 200",
    ),
    (
        "agreement form, submitted",
        lambda w: reverse("initiatives:agreement", args=[w["submitted"].pk]),
        "get",
        "302 404 404 404 404 404 404 404 404",
    ),
    (
        "agreement PDF",
        lambda w: reverse("initiatives:agreement_file", args=[w["accepted"].pk, "pdf"]),
        "get",
        "404 200 404 200 404 404 200 404 200",
    ),
    (
        "agreement DOCX",
        lambda w: reverse("initiatives:agreement_file", args=[w["accepted"].pk, "docx"]),
        "get",
        "404 200 404 200 404 404 200 404 200",
    ),
    (
        "report results",
        lambda w: reverse("initiatives:report_result", args=[w["accepted"].pk]),
        "get",
        "302 200 404 200 404 404 403 404 403",
    ),
    (
        "report results, submitted",
        lambda w: reverse("initiatives:report_result", args=[w["submitted"].pk]),
        "get",
        "302 403 404 403 404 404 403 404 403",
    ),
    (
        "accept results",
        lambda w: reverse("initiatives:accept_result", args=[w["reported"].pk]),
        "post",
        "302 404 404 404 404 404 302 404 302",
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "method", "expected"), SCREENS, ids=[s[0] for s in SCREENS]
)
def test_screen_answers_each_role(name, url, method, expected, world, users):
    path = url(world)
    observed = {}
    for role in ROLES:
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        with transaction.atomic():  # one role's POST does not change what the next sees
            response = client.get(path) if method == "get" else client.post(path, {})
            transaction.set_rollback(True)
        observed[role] = response.status_code
    assert observed == codes(expected), name


def test_officials_list_only_their_municipalitys_applications(
    client, world, official_b, official_a
):
    client.force_login(official_b)
    own = reverse("initiatives:official_list", args=[official_b_municipality(official_b)])
    assert world["submitted"].title not in client.get(own).content.decode()
    client.force_login(official_a)
    html = client.get(reverse("initiatives:official_list", args=[world["slug"]])).content.decode()
    assert world["submitted"].title in html and world["draft"].title not in html


def official_b_municipality(user):
    from municipalities.models import Municipality

    return Municipality.objects.of_user(user).get().slug


def test_an_official_of_another_municipality_cannot_decide(client, world, official_b):
    client.force_login(official_b)
    response = client.post(
        reverse("initiatives:evaluate", args=[world["submitted"].pk]),
        {"decision": "accept", "reasons": "x"},
    )
    assert response.status_code == 404
    world["submitted"].refresh_from_db()
    assert world["submitted"].status == Status.SUBMITTED


def test_unverified_accounts_are_told_to_verify_before_applying(client, setup_a, unverified_user):
    client.force_login(unverified_user)
    response = client.get(reverse("initiatives:new", args=[setup_a.municipality.slug]))
    assert response.status_code == 403 and 'id="refusal"' in response.content.decode()
