import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from cms_pages import factories
from cms_pages.models import CallStatus, DocumentCategory, NewsPageAttachment, ProgrammeKind

pytestmark = pytest.mark.django_db


def h1s(html: str) -> list[str]:
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)


def get_ok(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    assert len(h1s(html)) == 1, "exactly one h1"
    return html


def test_news_page_renders_lead_date_image_alt_tags_and_attachments(client, news_index):
    category = factories.NewsCategoryFactory(name="Granty")
    image = factories.ImageFactory(title="Baner")
    document = factories.DocumentFactory(title="Regulamin naboru", fmt="pdf")
    news = factories.NewsPageFactory(
        parent=news_index,
        title="Nabór do Rady Działalności Pożytku Publicznego",
        date=datetime.date(2026, 3, 5),
        lead="Zapraszamy organizacje do zgłaszania kandydatów.",
        listing_image=image,
        listing_image_alt="Uczestnicy spotkania w sali sesyjnej",
        category=category,
        tags=["rada pożytku", "nabór"],
        attachments=[NewsPageAttachment(document=document, title="")],
    )
    html = get_ok(client, news)
    assert "Nabór do Rady Działalności Pożytku Publicznego" in h1s(html)[0]
    assert 'datetime="2026-03-05"' in html
    assert "Zapraszamy organizacje" in html
    assert 'alt="Uczestnicy spotkania w sali sesyjnej"' in html
    assert 'class="tags"' in html and ">rada pożytku</a>" in html
    assert "Granty" in html
    assert document.url in html and "PDF" in html


def test_news_page_open_graph_is_article_with_image(client, news_index):
    news = factories.NewsPageFactory(
        parent=news_index, listing_image=factories.ImageFactory(title="Baner")
    )
    html = get_ok(client, news)
    assert '<meta property="og:type" content="article">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.png">', html)
    assert 'content="website"' not in html


def test_news_page_without_image_has_no_og_image(client, news_index):
    html = get_ok(client, factories.NewsPageFactory(parent=news_index))
    assert 'property="og:type" content="article"' in html
    assert "og:image" not in html


def test_resolution_page_shows_register_data_and_pdf(client, resolution_index):
    pdf = factories.DocumentFactory(title="Uchwała XLIV/378/2010", fmt="pdf")
    act = factories.ResolutionPageFactory(
        parent=resolution_index,
        title="w sprawie programu współpracy na 2011 rok",
        number="XLIV/378/2010",
        adopted_on=datetime.date(2010, 11, 18),
        document=pdf,
    )
    html = get_ok(client, act)
    assert "XLIV/378/2010" in html
    assert 'datetime="2010-11-18"' in html
    assert pdf.url in html
    assert "badge--in_force" in html


def test_call_page_shows_amount_in_polish_format_and_deadline(client, call_index):
    call = factories.CallForProposalsPageFactory(
        parent=call_index,
        total_amount=Decimal("1250000.00"),
        offer_deadline=timezone.make_aware(datetime.datetime(2030, 2, 14, 15, 30)),
        status=CallStatus.OPEN,
        results="",
    )
    html = get_ok(client, call)
    assert "1\u00a0250\u00a0000,00\u00a0zł" in html
    # Stored in UTC, shown in Polish time with the offset in the machine-readable value.
    assert 'datetime="2030-02-14T15:30:00+01:00"' in html
    assert 'data-call-status="open"' in html


def test_resolved_call_shows_results_section(client, call_index):
    result = factories.DocumentFactory(title="Wyniki konkursu", fmt="docx")
    call = factories.CallForProposalsPageFactory(
        parent=call_index,
        status=CallStatus.RESOLVED,
        offer_deadline=timezone.now() - datetime.timedelta(days=30),
        results="<p>Dotację otrzymała Fundacja Zielony Skwer.</p>",
        results_document=result,
    )
    html = get_ok(client, call)
    assert 'id="results"' in html and "Fundacja Zielony Skwer" in html
    assert result.url in html and "DOCX" in html


def test_programme_pages_render_period_and_resolution_link(client, programme_index):
    act = factories.ResolutionPageFactory(
        number="XX/200/2025", adopted_on=datetime.date(2025, 11, 20)
    )
    programme = factories.ProgrammePageFactory(
        parent=programme_index,
        title="Wieloletni program współpracy 2026–2030",
        kind=ProgrammeKind.MULTI_ANNUAL,
        year_from=2026,
        year_to=2030,
        resolution=act,
    )
    html = get_ok(client, programme)
    assert "2026–2030" in html and act.url in html
    html = get_ok(client, programme_index)
    assert programme.url in html


def test_document_library_shows_format_size_and_category_filter(client, programme_index):
    form = factories.DocumentFactory(title="Wzór oferty", fmt="docx")
    report = factories.DocumentFactory(title="Sprawozdanie 2025", fmt="pdf")
    library = factories.DocumentLibraryPageFactory(
        parent=programme_index,
        documents=[
            (form, DocumentCategory.FORMS, "Formularz oferty realizacji zadania"),
            (report, DocumentCategory.REPORTS, ""),
        ],
    )
    html = get_ok(client, library)
    assert 'id="category-forms"' in html and 'id="category-reports"' in html
    assert "DOCX" in html and "PDF" in html
    assert html.count("library-document__size") == 2
    filtered = client.get(library.url, {"category": "forms"}).content.decode()
    assert form.url in filtered and report.url not in filtered


def test_event_page_renders_time_place_and_ics_link(client, event_index):
    start = timezone.make_aware(datetime.datetime(2030, 6, 1, 10, 0))
    event = factories.EventPageFactory(
        parent=event_index,
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_info="Zapisy do 25 maja.",
        registration_url="https://zapisy.example.org/szkolenie",
    )
    html = get_ok(client, event)
    assert 'datetime="2030-06-01T10:00:00+02:00"' in html
    assert event.place in html
    assert f'href="/wydarzenia/{event.pk}.ics"' in html
    assert "https://zapisy.example.org/szkolenie" in html


def test_support_centre_pages_render_hours_and_contact_people(client, centre_index):
    centre = factories.SupportCentrePageFactory(
        parent=centre_index,
        hours=[
            (1, datetime.time(8), datetime.time(16), ""),
            (6, None, None, "nieczynne"),
        ],
        people=[
            {"name": "Irena Modrzewska", "role": "koordynatorka", "email": "i.m@example.org"},
        ],
        services=[("service", {"name": "Doradztwo prawne", "description": "Bezpłatne"})],
    )
    html = get_ok(client, centre)
    assert "08:00–16:00" in html
    assert "Irena Modrzewska" in html and "mailto:i.m@example.org" in html
    assert "Doradztwo prawne" in html
    html = get_ok(client, centre_index)
    assert centre.url in html and "08:00–16:00" in html


def test_standard_page_renders_intro(client, home_page):
    page = factories.StandardPageFactory(parent=home_page, title="O portalu", intro="Wstęp.")
    html = get_ok(client, page)
    assert "O portalu" in h1s(html)[0] and "Wstęp." in html


INDEX_FIXTURES = [
    "news_index",
    "resolution_index",
    "call_index",
    "event_index",
    "programme_index",
    "centre_index",
]


@pytest.mark.parametrize("index_fixture", INDEX_FIXTURES)
def test_empty_index_pages_render(client, request, index_fixture):
    get_ok(client, request.getfixturevalue(index_fixture))


def test_draft_pages_are_not_served(client, news_index):
    draft = factories.NewsPageFactory(parent=news_index, publish=False)
    assert client.get(draft.url).status_code == 404
