"""Let editors and officials open sign-up for events, and officials name advisors."""

from django.db import migrations

SETTINGS = ["add_registrationsettings", "change_registrationsettings", "view_registrationsettings", "delete_registrationsettings"]
ADVISORS = ["add_centreadvisor", "change_centreadvisor", "view_centreadvisor", "delete_centreadvisor"]


def grant_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("signups")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in [
        ("Editor", SETTINGS),
        ("Official", SETTINGS + ADVISORS),
        ("Administrator", SETTINGS + ADVISORS),
    ]:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="signups", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("signups", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
