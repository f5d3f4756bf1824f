from django.utils import timezone

from ..models import GrantEvent


def record(
    action: str, *, actor=None, call=None, offer=None, note: str = "", at=None
) -> GrantEvent:
    """Write one line of the audit trail (inside the caller's transaction); `at`: when
    it happened, if not now."""
    if offer is not None and call is None:
        call_id = offer.call_id
    else:
        call_id = call.pk if call is not None else None
    return GrantEvent.objects.create(
        at=at or timezone.now(),
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        call_id=call_id,
        offer=offer,
        note=note,
    )
