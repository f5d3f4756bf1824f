import pytest
from django.core.management import call_command

from accounts.models import User
from cms_pages.models import ResolutionPage
from municipalities.models import Municipality

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_seed_demo_builds_the_subregion_and_keeps_the_city_where_it_was(client, home_page):
    call_command("seed_demo", "--seed", "2026")
    kinds = dict(Municipality.objects.values_list("name", "kind"))
    assert kinds["Związek Gmin Doliny Lipki"] == "association"
    assert kinds["Gmina Lipowa Dolina"] == "rural"
    assert kinds["Powiat Zielonogrodzki"] == "county"
    assert kinds["Miasto Zielonogród"] == "city_county"
    assert len(kinds) == 4

    city = client.get("/", HTTP_HOST="localhost")
    assert city.status_code == 200
    assert city.context["page"].pk == home_page.pk

    regional = client.get("/", HTTP_HOST="region.localhost")
    assert regional.status_code == 200
    html = regional.content.decode()
    for item in (
        "Lipowa Dolina: konsultacje projektu programu współpracy na 2027 rok",
        "Zielonogrodzki: otwarty konkurs ofert na zajęcia dla seniorów",
        "Lipowa Dolina: spotkanie z organizacjami",
    ):
        assert item in html
    names = {c.in_municipality.name for c in regional.context["consultations"]}
    assert {"Gmina Lipowa Dolina", "Powiat Zielonogrodzki"} <= names

    assert client.get("/", HTTP_HOST="lipowa.localhost").status_code == 200
    assert client.get("/uchwaly/", HTTP_HOST="powiat.localhost").status_code == 200
    county_act = ResolutionPage.objects.get(number="XVI/120/2026")
    assert county_act.issuing_body == "county_council"


def test_seed_demo_gives_each_municipality_an_official_and_an_editor(home_page, capsys):
    from municipalities.permissions import can_act_for

    call_command("seed_demo", "--seed", "2026")
    printed = capsys.readouterr().out
    lipowa = Municipality.objects.get(slug="lipowa-dolina")
    powiat = Municipality.objects.get(slug="powiat-zielonogrodzki")
    for email, own, other in (
        ("urzednik@lipowa.example.org", lipowa, powiat),
        ("redakcja@lipowa.example.org", lipowa, powiat),
        ("urzednik@powiat.example.org", powiat, lipowa),
        ("redakcja@powiat.example.org", powiat, lipowa),
    ):
        user = User.objects.get(email=email)
        assert can_act_for(user, own) and not can_act_for(user, other)
        assert email in printed
