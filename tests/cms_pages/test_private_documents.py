"""Library documents are delivered only by Wagtail's serve view, which checks the
collection's privacy; their links never point into /media/; behind nginx the view
answers with X-Accel-Redirect (portal.sendfile_nginx)."""

import pytest
from django.conf import settings
from wagtail.models import Collection, CollectionViewRestriction

from cms_pages.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def private_document():
    closed = Collection.get_first_root_node().add_child(name="Dokumenty wewnętrzne")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(title="Notatka wewnętrzna", fmt="txt")
    document.collection = closed
    document.save()
    return document


def test_document_links_go_through_the_serve_view(private_document):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert not private_document.url.startswith(settings.MEDIA_URL)
    assert private_document.url.startswith("/documents/")


def test_private_document_needs_a_login(client, private_document, resident):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/konto/" in response["Location"] or "login" in response["Location"]
    client.force_login(resident)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert "Notatka wewnętrzna" in b"".join(response.streaming_content).decode()


def test_behind_nginx_the_serve_view_sends_the_file_by_x_accel_redirect(
    client, private_document, resident, settings
):
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "portal.sendfile_nginx"
    settings.SENDFILE_ROOT = f"{settings.MEDIA_ROOT}/documents"
    settings.SENDFILE_URL = "/_documents/"
    _get_sendfile.clear()
    try:
        client.force_login(resident)
        response = client.get(private_document.url)
    finally:
        _get_sendfile.clear()
    name = private_document.file.name.removeprefix("documents/")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_documents/{name}"
    assert response.content == b""
