"""Existing topics and issues find their owner; officials and editors get topic rights.

Where the portal has exactly one municipality and it is not the regional operator (a
single-city portal), its topics and issues become that municipality's: its staff keep
managing them and its subscribers keep hearing about its own content when more
municipalities join later. Anywhere else (a regional operator, several municipalities,
none yet) they become regional topics and issues of the operator.

Editors and officials may now add and edit the topics of their municipalities, and
officials compose and send issues like editors (the admin scopes both to their
municipalities).
"""

from django.db import migrations

ROLE_RIGHTS = {
    "Editor": ["add_topic", "change_topic", "view_topic"],
    "Official": [
        "add_topic",
        "change_topic",
        "view_topic",
        "add_issue",
        "change_issue",
        "delete_issue",
        "view_issue",
        "send_issue",
    ],
}


def sole_local_municipality(apps):
    Municipality = apps.get_model("municipalities", "Municipality")
    municipalities = list(Municipality.objects.all()[:2])
    if len(municipalities) == 1 and municipalities[0].kind != "association":
        return municipalities[0]
    return None


def assign_owner(apps, schema_editor):
    owner = sole_local_municipality(apps)
    if owner is None:
        return
    apps.get_model("newsletters", "Topic").objects.update(municipality=owner)
    apps.get_model("newsletters", "Issue").objects.update(municipality=owner)


def make_regional(apps, schema_editor):
    apps.get_model("newsletters", "Topic").objects.update(municipality=None)
    apps.get_model("newsletters", "Issue").objects.update(municipality=None)


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("newsletters")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_RIGHTS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="newsletters", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_RIGHTS.items():
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="newsletters", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0003_topics_and_issues_per_municipality"),
        ("municipalities", "0003_stock_groups_scoped"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(assign_owner, make_regional),
        migrations.RunPython(grant, revoke),
    ]
