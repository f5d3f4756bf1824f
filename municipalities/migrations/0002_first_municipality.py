"""The existing window becomes the first municipality.

A single-city database has one HomePage as the default site's root. It becomes a
Municipality (name and contact from the portal settings); the staff of the role groups
become its staff and the page rights the role groups held on the home page move to
its staff group, so nothing changes for them and later municipalities stay apart.
The kind is read from the acts (wójt: rural, burmistrz: urban-rural, prezydent: city
with county rights, otherwise urban); the TERYT code is left for an administrator.
"""

from django.db import migrations
from django.utils.text import slugify

ROLE_GROUPS = ["Editor", "Official", "Administrator"]
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
KIND_BY_BODY = [("wojt", "rural"), ("mayor", "urban_rural"), ("president", "city_county")]


def _kind(apps, home):
    acts = apps.get_model("cms_pages", "ResolutionPage").objects.filter(
        path__startswith=home.path
    )
    bodies = set(acts.values_list("issuing_body", flat=True))
    return next((kind for body, kind in KIND_BY_BODY if body in bodies), "urban")


def forwards(apps, schema_editor):
    Municipality = apps.get_model("municipalities", "Municipality")
    Site = apps.get_model("wagtailcore", "Site")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PortalSettings = apps.get_model("cms_pages", "PortalSettings")
    if Municipality.objects.exists():
        return
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.content_type.model != "homepage":
        return
    home = site.root_page
    portal = PortalSettings.objects.filter(site=site).first()
    name = (portal and portal.city_name) or site.site_name or home.title
    staff, _created = Group.objects.get_or_create(name=f"{name}: staff")
    Municipality.objects.create(
        name=name,
        kind=_kind(apps, home),
        slug=slugify(name.replace("ł", "l").replace("Ł", "L")) or "gmina",
        home_page=home,
        staff_group=staff,
        office_name=portal.office_name if portal else "",
        office_address=portal.office_address if portal else "",
        contact_email=portal.contact_email if portal else "",
        contact_phone=portal.contact_phone if portal else "",
    )
    role_rights = GroupPagePermission.objects.filter(group__name__in=ROLE_GROUPS, page=home)
    for permission_id in set(
        role_rights.filter(permission__codename__in=STAFF_PAGE_PERMISSIONS).values_list(
            "permission_id", flat=True
        )
    ):
        GroupPagePermission.objects.create(group=staff, page=home, permission_id=permission_id)
    role_rights.delete()
    User = apps.get_model("accounts", "User")
    staff.user_set.add(*User.objects.filter(groups__name__in=ROLE_GROUPS).distinct())


def backwards(apps, schema_editor):
    Municipality = apps.get_model("municipalities", "Municipality")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for municipality in Municipality.objects.filter(home_page__depth=2):
        rights = GroupPagePermission.objects.filter(
            group=municipality.staff_group_id, page=municipality.home_page_id
        )
        for group in Group.objects.filter(name__in=ROLE_GROUPS):
            for right in rights:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=right.page_id, permission_id=right.permission_id
                )
    staff_groups = list(Municipality.objects.values_list("staff_group_id", flat=True))
    Municipality.objects.all().delete()
    Group.objects.filter(pk__in=staff_groups).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0001_municipality_and_regional_pages"),
        ("cms_pages", "0003_content_types"),
        ("accounts", "0003_role_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
