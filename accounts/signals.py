from django.dispatch import Signal

# Sent by services.delete_account inside its transaction, after every eraser of
# accounts.erasure ran, with `user` (already anonymised) and `emails` (the addresses
# it had). Personal data is erased by registering an eraser there, so the test that
# walks every model can see it; this signal is for other reactions.
account_deleted = Signal()
