"""The Wagtail admin's CSV/XLSX downloads are formula-safe: a page title or a form answer
starting with = + - @ never becomes a formula in a spreadsheet."""

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log

from accounts.factories import UserFactory
from cms_pages.factories import StandardPageFactory

TITLES = [
    '=HYPERLINK("http://example.org/x","kliknij")',
    "+48 600 100 200",
    "-2+3",
    "@SUM(A1:A2)",
]


def views_of(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from views_of(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                yield prefix + str(pattern.pattern), view_class


def test_every_spreadsheet_export_of_the_admin_is_guarded():
    exporting = {
        route: view
        for route, view in views_of(get_resolver().url_patterns)
        if issubclass(view, SpreadsheetExportMixin)
    }
    names = {view.__name__ for view in exporting.values()}
    # The downloads the admin offers today (a sample that must be found by the walk).
    assert {"LockedPagesView", "LogEntriesView", "AgingPagesView", "WorkflowView"} <= names
    assert any(route.startswith("admin/redirects/") for route in exporting)
    # Form submissions are dispatched by a function to the form page's own view class.
    exporting["admin/forms/submissions/<int:page_id>/"] = SubmissionsListView
    unguarded = [
        route
        for route, view in exporting.items()
        if not (
            getattr(view.write_csv_row, "guarded", False)
            and getattr(view.generate_xlsx_row, "guarded", False)
        )
    ]
    assert unguarded == []


@pytest.fixture
def admin_client(client, home_page):
    admin = UserFactory(username="operator", is_superuser=True, is_staff=True)
    client.force_login(admin)
    client.admin = admin
    return client


@pytest.fixture
def hostile_pages(home_page, admin_client):
    pages = []
    for title in TITLES:
        page = StandardPageFactory(parent=home_page, title=title)
        page.locked, page.locked_by, page.locked_at = True, admin_client.admin, timezone.now()
        page.save()
        log(instance=page, action="wagtail.edit", user=admin_client.admin)
        pages.append(page)
    return pages


def csv_cells(response) -> list[str]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return [cell for row in csv.reader(io.StringIO(body)) for cell in row]


@pytest.mark.parametrize("report", ["locked", "site-history", "aging-pages"])
def test_report_csv_neutralises_every_formula_start(admin_client, hostile_pages, report):
    response = admin_client.get(f"/admin/reports/{report}/?export=csv")
    assert response.status_code == 200
    cells = csv_cells(response)
    for title in TITLES:
        assert "'" + title in cells, (title, cells)
        assert title not in cells


def test_report_xlsx_keeps_the_text_as_text(admin_client, hostile_pages):
    response = admin_client.get("/admin/reports/locked/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value in TITLES}
    assert set(cells) == set(TITLES)
    for cell in cells.values():
        assert cell.data_type == "s"  # text, not a formula
        assert cell.quotePrefix  # Excel's invisible apostrophe: stays text when edited


class _Echo:
    def write(self, value):
        return value


def test_form_submissions_csv_neutralises_answers():
    """Form answers come from anonymous visitors; the submissions download is the same
    writer as the reports (no form page type is installed today, so the view is asked
    directly)."""
    view = SubmissionsListView()
    view.list_export = ["name", "phone", "count"]
    writer = csv.DictWriter(_Echo(), fieldnames=view.list_export)
    line = view.write_csv_row(writer, {"name": "=1+1", "phone": "x;=cmd|'/c calc'", "count": -3})
    assert next(csv.reader([line])) == ["'=1+1", "x;'=cmd|'/c calc'", "-3"]


def test_a_listing_export_of_a_viewset_is_neutralised(admin_client):
    """A ModelViewSet or snippet viewset given `list_export` writes through the same
    guarded mixin (Wagtail's generic IndexView)."""
    from wagtail.admin.views.generic.models import IndexView

    from accounts.models import User

    UserFactory(username="formula", first_name="@cmd", last_name="=1+1")

    class UsersExport(IndexView):
        model = User
        list_export = ["username", "first_name", "last_name"]

    response = UsersExport().as_spreadsheet(User.objects.filter(username="formula"), "csv")
    assert csv_cells(response)[-3:] == ["formula", "'@cmd", "'=1+1"]
