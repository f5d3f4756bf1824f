"""Verbs on offers: start, save a draft (refusing a save over a newer version),
submit before the deadline (freezing a version), open a correction."""

from dataclasses import asdict

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms_pages.models import CallStatus
from municipalities.models import Municipality

from ..corrections import limit_to_items
from ..models import (
    CallTerms,
    CostLine,
    FormalCorrection,
    JointShare,
    Offer,
    OfferAction,
    OfferKind,
    OfferResult,
    OfferStatus,
    OfferVersion,
    SmallGrantPublication,
)
from ..rules import CallRules, OfferData, check_offer
from .audit import record

OFFER_FIELDS = [
    "task_area",
    "offeror_name",
    "legal_form",
    "register_number",
    "address",
    "website",
    "email",
    "phone",
    "contact_person",
    "is_joint",
    "co_offerors",
    "title",
    "start_date",
    "end_date",
    "description",
    "expected_results",
    "experience",
    "resources",
    "grant_requested",
    "own_financial",
    "own_non_financial",
    "recipient_fees",
    "paid_activity",
    "joint_roles",
    "other_information",
    "declared_statutory",
    "declared_no_arrears",
    "declared_register",
    "declared_truth",
    "declared_personal_data",
]
ACTION_FIELDS = [
    "number",
    "name",
    "description",
    "target_group",
    "start_date",
    "end_date",
    "contractor",
]
RESULT_FIELDS = ["name", "target_value", "monitoring"]
COST_FIELDS = [
    "action_number",
    "name",
    "unit",
    "unit_cost",
    "units",
    "value",
    "year_1",
    "year_2",
    "year_3",
]
SHARE_FIELDS = ["offeror", "amount"]
TABLES = {
    "actions": (OfferAction, ACTION_FIELDS),
    "results": (OfferResult, RESULT_FIELDS),
    "costs": (CostLine, COST_FIELDS),
    "shares": (JointShare, SHARE_FIELDS),
}
RELATED = {
    "actions": "actions",
    "results": "results",
    "costs": "cost_lines",
    "shares": "joint_shares",
}


class StaleOffer(Exception):
    """Someone saved the offer after the version this save started from."""


class OfferRefused(Exception):
    def __init__(self, message, problems=()):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


def rules_for(offer) -> CallRules:
    if offer.kind == OfferKind.SMALL:
        return CallRules(small_grant=True)
    terms = getattr(offer, "_terms", None)
    if terms is None:
        terms = CallTerms.objects.filter(call_id=offer.call_id).first()
    funds = offer.call.total_amount if offer.call_id else None
    if terms is None:
        return CallRules(funds=funds)
    return CallRules(
        funds=funds,
        max_grant=terms.max_grant,
        min_own_pct=terms.min_own_contribution_pct if terms.mode == "support" else 0,
        admin_cap_pct=terms.admin_cost_cap_pct,
        in_kind_allowed=terms.in_kind_allowed,
        period=(terms.implementation_start, terms.implementation_end),
    )


def offer_data(offer) -> OfferData:
    """The offer as plain data (its tables read with one query each)."""
    data = OfferData(fields={name: getattr(offer, name) for name in OFFER_FIELDS})
    for table, (_model, fields) in TABLES.items():
        rows = getattr(offer, RELATED[table]).all()
        setattr(data, table, [{name: getattr(row, name) for name in fields} for row in rows])
    return data


def prefill_from(organisation) -> dict:
    address = ", ".join(
        part for part in (organisation.street, organisation.postal_code, organisation.city) if part
    )
    return {
        "offeror_name": organisation.name,
        "register_number": f"KRS {organisation.krs}" if organisation.krs else "",
        "address": address,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
    }


@transaction.atomic
def start_offer(*, organisation, user, call=None, municipality=None) -> Offer:
    """A new draft, its section II filled in from the organisation's profile."""
    if call is not None:
        municipality = Municipality.objects.for_page(call)
        kind = OfferKind.STANDARD
        area = call.task_area
    else:
        kind, area = OfferKind.SMALL, ""
    offer = Offer.objects.create(
        kind=kind,
        call=call,
        municipality=municipality,
        organisation=organisation,
        created_by=user,
        updated_by=user,
        task_area=area,
        **prefill_from(organisation),
    )
    record("offer_started", actor=user, offer=offer)
    return offer


@transaction.atomic
def save_offer(*, offer, user, version: int, data: OfferData) -> Offer:
    """Save the draft when `version` is still the latest; else raise StaleOffer and
    change nothing. The tables are replaced whole (one delete and one insert each)."""
    if not offer.is_editable:
        raise OfferRefused(_("A submitted offer cannot be changed."))
    if offer.status == OfferStatus.CORRECTION:
        data = _within_correction(offer, data)
    values = {name: data.fields.get(name) for name in OFFER_FIELDS if name in data.fields}
    for name in ("grant_requested", "own_financial", "own_non_financial", "recipient_fees"):
        if name in values and values[name] is None:
            values[name] = 0
    for name, value in list(values.items()):
        if value is None and name not in ("start_date", "end_date"):
            values[name] = "" if not isinstance(getattr(offer, name), bool) else False
    changed = Offer.objects.filter(
        pk=offer.pk, version=version, status__in=(OfferStatus.DRAFT, OfferStatus.CORRECTION)
    ).update(version=F("version") + 1, updated_at=timezone.now(), updated_by=user, **values)
    if not changed:
        raise StaleOffer
    for table, (model, fields) in TABLES.items():
        _replace_rows(offer, model, fields, getattr(data, table), numbered=table == "actions")
    # the row now holds what was sent: no need to read it back
    for name, value in values.items():
        setattr(offer, name, value)
    offer.version = version + 1
    offer.updated_by = user
    return offer


def open_correction(offer) -> FormalCorrection | None:
    return FormalCorrection.objects.filter(
        offer=offer, resubmitted_at__isnull=True, expired_at__isnull=True
    ).first()


def _within_correction(offer, data: OfferData) -> OfferData:
    """During an official's call for corrections only the listed parts change."""
    correction = open_correction(offer)
    if correction is None:
        return data
    if correction.is_overdue():
        raise OfferRefused(_("The deadline for corrections has passed."))
    return limit_to_items(data, offer_data(offer), correction.items)


def _replace_rows(offer, model, fields, rows, *, numbered: bool) -> None:
    """Make the table hold exactly `rows`: rows in place are updated where they differ
    (one query), new ones inserted (one), surplus ones deleted. An unchanged table costs
    one read."""
    columns = list(fields) if numbered else [*fields, "position"]
    wanted = []
    for index, row in enumerate(rows, start=1):
        values = {name: row.get(name) for name in fields}
        if not numbered:
            values["position"] = index
        for name, value in values.items():
            if value is None and not model._meta.get_field(name).null:
                values[name] = ""
        wanted.append(values)
    existing = list(model.objects.filter(offer=offer).order_by("pk"))
    kept = min(len(existing), len(wanted))
    changed = []
    for old, values in zip(existing[:kept], wanted[:kept], strict=True):
        if any(getattr(old, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(old, name, value)
            changed.append(old)
    if changed:
        model.objects.bulk_update(changed, columns)
    if len(wanted) > kept:
        model.objects.bulk_create(model(offer=offer, **values) for values in wanted[kept:])
    if len(existing) > kept:
        model.objects.filter(pk__in=[old.pk for old in existing[kept:]]).delete()


def _deadline_passed(offer, now) -> bool:
    if offer.kind == OfferKind.SMALL:
        return False
    call = offer.call
    return not (
        call.status in (CallStatus.ANNOUNCED, CallStatus.OPEN) and call.offer_deadline > now
    )


def snapshot(offer) -> dict:
    data = offer_data(offer)
    return {key: _jsonable(value) for key, value in asdict(data).items()}


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


@transaction.atomic
def submit_offer(*, offer, user, now=None) -> OfferVersion:
    """Submit before the call's deadline (Europe/Warsaw, as stored) when every rule is
    met; the offer is then frozen and this version kept as sent."""
    now = now or timezone.now()
    offer = Offer.objects.select_for_update(of=("self",)).select_related("call").get(pk=offer.pk)
    if not offer.is_editable:
        raise OfferRefused(_("This offer has already been submitted."))
    correction = open_correction(offer) if offer.status == OfferStatus.CORRECTION else None
    if correction is not None:
        if correction.is_overdue(now):
            raise OfferRefused(
                _("The deadline for corrections passed on %(date)s.")
                % {"date": correction.due_date.strftime("%d.%m.%Y")}
            )
    elif _deadline_passed(offer, now):
        raise OfferRefused(
            _("The deadline for offers has passed; the draft is kept but cannot be submitted.")
        )
    problems = check_offer(offer_data(offer), rules_for(offer), submitting=True)
    if problems:
        raise OfferRefused(_("The offer has errors; correct them first."), problems)
    number = offer.versions.count() + 1
    version = OfferVersion.objects.create(
        offer=offer, number=number, submitted_at=now, submitted_by=user, data=snapshot(offer)
    )
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.SUBMITTED, submitted_at=now, version=F("version") + 1
    )
    record("offer_submitted", actor=user, offer=offer, note=str(number))
    if correction is not None:  # the formal check is repeated on this version
        FormalCorrection.objects.filter(pk=correction.pk).update(resubmitted_at=now)
        record("formal_correction_submitted", actor=user, offer=offer, note=str(number))
    return version


@transaction.atomic
def start_correction(*, offer, user, now=None) -> None:
    """Reopen a submitted offer for a correction while the call still takes offers;
    the submitted version stays in the history, the corrected one becomes the next."""
    now = now or timezone.now()
    if offer.status != OfferStatus.SUBMITTED:
        raise OfferRefused(_("Only a submitted offer can be corrected."))
    if SmallGrantPublication.objects.filter(offer=offer).exists():
        raise OfferRefused(
            _("The offer has been published for comments; it can no longer be changed.")
        )
    if _deadline_passed(offer, now):
        raise OfferRefused(
            _("The deadline for offers has passed; the offer can no longer be corrected.")
        )
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.CORRECTION, version=F("version") + 1
    )
    record("offer_correction_started", actor=user, offer=offer)
