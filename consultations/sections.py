"""The home page's "open consultations" section (cms_pages.window)."""

from django.utils import timezone

HOME_SECTION_LIMIT = 5


def open_consultations_section(home_page, request):
    from .models import ConsultationPage

    now = timezone.now()
    consultations = list(
        ConsultationPage.objects.live()
        .descendant_of(home_page)
        .open(now)
        .with_comment_counts()
        .order_by("end_at")[:HOME_SECTION_LIMIT]
    )
    from .models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.live().child_of(home_page).first()
    if index is None:
        return None
    return {
        "template": "consultations/sections/open_consultations.html",
        "order": 20,
        "consultations": consultations,
        "index_page": index,
        "now": now,
    }
