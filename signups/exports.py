"""The participant list as CSV (UTF-8 with BOM, `;`) and XLSX. Every cell a participant
typed goes through `neutralise_formula`, so no spreadsheet runs it as a formula."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.spreadsheet import neutralise_formula

from .models import Registration

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def headings() -> list[str]:
    return [
        _("No."),
        _("First and last name"),
        _("E-mail"),
        _("Status"),
        _("Signed up"),
        _("Attended"),
    ]


def rows(event) -> list[list[str]]:
    registrations = Registration.objects.filter(event=event).exclude(
        status=Registration.Status.CANCELLED
    )
    attended = {True: _("yes"), False: _("no"), None: ""}
    return [
        [
            str(number),
            *(
                neutralise_formula(value)
                for value in (
                    r.name,
                    r.email,
                    r.get_status_display(),
                    timezone.localtime(r.queued_at or r.created_at).strftime("%Y-%m-%d %H:%M"),
                    attended[r.attended],
                )
            ),
        ]
        for number, r in enumerate(registrations.order_by("queued_at", "pk"), start=1)
    ]


def _csv(event) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headings())
    writer.writerows(rows(event))
    return out.getvalue().encode("utf-8-sig")


def _xlsx(event) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    wb.properties.title = event.title
    wb.properties.language = "pl-PL"
    ws = wb.create_sheet(_("Participants")[:31])
    ws.freeze_panes = "A2"

    def cell(value, bold=False):
        c = WriteOnlyCell(ws, value=value)
        c.data_type = "s"  # never a formula, whatever the text starts with
        if bold:
            c.font = Font(bold=True)
        return c

    ws.append([cell(h, bold=True) for h in headings()])
    for row in rows(event):
        ws.append([int(row[0]), *(cell(v) for v in row[1:])])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def participants_response(event, fmt: str) -> HttpResponse:
    content = _csv(event) if fmt == "csv" else _xlsx(event)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = slugify(event.slug or event.title)[:60] or "wydarzenie"
    response["Content-Disposition"] = f'attachment; filename="uczestnicy-{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
