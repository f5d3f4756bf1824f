"""Seed the newsletter topics and let editors compose and send issues."""

from django.db import migrations

CONTENT_TOPICS = [
    ("news", "Aktualności", "Najważniejsze wiadomości z portalu i urzędu."),
    ("consultations", "Nowe konsultacje", "Gdy rusza konsultacja i na 3 dni przed jej końcem."),
    ("consultation-reports", "Raporty z konsultacji", "Gdy opublikujemy raport z konsultacji."),
    ("calls", "Otwarte konkursy ofert", "Nowe konkursy i przypomnienie o terminie składania ofert."),
    ("events", "Wydarzenia i szkolenia", "Spotkania, szkolenia i wydarzenia dla mieszkańców i NGO."),
]

# Codes of accounts.models.PublicBenefitArea (kept in step with that enum).
AREA_TOPICS = [
    ("social", "Pomoc społeczna"),
    ("health", "Ochrona i promocja zdrowia"),
    ("disability", "Osoby z niepełnosprawnościami"),
    ("education", "Edukacja i wychowanie"),
    ("culture", "Kultura, sztuka i dziedzictwo"),
    ("sport", "Kultura fizyczna i sport"),
    ("ecology", "Ekologia i ochrona zwierząt"),
    ("seniors", "Seniorzy"),
    ("youth", "Dzieci i młodzież"),
    ("civic", "Aktywność obywatelska i demokracja lokalna"),
    ("safety", "Porządek i bezpieczeństwo publiczne"),
    ("tourism", "Turystyka i rekreacja"),
]

EDITOR_PERMISSIONS = ["add_issue", "change_issue", "delete_issue", "view_issue", "send_issue"]
ADMINISTRATOR_PERMISSIONS = EDITOR_PERMISSIONS + [
    "add_topic",
    "change_topic",
    "view_topic",
    "change_subscriber",
    "view_subscriber",
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("newsletters", "Topic")
    for order, (slug, name, description) in enumerate(CONTENT_TOPICS):
        Topic.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "kind": "content", "sort_order": order},
        )
    for order, (code, name) in enumerate(AREA_TOPICS):
        Topic.objects.update_or_create(
            slug=f"area-{code}",
            defaults={"name": name, "kind": "area", "area": code, "sort_order": order},
        )


def grant_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("newsletters")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in [
        ("Editor", EDITOR_PERMISSIONS),
        ("Administrator", ADMINISTRATOR_PERMISSIONS),
    ]:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="newsletters", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_topics, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
