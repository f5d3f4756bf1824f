"""Who gets each budget screen: every role, the official of this and of another
municipality, the author and another resident. GET, and POST where a screen acts.

Codes per role in this order (see ROLES): anonymous, unverified, resident, NGO
representative, author, editor, official of A, official of B, administrator of A.
"""

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Appeal, Phase, ProjectImage, Status
from budget.services.submission import support_token
from municipalities.factories import staff_user

ROLES = [
    "anonymous",
    "unverified",
    "resident",
    "ngo",
    "author",
    "editor",
    "official",
    "official_b",
    "administrator",
]


@pytest.fixture
def people(gmina_a, gmina_b):
    ngo = MembershipFactory(user=UserFactory(username="ngo_rep", roles=[Role.NGO_REPRESENTATIVE]))
    return {
        "anonymous": None,
        "unverified": UserFactory(username="niezweryf", roles=[Role.RESIDENT], verified=False),
        "resident": UserFactory(username="mieszkaniec", roles=[Role.RESIDENT]),
        "ngo": ngo.user,
        "author": UserFactory(username="autor", roles=[Role.RESIDENT]),
        "editor": staff_user(gmina_a, username="red_a", roles=[Role.EDITOR]),
        "official": staff_user(gmina_a, username="urz_a", roles=[Role.OFFICIAL]),
        "official_b": staff_user(gmina_b, username="urz_b", roles=[Role.OFFICIAL]),
        "administrator": staff_user(gmina_a, username="adm_a", roles=[Role.ADMINISTRATOR]),
    }


@pytest.fixture
def world(people, gmina_a):
    author = people["author"]
    submitting = make_edition(gmina_a, phase=Phase.SUBMISSION, name="Składanie")
    pool = make_pool(submitting)
    submitted = make_project(pool, author=author, title="Złożony")
    draft = make_project(pool, author=author, title="Szkic", status=Status.DRAFT)
    image = ProjectImage(project=draft, alt_text="Szkic", content_type="image/png")
    image.file.save("x.png", ContentFile(b"\x89PNG"), save=True)
    verifying = make_edition(gmina_a, phase=Phase.APPEALS, name="Weryfikacja")
    rejected = make_project(
        make_pool(verifying),
        author=author,
        title="Odrzucony",
        status=Status.REJECTED,
        verified_at=timezone.now(),
        reasoning="Brak mapy.",
    )
    Appeal.objects.create(project=rejected, text="Mapa jest.")
    voting = make_edition(gmina_a, phase=Phase.VOTING, name="Głosowanie")
    voting_pool = make_pool(voting)
    make_project(voting_pool, title="Ławki", status=Status.ADMITTED)
    finished = make_edition(
        gmina_a, phase=Phase.IMPLEMENTATION, name="Zakończona", results_published_at=timezone.now()
    )
    winner = make_project(
        make_pool(finished), title="Zwycięski", status=Status.ADMITTED, selected=True
    )
    ballot = make_ballot(winner.pool, [winner], voter=people["resident"])
    hidden = make_edition(gmina_a, phase=Phase.UPCOMING, name="Ukryta", is_published=False)
    return locals()


def url_of(w, name):
    return {
        "editions": reverse("budget:editions"),
        "my_projects": reverse("budget:my_projects"),
        "edition": reverse("budget:edition", args=[w["submitting"].pk]),
        "edition_unpublished": reverse("budget:edition", args=[w["hidden"].pk]),
        "project_new": reverse("budget:project_new", args=[w["submitting"].pk]),
        "project": reverse("budget:project", args=[w["submitted"].pk]),
        "project_draft": reverse("budget:project", args=[w["draft"].pk]),
        "project_edit": reverse("budget:project_edit", args=[w["submitted"].pk]),
        "project_edit_draft": reverse("budget:project_edit", args=[w["draft"].pk]),
        "image_of_draft": reverse("budget:image", args=[w["draft"].pk, w["image"].pk]),
        "support": reverse("budget:support", args=[support_token(w["submitted"])]),
        "vote": reverse("budget:vote", args=[w["voting_pool"].pk]),
        "receipt": reverse("budget:receipt") + f"?kod={w['ballot'].receipt}",
        "results": reverse("budget:results", args=[w["finished"].pk]),
        "results_unpublished": reverse("budget:results", args=[w["voting"].pk]),
        "results_csv": reverse("budget:results_csv", args=[w["finished"].pk]),
        "results_json": reverse("budget:results_json", args=[w["finished"].pk]),
        "results_csv_unpublished": reverse("budget:results_csv", args=[w["voting"].pk]),
        "results_json_hidden": reverse("budget:results_json", args=[w["hidden"].pk]),
        "admin_index": reverse("budget_admin:index"),
        "admin_edition_add": reverse("budget_admin:edition_add"),
        "admin_edition_edit": reverse("budget_admin:edition_edit", args=[w["submitting"].pk]),
        "admin_projects": reverse("budget_admin:projects", args=[w["submitting"].pk]),
        "admin_verify": reverse("budget_admin:verify", args=[w["submitted"].pk]),
        "admin_supports": reverse("budget_admin:supports", args=[w["submitted"].pk]),
        "admin_appeal": reverse("budget_admin:appeal", args=[w["rejected"].pk]),
        "admin_paper": reverse(
            "budget_admin:paper_pool", args=[w["voting"].pk, w["voting_pool"].pk]
        ),
        "admin_results": reverse("budget_admin:results", args=[w["finished"].pk]),
        "admin_implementation": reverse("budget_admin:implementation", args=[w["winner"].pk]),
    }[name]


#             anon unv  res  ngo  auth edit offA offB admA
PUBLIC = "200  200  200  200  200  200  200  200  200"
LOGIN = "302  200  200  200  200  200  200  200  200"
VERIFIED = "302  403  200  200  200  200  200  200  200"
# Wagtail sends staff it refuses back to the dashboard (302) with a message.
OFFICIALS_OF_A = "302  302  302  302  302  302  200  302  200"
GET = {
    "editions": PUBLIC,
    "my_projects": LOGIN,
    "edition": PUBLIC,
    "edition_unpublished": "404  404  404  404  404  404  200  404  200",
    "project_new": VERIFIED,
    "project": PUBLIC,
    "project_draft": "404  404  404  404  200  404  200  404  200",
    "project_edit": "302  403  403  403  200  403  403  403  403",
    "project_edit_draft": "404  404  404  404  200  404  403  404  403",
    "image_of_draft": "404  404  404  404  200  404  200  404  200",
    "support": VERIFIED,
    "vote": VERIFIED,
    "receipt": PUBLIC,
    "results": PUBLIC,
    "results_unpublished": "404  404  404  404  404  404  404  404  404",
    "results_csv": PUBLIC,
    "results_json": PUBLIC,
    "results_csv_unpublished": "404  404  404  404  404  404  404  404  404",
    "results_json_hidden": "404  404  404  404  404  404  404  404  404",
    "admin_index": OFFICIALS_OF_A.replace("302  200  302", "302  200  200"),
    "admin_edition_add": OFFICIALS_OF_A.replace("302  200  302", "302  200  200"),
    "admin_edition_edit": OFFICIALS_OF_A,
    "admin_projects": OFFICIALS_OF_A,
    "admin_verify": OFFICIALS_OF_A,
    "admin_supports": OFFICIALS_OF_A,
    "admin_appeal": OFFICIALS_OF_A,
    "admin_paper": OFFICIALS_OF_A,
    "admin_results": OFFICIALS_OF_A,
    "admin_implementation": OFFICIALS_OF_A,
}


def observed(client_for, path, method="get", data=None):
    codes = {}
    for role in ROLES:
        with transaction.atomic():
            response = getattr(client_for(role), method)(path, data or {})
            codes[role] = response.status_code
            transaction.set_rollback(True)
    return codes


@pytest.fixture
def client_for(people):
    from django.test import Client

    def make(role):
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return make


def expand(codes):
    return dict(zip(ROLES, map(int, codes.split()), strict=True))


@pytest.mark.parametrize("screen", list(GET))
def test_each_role_gets_the_screen_it_may(screen, world, client_for):
    assert observed(client_for, url_of(world, screen)) == expand(GET[screen])


POST = {
    # The author alone appeals; others are refused, anonymous visitors log in first.
    "appeal": ("302  403  403  403  302  403  403  403  403", {"text": "Proszę."}),
    # Officials of A act; of B are refused; outsiders are sent to the admin log-in.
    "admin_verify": (OFFICIALS_OF_A, {}),
    # Saved and sent back to the list (302) for officials of A; the rest as above.
    "admin_supports": (
        "302  302  302  302  302  302  302  302  302",
        {"full_name": "Jan", "address": "Polna 1"},
    ),
}


@pytest.mark.parametrize("screen", list(POST))
def test_each_role_may_act_only_where_it_should(screen, world, client_for):
    codes, data = POST[screen]
    if screen == "appeal":
        path = reverse("budget:appeal", args=[world["rejected"].pk])
        world["rejected"].appeal.delete()
    else:
        path = url_of(world, screen)
    assert observed(client_for, path, "post", data) == expand(codes)
    if screen == "admin_supports":
        from budget.models import Support

        for role in ROLES:
            client_for(role).post(path, data)
        # Only the two officials of A (official, administrator) entered a signature.
        assert Support.objects.filter(project=world["submitted"], full_name="Jan").count() == 2


def test_another_resident_never_sees_a_draft_in_lists(world, client_for):
    body = client_for("resident").get(url_of(world, "edition")).content.decode()
    assert "Złożony" in body and "Szkic" not in body
    mine = client_for("author").get(url_of(world, "my_projects")).content.decode()
    assert "Szkic" in mine
