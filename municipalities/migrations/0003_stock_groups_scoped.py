"""Wagtail's stock groups lose their page rights on the tree's root.

Wagtail creates "Editors" and "Moderators" with add/change (and, for moderators,
publish/lock/unlock) rights on the root page: whoever is put in them edits every
municipality's window, past the staff groups that say where a person works. The rights
go; the groups stay (Wagtail's default workflow names "Moderators"), with their image
and document rights. On an installation with a single municipality their members join
its staff group, so nobody there loses access; with several, an administrator puts
them in the right staff groups (docs/municipalities.md). Migrating back restores
Wagtail's rights.
"""

from django.db import migrations

STOCK_RIGHTS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def forwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Group = apps.get_model("auth", "Group")
    Municipality = apps.get_model("municipalities", "Municipality")
    User = apps.get_model("accounts", "User")
    rights = GroupPagePermission.objects.filter(group__name__in=STOCK_RIGHTS, page__depth=1)
    members = User.objects.filter(
        groups__in=Group.objects.filter(pk__in=rights.values("group_id"))
    ).distinct()
    municipalities = list(Municipality.objects.exclude(staff_group=None)[:2])
    if len(municipalities) == 1 and members.exists():
        municipalities[0].staff_group.user_set.add(*members)
    rights.delete()


def backwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for name, codenames in STOCK_RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0002_first_municipality"),
        ("wagtailcore", "0005_add_page_lock_permission_to_moderators"),
        ("accounts", "0003_role_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
