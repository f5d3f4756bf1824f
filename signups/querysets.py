from django.db import models


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status="cancelled")

    def confirmed(self):
        return self.filter(status="confirmed")

    def waiting(self):
        return self.filter(status="waiting").order_by("queued_at", "pk")
