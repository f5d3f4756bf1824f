"""Uploads of hostile documents end in a form error with the reason, never in a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from . import hostile

pytestmark = pytest.mark.django_db


def upload_to_library(client, name: str, data: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Załącznik",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_library_refuses_a_zip_bomb_with_the_reason_in_polish(client, editor):
    client.force_login(editor)
    response = upload_to_library(client, "bomba.docx", hostile.docx_bomb(8 * hostile.MB))
    assert response.status_code == 200  # the form again, with its error
    page = response.content.decode()
    assert "bomba.docx rozpakowuje się" in page
    assert not get_document_model().objects.exists()


def test_library_refuses_a_pdf_named_docx(client, editor):
    client.force_login(editor)
    response = upload_to_library(client, "uchwala.docx", hostile.pdf_with_pages(1))
    assert response.status_code == 200
    assert "nie odpowiada jego rozszerzeniu" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_library_accepts_a_normal_document(client, editor):
    client.force_login(editor)
    data = hostile.plain_docx()
    response = upload_to_library(client, "uchwala.docx", data)
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.open_file() as stored:
        assert stored.read() == data


def test_library_accepts_a_scan_without_text(client, editor):
    # Not searchable by its text, but a legitimate library document.
    client.force_login(editor)
    response = upload_to_library(client, "skan.pdf", hostile.pdf_with_pages(2))
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1
