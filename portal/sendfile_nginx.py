"""SENDFILE_BACKEND for Wagtail's document serve view behind nginx.

Wagtail's view checks the document's collection privacy (and its hooks), then asks the
backend for the response: nginx sends the file from an internal location
(`SENDFILE_URL`, e.g. "/_documents/", aliased to `SENDFILE_ROOT`), so the bytes never
pass through Python and the files are never reachable at a public address.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = os.path.relpath(filename, settings.SENDFILE_ROOT)
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.SENDFILE_URL + quote(relative)
    return response
