"""Private files: stored under settings.PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT, and
served only by views that check access first.

- `private_storage()` is the storage of every private FileField (report exports,
  uploaded drafts). Its files have no URL: `url()` refuses, so a template cannot link
  one past the access check by mistake.
- `serve_private_file(file, filename, content_type)` answers with the file — in
  production with `X-Accel-Redirect: <PRIVATE_FILES_ACCEL_PREFIX><name>` so nginx
  sends it from an `internal` location; in development streamed by Django.
- Wagtail's library documents stay in Wagtail's storage but are delivered only by its
  serve view (collection privacy checked); in production nginx sends the bytes through
  `portal.sendfile_nginx` (SENDFILE_BACKEND).
"""

from __future__ import annotations

import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage rooted at settings.PRIVATE_MEDIA_ROOT (read at each use, so a
    changed setting — a test's temporary directory — takes effect at once)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A private file has no public URL; link the view that serves it.")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """The private storage (a callable for FileField(storage=...): migrations stay stable)."""
    return _storage


def serve_private_file(file, *, filename: str, content_type: str, as_attachment=True):
    """The response that delivers a private FieldFile, after the caller checked access."""
    prefix = getattr(settings, "PRIVATE_FILES_ACCEL_PREFIX", "")
    disposition = content_disposition_header(as_attachment=as_attachment, filename=filename)
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix + quote(file.name)
        response["Content-Disposition"] = disposition
    else:
        response = FileResponse(
            file.open("rb"),
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
