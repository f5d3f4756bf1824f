from django.dispatch import Signal

# Sent by services.delete_account inside its transaction, with `user` (already
# anonymised). Apps that keep personal data about a user (e.g. newsletter
# subscriptions) connect here and erase it.
account_deleted = Signal()


def forget_role_names(sender, instance, action, reverse, **kwargs):
    """A user object read its role names once (User.role_names); a change of its
    groups through that object makes it read them again."""
    if action.startswith("post_") and not reverse:
        instance.__dict__.pop("role_names", None)
