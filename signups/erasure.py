"""What account deletion forgets here (accounts/erasure.py): the person's sign-ups.

An active place is cancelled first, so the first person waiting gets it, then the row
goes; attendance lists keep no trace of the person."""

from django.db.models import Q

from accounts.erasure import eraser


@eraser("signups.registration")
def forget_registrations(user, *, emails, names):
    from .models import Registration
    from .services.events import cancel

    rows = Registration.objects.filter(Q(user=user) | Q(email__in=emails))
    for pk in rows.filter(status__in=Registration.ACTIVE).values_list("pk", flat=True):
        cancel(registration_id=pk)
    rows.delete()
