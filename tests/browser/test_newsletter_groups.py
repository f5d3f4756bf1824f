"""The sign-up form over the demo region: one fieldset per municipality, the visitor's
window first, choices kept after an error, and no axe-core violations either way."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def legends(page) -> list[str]:
    return page.locator("fieldset.topic-group[data-municipality] > legend").all_inner_texts()


def test_grouped_sign_up_form_keeps_choices_and_has_no_axe_violations(demo_site, context):
    page = context.new_page()
    page.goto(demo_site.url + reverse("newsletters:subscribe") + "?gmina=lipowa-dolina")
    assert_no_axe_violations(page, "grouped newsletter sign-up form")
    groups = legends(page)
    assert groups[0] == "Gmina Lipowa Dolina"
    assert len(groups) == 4  # Lipowa Dolina, the region, the city, the powiat
    assert page.locator('input[name="topics"][value="lipowa-dolina:news"]').is_checked()

    lipowa_calls = page.locator('input[name="topics"][value="lipowa-dolina:calls"]')
    regional_area = page.locator('input[name="topics"][value="area-seniors"]')
    lipowa_calls.check()
    regional_area.check()
    page.get_by_label("Adres e-mail").fill("zly-adres@")
    with page.expect_navigation():
        page.locator("#newsletter-subscribe-form button[type=submit]").click()

    assert page.locator(".error-summary a[href='#id_email']").count() == 1
    assert legends(page) == groups
    for value in ("lipowa-dolina:news", "lipowa-dolina:calls", "area-seniors"):
        assert page.locator(f'input[name="topics"][value="{value}"]').is_checked(), value
    assert_no_axe_violations(page, "grouped newsletter sign-up form with errors")
