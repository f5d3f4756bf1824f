"""import_documents and rebuild_search_index."""

import io

import pytest
from django.core.management import CommandError, call_command
from odf.opendocument import OpenDocumentText
from odf.text import P
from wagtail.documents import get_document_model

from cms_pages.demo_files import docx_bytes, pdf_bytes, txt_bytes
from cms_pages.factories import NewsPageFactory
from search.models import DocumentText


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def odt_bytes(paragraphs):
    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archiwum"
    (folder / "2019").mkdir(parents=True)
    (folder / "uchwala_budzetowa.pdf").write_bytes(
        pdf_bytes("Uchwała budżetowa", ["Dochody gminy na rok 2019 wynoszą sto milionów."])
    )
    (folder / "regulamin-targowiska.docx").write_bytes(
        docx_bytes("Regulamin", ["Opłata targowa jest pobierana codziennie."])
    )
    (folder / "2019" / "protokol.odt").write_bytes(odt_bytes(["Protokół z sesji absolutoryjnej."]))
    (folder / "notatka.txt").write_bytes(txt_bytes("Notatka", ["Dyżur radnych w czwartki."]))
    (folder / "zepsuty.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "pusty.docx").write_bytes(b"")
    (folder / "zdjecie.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_import_documents_imports_good_files_and_reports_bad_ones(search_backend, archive):
    out = io.StringIO()
    call_command(
        "import_documents",
        str(archive),
        "--collection",
        "Archiwum",
        "--tag",
        "archiwum",
        stdout=out,
    )
    report = out.getvalue()
    Document = get_document_model()
    assert Document.objects.count() == 4
    assert set(Document.objects.values_list("collection__name", flat=True)) == {"Archiwum"}
    assert "SKIPPED  zepsuty.pdf" in report
    assert "SKIPPED  pusty.docx" in report
    assert "SKIPPED  zdjecie.png" in report
    assert "4 imported, 0 already there, 3 skipped." in report
    assert DocumentText.objects.count() == 4
    found = {hit.title for hit in search_backend.search("dochody gminy").hits}
    assert found == {"Uchwala budzetowa"}
    assert search_backend.search("opłaty targowej").total == 1
    assert search_backend.search("sesja absolutoryjna").total == 1
    assert search_backend.search("dyżur radnego").total == 1
    assert Document.objects.filter(tags__name="archiwum").count() == 4


def test_import_documents_twice_skips_what_is_already_there(search_backend, archive):
    call_command("import_documents", str(archive), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_documents", str(archive), stdout=out)
    assert "0 imported, 4 already there, 3 skipped." in out.getvalue()
    assert get_document_model().objects.count() == 4


def test_import_documents_fails_when_nothing_can_be_imported(search_backend, tmp_path):
    folder = tmp_path / "zle"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"garbage")
    with pytest.raises(CommandError, match="Nothing could be imported"):
        call_command("import_documents", str(folder), stdout=io.StringIO())


def test_import_documents_needs_a_folder(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("import_documents", str(tmp_path / "brak"), stdout=io.StringIO())


def test_rebuild_search_index_prints_progress(search_backend):
    NewsPageFactory(title="Dni Zielonogrodu")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "100%" in out.getvalue()
    assert search_backend.search("dni zielonogrodu").total == 1
