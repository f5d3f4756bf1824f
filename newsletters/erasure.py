"""Account deletion reaches the newsletter: the person stops receiving issues at once,
and the address, its topics, consent records and delivery history are erased."""

from django.db.models import Q

from accounts.erasure import eraser

from .models import Subscriber
from .services import erase_subscriber


@eraser("newsletters.subscriber", "newsletters.consentrecord", "newsletters.delivery")
def forget_subscriber(user, *, emails, **_former):
    matches = Q(user=user)
    for email in emails:
        matches |= Q(email__iexact=email)
    for subscriber in Subscriber.objects.filter(matches):
        erase_subscriber(subscriber=subscriber)
