"""What account deletion forgets here (accounts/erasure.py).

A ballot stays, so the published tally can still be recounted from the ballots, but it
no longer names the voter; a support signature stays counted without name or address."""

from accounts.erasure import eraser


@eraser("budget.ballot", "budget.support")
def forget_voter(user, *, emails, names):
    from .models import Ballot, Support

    Ballot.objects.filter(voter=user).update(full_name="")
    Support.objects.filter(user=user).update(full_name="", address="")
