from django.dispatch import Signal

# Sent by services.delete_account inside its transaction, after every eraser of
# accounts.erasure ran, with `user` (already anonymised) and `emails` (the addresses
# it had). Personal data is erased by registering an eraser there, so the test that
# walks every model can see it; this signal is for other reactions.
account_deleted = Signal()


def forget_role_names(sender, instance, action, reverse, **kwargs):
    """A user object read its role names once (User.role_names); a change of its
    groups through that object makes it read them again."""
    if action.startswith("post_") and not reverse:
        instance.__dict__.pop("role_names", None)
