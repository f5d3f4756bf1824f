"""Account deletion reaches the consultations: report notices addressed to the person
are dropped, and what shows their name elsewhere is rebuilt (the cached pages of the
consultations they commented on, the search entries of their comments and of the
report rows answering them). The comments stay, signed "deleted user"."""

from accounts.erasure import eraser
from search.services import schedule_index

from .caching import touch
from .models import CommentResponse, ConsultationComment, ReportNotice


@eraser("consultations.reportnotice", "portal_search.searchentry")
def forget_commenter(user, *, emails, **_former):
    for email in emails:
        ReportNotice.objects.filter(email__iexact=email).delete()
    comments = list(ConsultationComment.objects.filter(user=user))
    for consultation_id in {c.consultation_id for c in comments}:
        touch(consultation_id)
    for comment in comments:
        schedule_index(comment)
    for response in CommentResponse.objects.filter(comment__user=user):
        schedule_index(response)
