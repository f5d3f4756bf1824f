"""Move uploaded drafts and report exports out of MEDIA_ROOT (served by the web server
at guessable names) into PRIVATE_MEDIA_ROOT, each under an unguessable directory."""

import os
import secrets
import shutil

from django.conf import settings
from django.db import migrations

FIELDS = (
    ("DraftActVersion", "source_file", "consultations/drafts"),
    ("ReportExport", "file", "consultations/reports"),
)


def move_to_private(apps, schema_editor):
    for model_name, field, folder in FIELDS:
        model = apps.get_model("consultations", model_name)
        for row in model.objects.exclude(**{field: ""}).only("pk", field).iterator():
            name = getattr(row, field).name
            source = os.path.join(settings.MEDIA_ROOT, name)
            if not os.path.isfile(source):
                continue  # already moved, or lost before: the row keeps its name
            new_name = f"{folder}/{secrets.token_urlsafe(16)}/{os.path.basename(name)}"
            target = os.path.join(settings.PRIVATE_MEDIA_ROOT, new_name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.move(source, target)
            model.objects.filter(pk=row.pk).update(**{field: new_name})


class Migration(migrations.Migration):
    dependencies = [("consultations", "0004_private_report_and_draft_files")]

    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
