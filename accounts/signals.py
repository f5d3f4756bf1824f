from django.dispatch import Signal

# Sent by services.delete_account inside its transaction, with `user` (already
# anonymised). Apps that keep personal data about a user (e.g. newsletter
# subscriptions) connect here and erase it.
account_deleted = Signal()
