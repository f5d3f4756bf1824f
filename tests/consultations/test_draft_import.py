"""The official's draft flow: upload (DOCX, ODT, PDF, TXT) or paste -> review -> fix -> publish."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations import services
from consultations.drafts import services as draft_services
from consultations.models import Clause, DraftActVersion

LINES = [
    "UCHWAŁA NR XII/45/2027",
    "RADY MIASTA ZIELONOGRODU",
    "w sprawie programu współpracy z organizacjami pozarządowymi",
    "Na podstawie art. 5a ust. 1 ustawy o działalności pożytku publicznego uchwala się, "
    "co następuje:",
    "§ 1. 1. Przyjmuje się program współpracy na rok 2027.",
    "2. Program obejmuje:",
    "1) cele programu;",
    "2) formy współpracy.",
    "§ 2. Wykonanie uchwały powierza się Prezydentowi Miasta.",
    "§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.",
]
EXPECTED = [
    "§ 1",
    "§ 1 ust. 1",
    "§ 1 ust. 2",
    "§ 1 ust. 2 pkt 1",
    "§ 1 ust. 2 pkt 2",
    "§ 2",
    "§ 3",
]
ASCII_LINES = [
    "UCHWALA NR XII/45/2027",
    "w sprawie programu wspolpracy",
    "§ 1. 1. Przyjmuje sie program wspolpracy na rok 2027.",
    "2. Program obejmuje:",
    "1) cele programu;",
    "2) formy wspolpracy.",
    "§ 2. Wykonanie uchwaly powierza sie Prezydentowi Miasta.",
    "§ 3. Uchwala wchodzi w zycie po uplywie 14 dni.",
]


def make_txt(path):
    path.write_text("\n".join(LINES), encoding="utf-8")
    return path


def make_docx(path):
    import docx

    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(path)
    return path


def make_odt(path):
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in LINES:
        document.text.addElement(P(text=line))
    document.save(str(path))
    return path


def make_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in ASCII_LINES:
        pdf.drawString(40, y, line)
        y -= 18
    pdf.save()
    return path


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


@pytest.fixture
def planned(consultation_index):
    from tests.consultations.conftest import make_consultation

    page = make_consultation(consultation_index, "planned", clauses=0)
    page.versions.all().delete()
    return page


@pytest.mark.parametrize(
    ("maker", "name"),
    [(make_txt, "projekt.txt"), (make_docx, "projekt.docx"), (make_odt, "projekt.odt")],
)
def test_upload_of_each_format_builds_the_clause_tree(
    client, official, planned, tmp_path, maker, name
):
    path = maker(tmp_path / name)
    client.force_login(official)
    response = client.post(f"/admin/consultations/{planned.pk}/draft/", {"file": upload(path)})
    version = planned.versions.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/consultations/version/{version.pk}/")
    citations = list(version.clauses.order_by("position").values_list("citation", flat=True))
    assert citations == EXPECTED
    # MEDIA_ROOT is a fresh directory per test (conftest), so the original name is kept.
    assert version.source_file.name.rsplit("/", 1)[-1] == name
    assert version.source_file.read() == path.read_bytes()
    assert not version.is_published
    assert "programu współpracy" in version.title


def test_pdf_upload_builds_the_clause_tree(client, official, planned, tmp_path):
    path = make_pdf(tmp_path / "projekt.pdf")
    client.force_login(official)
    client.post(f"/admin/consultations/{planned.pk}/draft/", {"file": upload(path)})
    version = planned.versions.get()
    assert list(version.clauses.values_list("citation", flat=True).order_by("position")) == EXPECTED


def test_clause_parents_follow_the_units_ancestors(official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    pkt = version.clauses.get(citation="§ 1 ust. 2 pkt 1")
    assert pkt.depth == 2
    assert pkt.parent.citation == "§ 1 ust. 2"
    assert pkt.parent.parent.citation == "§ 1"
    assert pkt.anchor == "par-1-ust-2-pkt-1"
    assert pkt.text == "cele programu;"


@pytest.mark.parametrize("name", ["projekt.doc", "projekt.rtf", "zdjecie.jpg", "skrypt.exe"])
def test_wrong_file_type_is_rejected_with_the_reason(client, official, planned, name):
    client.force_login(official)
    response = client.post(
        f"/admin/consultations/{planned.pk}/draft/",
        {"file": SimpleUploadedFile(name, b"whatever")},
    )
    assert response.status_code == 400
    assert name in response.content.decode()  # the reason names the file
    assert not planned.versions.exists()


def test_damaged_pdf_is_rejected_with_the_reason(client, official, planned):
    client.force_login(official)
    response = client.post(
        f"/admin/consultations/{planned.pk}/draft/",
        {"file": SimpleUploadedFile("projekt.pdf", b"%PDF-1.4 this is not really a pdf")},
    )
    assert response.status_code == 400
    assert "projekt.pdf" in response.content.decode()
    assert not planned.versions.exists()


def test_too_large_file_is_rejected(client, official, planned, settings, monkeypatch):
    monkeypatch.setattr(draft_services, "MAX_DRAFT_BYTES", 100)
    client.force_login(official)
    response = client.post(
        f"/admin/consultations/{planned.pk}/draft/",
        {"file": SimpleUploadedFile("projekt.txt", b"x" * 101)},
    )
    assert response.status_code == 400
    assert not planned.versions.exists()


def test_pasted_text_is_split(client, official, planned):
    client.force_login(official)
    response = client.post(f"/admin/consultations/{planned.pk}/draft/", {"text": "\n".join(LINES)})
    assert response.status_code == 302
    assert planned.versions.get().clauses.count() == len(EXPECTED)


def test_text_without_units_is_refused_and_nothing_is_stored(client, official, planned):
    client.force_login(official)
    response = client.post(
        f"/admin/consultations/{planned.pk}/draft/", {"text": "Zwykły list bez paragrafów."}
    )
    assert response.status_code == 400
    assert not DraftActVersion.objects.filter(consultation=planned).exists()


def test_empty_form_is_refused(client, official, planned):
    client.force_login(official)
    response = client.post(f"/admin/consultations/{planned.pk}/draft/", {"text": "  "})
    assert response.status_code == 400


def test_review_screen_shows_the_tree(client, official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    client.force_login(official)
    body = client.get(f"/admin/consultations/version/{version.pk}/").content.decode()
    for citation in EXPECTED:
        assert f">{citation}<" in body
    assert 'id="publish-form"' in body


def test_official_fixes_a_clause_and_references_follow(client, official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    ust2 = version.clauses.get(citation="§ 1 ust. 2")
    client.force_login(official)
    response = client.post(
        f"/admin/consultations/clause/{ust2.pk}/",
        {"label": "ust. 3", "level": "ustep", "text": "Program obejmuje w szczególności:"},
    )
    assert response.status_code == 302
    ust2.refresh_from_db()
    assert ust2.citation == "§ 1 ust. 3"
    assert ust2.text == "Program obejmuje w szczególności:"
    child = version.clauses.get(label="pkt 1")
    assert child.citation == "§ 1 ust. 3 pkt 1"
    assert child.anchor == "par-1-ust-3-pkt-1"


def test_reparse_replaces_the_split(client, official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    client.force_login(official)
    fixed = "\n".join([*LINES, "§ 4. Traci moc uchwała poprzednia."])
    response = client.post(
        f"/admin/consultations/version/{version.pk}/", {"action": "reparse", "text": fixed}
    )
    assert response.status_code == 302
    assert version.clauses.count() == len(EXPECTED) + 1
    assert version.clauses.filter(citation="§ 4").exists()


def test_publish_makes_the_version_public(client, official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    assert client.get(planned.url).content.decode().count('class="clause ') == 0
    client.force_login(official)
    client.post(f"/admin/consultations/version/{version.pk}/", {"action": "publish"})
    version.refresh_from_db()
    assert version.is_published and version.published_at
    client.logout()
    assert client.get(planned.url).content.decode().count('class="clause ') == len(EXPECTED)


def test_published_version_cannot_be_edited(official, planned):
    version = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    services.publish_version(version=version, by=official)
    clause = version.clauses.first()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.edit_clause(clause=clause, label="§ 9", level="paragraf", text="x", by=official)


def test_second_import_creates_version_two(official, planned):
    services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    second = services.import_draft(consultation=planned, text="\n".join(LINES), by=official)
    assert second.number == 2


def test_draft_cannot_be_replaced_while_open(official, open_consultation):
    with pytest.raises(PermissionDenied):
        services.import_draft(consultation=open_consultation, text="\n".join(LINES), by=official)


def test_resident_cannot_import(resident, planned):
    with pytest.raises(PermissionDenied):
        services.import_draft(consultation=planned, text="\n".join(LINES), by=resident)
    assert not Clause.objects.filter(version__consultation=planned).exists()


def test_hostile_file_is_refused_with_the_reason_not_a_server_error(client, official, planned):
    from tests.documents import hostile

    client.force_login(official)
    response = client.post(
        f"/admin/consultations/{planned.pk}/draft/",
        {"file": SimpleUploadedFile("lista.docx", hostile.docx_list_starting_at(10**18))},
    )
    assert response.status_code == 400
    assert "lista.docx ma budowę, której nie odczytujemy" in response.content.decode()
    assert not planned.versions.exists()
