from django.db import models


class MunicipalityQuerySet(models.QuerySet):
    def of_user(self, user):
        """Municipalities whose staff group the user is in."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(staff_group__user=user)

    def for_page(self, page):
        """The municipality whose window holds the page (the deepest home page above it,
        so a local window wins over the regional operator's page); one query."""
        if page is None or not page.path:
            return None
        step = len(page.path) // page.depth if page.depth else 4
        paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
        return self.filter(home_page__path__in=paths).order_by("-home_page__depth").first()

    def local(self):
        """Municipalities with their own window (not the regional operator)."""
        return self.exclude(kind="association")
