import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Site

from cms_pages.models import HomePage, ResolutionIndexPage
from consultations.models import ConsultationIndexPage
from municipalities.kinds import MunicipalityKind
from municipalities.models import AccessibilityStatementPage, Municipality, RegionalHomePage
from municipalities.services import MunicipalityData, add_municipality

pytestmark = pytest.mark.django_db


def test_single_city_database_has_its_window_as_first_municipality(home_page):
    municipality = Municipality.objects.get()
    assert municipality.home_page_id == home_page.pk
    assert municipality.staff_group.name == f"{municipality.name}: staff"
    rights = GroupPagePermission.objects.filter(page=home_page)
    assert set(rights.values_list("group__name", flat=True)) == {municipality.staff_group.name}
    assert not RegionalHomePage.objects.exists()


def test_regional_operator_takes_the_default_site_and_the_city_moves_under_it(
    client, home_page, operator
):
    city = Municipality.objects.get(home_page=home_page)
    regional = operator.home_page.specific
    assert isinstance(regional, RegionalHomePage)
    assert Site.objects.get(is_default_site=True).root_page_id == regional.pk
    home_page.refresh_from_db()
    assert home_page.get_parent().pk == regional.pk
    assert home_page.slug == city.slug
    assert client.get("/").status_code == 200
    response = client.get(f"/{city.slug}/")
    assert response.status_code == 200
    assert response.context["page"].pk == home_page.pk


def test_add_municipality_builds_the_window_with_its_sections(client, operator):
    gmina = add_municipality(
        MunicipalityData(
            name="Gmina Lipowo",
            kind=MunicipalityKind.RURAL,
            teryt="0203042",
            slug="lipowo",
            contact_email="ug@lipowo.example.org",
        )
    )
    home = gmina.home_page
    assert home.get_parent().pk == operator.home_page_id
    children = {p.specific_class for p in home.get_children()}
    assert {ResolutionIndexPage, ConsultationIndexPage, AccessibilityStatementPage} <= children
    statement = AccessibilityStatementPage.objects.child_of(home).get()
    assert not statement.live  # a draft for the editors to complete
    assert statement.contact_email == "ug@lipowo.example.org"
    assert client.get("/lipowo/").status_code == 200
    assert client.get("/lipowo/konsultacje/").status_code == 200
    codenames = set(
        GroupPagePermission.objects.filter(group=gmina.staff_group, page=home).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_host_name_gives_the_municipality_its_own_site(client, operator):
    gmina = add_municipality(
        MunicipalityData(
            name="Gmina Brzozowo",
            kind=MunicipalityKind.RURAL,
            teryt="0203052",
            slug="brzozowo",
            hostname="brzozowo.localhost",
        )
    )
    site = Site.objects.get(hostname="brzozowo.localhost")
    assert site.root_page_id == gmina.home_page_id
    response = client.get("/", HTTP_HOST="brzozowo.localhost")
    assert response.status_code == 200
    assert response.context["page"].pk == gmina.home_page_id


def test_without_regional_page_a_second_window_needs_a_host_name(home_page):
    pages = Page.objects.count()
    with pytest.raises(ValidationError, match="operatora regionalnego"):
        add_municipality(
            MunicipalityData(
                name="Gmina Bez Adresu", kind=MunicipalityKind.RURAL, teryt="0203062", slug="bez"
            )
        )
    assert Page.objects.count() == pages
    assert Municipality.objects.count() == 1


def test_bad_teryt_saves_nothing(operator):
    pages = Page.objects.count()
    with pytest.raises(ValidationError) as exc:
        add_municipality(
            MunicipalityData(
                name="Gmina Zła", kind=MunicipalityKind.URBAN_RURAL, teryt="0203062", slug="zla"
            )
        )
    assert "teryt" in exc.value.message_dict
    assert Page.objects.count() == pages
    assert not Municipality.objects.filter(slug="zla").exists()


def test_duplicate_host_name_is_refused(operator):
    Site.objects.create(hostname="zajety.localhost", port=80, root_page=operator.home_page)
    with pytest.raises(ValidationError) as exc:
        add_municipality(
            MunicipalityData(
                name="Gmina Zajęta",
                kind=MunicipalityKind.RURAL,
                teryt="0203072",
                slug="zajeta",
                hostname="zajety.localhost",
            )
        )
    assert "hostname" in exc.value.message_dict


def test_second_regional_operator_is_refused(operator):
    with pytest.raises(ValidationError) as exc:
        add_municipality(
            MunicipalityData(name="Drugi Związek", kind=MunicipalityKind.ASSOCIATION, slug="z2")
        )
    assert "kind" in exc.value.message_dict


def test_command_creates_the_municipality_and_reports_its_address(operator, capsys):
    call_command(
        "add_municipality",
        "Powiat Testowy",
        "--kind=county",
        "--teryt=0207",
        "--path=powiat-testowy",
        "--host=powiat.localhost",
    )
    out = capsys.readouterr().out
    assert "Powiat Testowy" in out
    assert "powiat.localhost" in out
    county = Municipality.objects.get(slug="powiat-testowy")
    assert county.kind == MunicipalityKind.COUNTY
    assert HomePage.objects.filter(pk=county.home_page_id).exists()


def test_command_explains_a_bad_code(operator):
    with pytest.raises(CommandError, match="teryt: .*4 cyfr"):
        call_command(
            "add_municipality", "Powiat Zły", "--kind=county", "--teryt=02071", "--path=pz"
        )


def test_admin_edits_the_teryt_code_and_explains_a_wrong_one(admin_client, home_page):
    municipality = Municipality.objects.get()
    url = f"/admin/municipalities/edit/{municipality.pk}/"
    data = {"name": municipality.name, "kind": "rural", "teryt": "0201011"}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "jednostki tego rodzaju to 2" in response.content.decode()
    data["teryt"] = "0201012"
    assert admin_client.post(url, data).status_code == 302
    municipality.refresh_from_db()
    assert (municipality.kind, municipality.teryt) == ("rural", "0201012")


def test_municipalities_are_not_added_or_deleted_in_the_admin(admin_client, home_page):
    municipality = Municipality.objects.get()
    assert admin_client.get("/admin/municipalities/new/").status_code in (302, 403)
    assert admin_client.post(f"/admin/municipalities/delete/{municipality.pk}/").status_code in (
        302,
        403,
    )
    assert Municipality.objects.filter(pk=municipality.pk).exists()


def test_officials_do_not_edit_municipalities(client, official, home_page):
    client.force_login(official)
    municipality = Municipality.objects.get()
    response = client.get(f"/admin/municipalities/edit/{municipality.pk}/")
    assert response.status_code in (302, 403)
