import datetime
import io
import random

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.models import Page, Site

from cms_pages import demo
from cms_pages.models import (
    CallForProposalsPage,
    DocumentLibraryPage,
    EventPage,
    NewsCategory,
    NewsPage,
    PortalSettings,
    ResolutionPage,
    StandardPage,
    SupportCentrePage,
)
from portal.demo import DemoContext

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

NOW = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)


def snapshot():
    """What a reader would see, independent of primary keys and publication timestamps."""
    return {
        "pages": sorted(Page.objects.filter(depth__gt=2).values_list("url_path", "title")),
        "news": sorted(NewsPage.objects.values_list("slug", "date", "lead")),
        "acts": sorted(ResolutionPage.objects.values_list("number", "adopted_on", "status")),
        "calls": sorted(
            CallForProposalsPage.objects.values_list("slug", "total_amount", "offer_deadline")
        ),
        "events": sorted(EventPage.objects.values_list("slug", "start", "end")),
    }


def clear_demo_content(home):
    home.refresh_from_db()  # numchild is stale on the fixture's instance
    for child in home.get_children():
        child.delete()
    NewsCategory.objects.all().delete()


def run_seed(seed=2026):
    ctx = DemoContext(rng=random.Random(seed), now=NOW)  # noqa: S311
    demo.seed(ctx)
    return ctx


def test_demo_seed_builds_every_content_type_and_every_page_renders(client, home_page):
    # One test, because seeding costs ~10 s.
    ctx = run_seed()
    assert NewsPage.objects.live().count() == 12
    assert ResolutionPage.objects.count() == 10
    assert set(CallForProposalsPage.objects.values_list("status", flat=True)) == {
        "open",
        "resolved",
        "cancelled",
        "evaluation",
    }
    assert EventPage.objects.upcoming(NOW).exists() and EventPage.objects.past(NOW).exists()
    assert SupportCentrePage.objects.count() == 2
    library = DocumentLibraryPage.objects.get()
    formats = {item.document.file_extension for item in library.library_documents.all()}
    assert formats == {"pdf", "docx", "txt"}
    assert StandardPage.objects.filter(slug="deklaracja-dostepnosci").exists()
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.city_name == "Zielonogród"
    assert settings.accessibility_statement.slug == "deklaracja-dostepnosci"
    assert settings.privacy_page.slug == "polityka-prywatnosci"
    home_page.refresh_from_db()
    menu = set(home_page.get_children().live().in_menu().values_list("slug", flat=True))
    assert {"aktualnosci", "uchwaly", "konkursy", "wydarzenia-i-szkolenia"} <= menu
    assert ctx.log

    document = ResolutionPage.objects.get(number="XLIV/378/2010").document
    with document.file.open("rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF-")
    assert "pozarządowymi" in PdfReader(io.BytesIO(data)).pages[0].extract_text()

    for page in Page.objects.filter(depth__gt=2).live().specific():
        assert client.get(page.url).status_code == 200, page.url
    assert client.get("/").status_code == 200


def test_demo_seed_is_deterministic(home_page):
    run_seed()
    first = snapshot()
    clear_demo_content(home_page)
    run_seed()
    assert snapshot() == first


def test_seed_demo_command_does_not_duplicate_content(home_page):
    call_command("seed_demo", "--seed", "3", stdout=io.StringIO())
    count = Page.objects.count()
    news = NewsPage.objects.count()
    call_command("seed_demo", "--seed", "3", stdout=io.StringIO())
    assert Page.objects.count() == count
    assert NewsPage.objects.count() == news
    city = Site.objects.get(is_default_site=True).root_page  # the subregion has its own news
    # Live: two organisations' proposals wait there as drafts (organisations.proposal_demo).
    assert NewsPage.objects.live().descendant_of(city).count() == 12
