"""Setting up a municipality's window: page tree skeleton, site, staff group."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, Site

from .accessibility_rules import DEFAULT_PROCEDURE
from .models import Municipality, RegionalHomePage

STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


@dataclass(frozen=True)
class MunicipalityData:
    name: str
    kind: str
    slug: str
    teryt: str = ""
    hostname: str = ""
    office_name: str = ""
    office_address: str = ""
    contact_email: str = ""
    contact_phone: str = ""


def staff_group_name(municipality_name: str) -> str:
    return f"{municipality_name}: staff"


def grant_staff_page_permissions(group, page) -> None:
    """The staff group edits, publishes and adds pages in the municipality's tree."""
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=STAFF_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _skeleton(home, municipality) -> None:
    """The sections every window has, empty and published, and a draft accessibility
    statement filled in from the municipality's data for the editors to complete."""
    from cms_pages.models import (
        CallIndexPage,
        EventIndexPage,
        NewsIndexPage,
        ResolutionIndexPage,
        SupportCentreIndexPage,
    )
    from consultations.models import ConsultationIndexPage

    from .models import AccessibilityStatementPage

    sections = [
        (NewsIndexPage, _("News"), "aktualnosci"),
        (ResolutionIndexPage, _("Resolutions and orders"), "uchwaly"),
        (CallIndexPage, _("Calls for proposals"), "konkursy"),
        (ConsultationIndexPage, _("Consultations"), "konsultacje"),
        (EventIndexPage, _("Events and trainings"), "wydarzenia-i-szkolenia"),
        (SupportCentreIndexPage, _("Support centres"), "centra-wsparcia"),
    ]
    for model, title, slug in sections:
        home.add_child(instance=model(title=title, slug=slug, show_in_menus=True))
    today = timezone.localdate()
    home.add_child(
        instance=AccessibilityStatementPage(
            title=_("Accessibility statement"),
            slug="deklaracja-dostepnosci",
            live=False,
            entity_name=municipality.office_name or municipality.name,
            website_name=municipality.name,
            published_on=today,
            updated_on=today,
            prepared_on=today,
            contact_person=municipality.office_name,
            contact_email=municipality.contact_email,
            contact_phone=municipality.contact_phone,
            procedure=DEFAULT_PROCEDURE,
        )
    )


def _validated(data: MunicipalityData) -> Municipality:
    municipality = Municipality(
        name=data.name.strip(),
        kind=data.kind,
        teryt=data.teryt,
        slug=data.slug,
        hostname=data.hostname,
        office_name=data.office_name,
        office_address=data.office_address,
        contact_email=data.contact_email,
        contact_phone=data.contact_phone,
    )
    municipality.full_clean(exclude=["home_page", "staff_group"])
    if municipality.hostname and Site.objects.filter(hostname=municipality.hostname).exists():
        raise ValidationError({"hostname": _("A site with this host name already exists.")})
    return municipality


def _regional_parent(municipality):
    regional = RegionalHomePage.objects.first()
    if regional is not None:
        return regional
    if municipality.hostname:
        return Page.get_first_root_node()
    raise ValidationError(
        _(
            "There is no regional page to add the window under: add the regional operator "
            "(kind: association) first, or give the municipality its own host name."
        )
    )


@transaction.atomic
def add_municipality(data: MunicipalityData) -> Municipality:
    """Create the municipality, its home page with the sections of a window, its own
    Site when a host name is given, and its staff group with page rights on its tree.

    The regional operator (kind "association") gets the regional home page instead;
    it becomes the default site's root and existing windows move under it (their
    host names keep answering; the default address serves them at /<path>/).
    Raises ValidationError (nothing is saved) on bad data.
    """
    from cms_pages.models import HomePage

    municipality = _validated(data)
    if municipality.is_regional_operator:
        home = _add_regional_page(municipality)
    else:
        parent = _regional_parent(municipality)
        home = parent.add_child(instance=HomePage(title=municipality.name, slug=municipality.slug))
        _skeleton(home, municipality)
    municipality.home_page = home
    group, _created = Group.objects.get_or_create(name=staff_group_name(municipality.name))
    municipality.staff_group = group
    municipality.save()
    grant_staff_page_permissions(group, home)
    if municipality.hostname:
        Site.objects.create(
            hostname=municipality.hostname, port=80, root_page=home, site_name=municipality.name
        )
    return municipality


def _add_regional_page(municipality) -> RegionalHomePage:
    if RegionalHomePage.objects.exists():
        raise ValidationError({"kind": _("The portal already has a regional operator.")})
    root = Page.get_first_root_node()
    regional = root.add_child(
        instance=RegionalHomePage(title=municipality.name, slug=municipality.slug)
    )
    for existing in Municipality.objects.select_related("home_page").filter(home_page__depth=2):
        home = existing.home_page
        home.slug = existing.slug
        home.save()
        home.move(regional, pos="last-child")
    default = Site.objects.filter(is_default_site=True).first()
    if default is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=regional,
            is_default_site=True,
            site_name=municipality.name,
        )
    elif not municipality.hostname:
        default.root_page = regional
        default.site_name = municipality.name
        default.save()
    return regional


def add_staff(*, user, municipality: Municipality) -> None:
    """The user (an editor, official or administrator by role) works for the municipality."""
    user.groups.add(municipality.staff_group)
    user.__dict__.pop("municipality_home_paths", None)


def home_municipality() -> Municipality | None:
    """The municipality whose window is the default site's root (single-city set-up)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    return Municipality.objects.filter(home_page_id=site.root_page_id).first()
