"""One results page across every kind of content the portal publishes, built through the
real factories and adapters (not hand-made SearchDocuments)."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from odf.opendocument import OpenDocumentText
from odf.text import P
from wagtail.documents import get_document_model

from cms_pages.factories import (
    CallForProposalsPageFactory,
    DocumentFactory,
    EventPageFactory,
    NewsPageFactory,
    ProgrammePageFactory,
    ResolutionPageFactory,
)
from consultations import services as consultation_services
from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import ResponseStatus
from search import services

SEARCH_URL = "/szukaj/"
API_URL = "/api/v1/search"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def odt_document(title, paragraph):
    odt = OpenDocumentText()
    odt.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    odt.write(buffer)
    document = get_document_model()(title=title)
    document.file.save("retencja.odt", ContentFile(buffer.getvalue()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def everything(db, official):
    """The word "deszczówka" in a different inflected form in every kind of content."""
    made = {
        "newspage": NewsPageFactory(
            title="Miasto dopłaci do zbiorników",
            body=[("paragraph", "<p>Zbiorniki na deszczówkę dla mieszkańców.</p>")],
        ),
        "resolutionpage": ResolutionPageFactory(
            title="w sprawie zasad dofinansowania zbierania deszczówki"
        ),
        "callforproposalspage": CallForProposalsPageFactory(
            title="Konkurs: ogrody deszczowe", lead="Projekty zagospodarowania deszczówki."
        ),
        "programmepage": ProgrammePageFactory(
            title="Program małej retencji", summary="Retencja deszczówki w szkołach i parkach."
        ),
        "eventpage": EventPageFactory(
            title="Warsztaty: beczka na deszczówkę", lead="Jak podłączyć beczkę do rynny."
        ),
        "pdf": DocumentFactory(
            title="Poradnik PDF", fmt="pdf", paragraphs=["Deszczówką podlewamy ogródki."]
        ),
        "docx": DocumentFactory(
            title="Wniosek DOCX", fmt="docx", paragraphs=["Oświadczenie o zużyciu deszczówki."]
        ),
        "odt": odt_document("Instrukcja ODT", "Filtr do deszczówki czyści się co miesiąc."),
    }
    consultation = ConsultationPageFactory(
        closed=True, title="Konsultacje uchwały o małej retencji"
    )
    version = DraftActVersionFactory(consultation=consultation)
    clause = ClauseFactory(
        version=version,
        position=3,
        label="§ 3",
        citation="§ 3 ust. 1",
        anchor="par-3-ust-1",
        text="Dotacja obejmuje zbiorniki na wody opadowe (deszczówkę).",
    )
    comment = CommentFactory(
        clause=clause, comment="Proszę objąć dotacją także deszczówkę z garaży."
    )
    consultation_services.respond(
        comment=comment,
        status=ResponseStatus.REJECTED,
        text="Garaże nie są budynkami mieszkalnymi; deszczówka z nich nie jest objęta.",
        by=official,
    )
    consultation_services.publish_report(consultation=consultation, by=official)
    made.update(consultation=consultation, clause=clause, comment=comment)
    services.rebuild()
    return made


def test_one_query_finds_every_kind_of_content(client, everything):
    response = client.get(SEARCH_URL, {"q": "deszczówka"})
    assert response.status_code == 200
    keys = {item["hit"].key for item in response.context["hits"]}
    keys |= {
        item["hit"].key
        for item in client.get(SEARCH_URL, {"q": "deszczówka", "page": "2"}).context["hits"]
    }
    expected = {
        *(f"page:{everything[t].pk}" for t in ("newspage", "resolutionpage")),
        *(f"page:{everything[t].pk}" for t in ("callforproposalspage", "programmepage")),
        f"page:{everything['eventpage'].pk}",
        *(f"document:{everything[f].pk}" for f in ("pdf", "docx", "odt")),
        f"clause:{everything['clause'].pk}",
        f"comment:{everything['comment'].pk}",
        f"report:{everything['comment'].response.pk}",
    }
    assert expected <= keys
    types = {f.value for f in response.context["results"].facets["type"]}
    assert {
        "newspage",
        "resolutionpage",
        "callforproposalspage",
        "programmepage",
        "eventpage",
        "document",
        "clause",
        "comment",
        "report",
    } <= types


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("podlewamy ogródki", "pdf"),
        ("oświadczenie o zużyciu", "docx"),
        ("filtr czyści", "odt"),
    ],
)
def test_text_inside_attachments_is_found_on_the_results_page(client, everything, query, kind):
    html = client.get(SEARCH_URL, {"q": query}).content.decode()
    assert f'data-key="document:{everything[kind].pk}"' in html


def hit_html(html, key):
    match = re.search(rf'<li class="card search-hit[^"]*" data-key="{key}">(.*?)</li>', html, re.S)
    assert match, f"no hit {key}"
    return match.group(1)


def test_every_hit_shows_type_date_and_marked_snippet(client, everything):
    html = client.get(SEARCH_URL, {"q": "beczka", "type": "eventpage"}).content.decode()
    event = hit_html(html, f"page:{everything['eventpage'].pk}")
    assert '<span class="badge">' in event
    assert f'datetime="{everything["eventpage"].start:%Y-%m-%d}"' in event
    assert "<mark>beczkę</mark>" in event


def test_clause_hit_names_its_consultation_and_links_the_citation_to_its_anchor(client, everything):
    consultation = everything["consultation"]
    html = client.get(SEARCH_URL, {"q": "wody opadowe"}).content.decode()
    clause = hit_html(html, f"clause:{everything['clause'].pk}")
    assert consultation.title in clause
    assert f'<a href="{consultation.url}#par-3-ust-1">§ 3 ust. 1</a>' in clause
    assert "<mark>" in clause


def test_report_row_links_to_its_row_in_the_published_report(client, everything):
    data = client.get(API_URL, {"q": "garaże", "type": "report"}).json()
    assert data["total"] == 1
    row = data["results"][0]
    assert row["url"].endswith(f"/raport/#uwaga-{everything['comment'].pk}")
    assert row["citation"] == "§ 3 ust. 1"
    assert "<mark>" in row["snippet"]


def test_status_facet_tells_open_calls_from_closed_consultations(client, everything):
    facets = client.get(API_URL, {"q": "deszczówka"}).json()["facets"]
    statuses = {f["value"] for f in facets["status"]}
    assert "open" in statuses  # the call for proposals
    assert "reported" in statuses  # the consultation's clause, comment and report
