"""The comment form, a comment's own page and the small POST actions on comments."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.net import client_ip

from .. import permissions, services, subjects
from ..models import Clause, ConsultationComment, ConsultationPage
from ..views import viewable_consultation
from .forms import CommentForm

logger = logging.getLogger(__name__)


def refusal_message(code: str, consultation) -> str:
    tz_end = timezone.localtime(consultation.end_at).strftime("%d.%m.%Y %H:%M")
    tz_start = timezone.localtime(consultation.start_at).strftime("%d.%m.%Y %H:%M")
    return {
        services.CommentRefused.ANONYMOUS: _("Log in to comment."),
        services.CommentRefused.NOT_PUBLISHED: _(
            "This consultation is not published at the moment, so we cannot accept your "
            "comment. Your text is kept below."
        ),
        services.CommentRefused.UNVERIFIED: _(
            "Confirm your e-mail address before you comment. Your text is kept below."
        ),
        services.CommentRefused.NOT_PARTICIPANT: _(
            "Officials answer comments in the report; they do not comment here."
        ),
        services.CommentRefused.PLANNED: _(
            "Comments open on %(date)s. Your text is kept below; send it then."
        )
        % {"date": tz_start},
        services.CommentRefused.CLOSED: _(
            "This consultation closed on %(date)s, so we cannot accept your comment. "
            "Your text is kept below."
        )
        % {"date": tz_end},
        services.CommentRefused.RATE_LIMITED: _(
            "You have sent many comments in a short time. Wait a minute and send again; "
            "your text is kept below."
        ),
        services.CommentRefused.BAD_TARGET: _("This clause is not part of the consultation."),
        services.CommentRefused.TOO_DEEP: _(
            "Replies cannot be nested deeper; reply to the comment above instead."
        ),
    }[code]


def _consultation_for_comment(request, page_id):
    """(consultation with its consulted version's id, whether the request may view it), or 404.

    A page that was never published, or one behind a view restriction the request has not
    passed, does not exist for this visitor. One unpublished after people started typing
    refuses the comment and keeps the text (POST only), without the act's text.
    """
    consultation = get_object_or_404(
        ConsultationPage.objects.with_view_restriction_flag().with_consulted_version(),
        pk=page_id,
    )
    can_view = permissions.can_view_consultation(request, consultation)
    keeps_text = (
        request.method == "POST" and not consultation.live and consultation.first_published_at
    )
    if not (can_view or keeps_text):
        raise Http404
    if consultation.consulted_version_pk is None:
        raise Http404
    return consultation, can_view


def _comment_target(params, consultation):
    """(clause, parent) named by ?clause= or ?reply_to=, each None when not named."""
    if params.get("reply_to"):
        parent = get_object_or_404(
            ConsultationComment.objects.listed().select_related("clause", "user", "organisation"),
            pk=_int(params["reply_to"]),
            consultation=consultation,
        )
        parent.consultation = consultation  # the same row: no second query in the service
        return parent.clause, parent
    if params.get("clause"):
        # Only a clause of the consulted version (the draft people comment on).
        clause = get_object_or_404(
            Clause.objects.select_related("version"),
            pk=_int(params["clause"]),
            version_id=consultation.consulted_version_pk,
        )
        return clause, None
    return None, None


@require_http_methods(["GET", "POST"])
def comment_form(request, page_id):
    """Comment on one clause (?clause=), on the act (no clause) or reply (?reply_to=)."""
    params = request.POST if request.method == "POST" else request.GET
    consultation, can_view = _consultation_for_comment(request, page_id)
    clause, parent = _comment_target(params, consultation)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    policy = permissions.CommentPolicy(request.user, consultation)
    form = CommentForm(
        request.POST if request.method == "POST" else None, organisations=policy.organisations
    )
    refusal = fault = None
    if request.method == "GET":
        refusal = policy.reply_refusal(parent) if parent else policy.comment_refusal()
    elif form.is_valid():
        try:
            comment = _post(request, form, policy, clause, parent)
        except services.CommentRefused as exc:
            refusal = exc.code
        except PermissionDenied:
            form.add_error("on_behalf", _("You do not represent this organisation."))
        except DatabaseError:
            # Nothing was stored (the service is atomic); the text goes back to its author.
            logger.exception("Comment on consultation %s could not be saved", consultation.pk)
            fault = _(
                "Your comment could not be saved because of a fault on our side. Nothing "
                "was lost: your text is below. Please send it again in a minute."
            )
        else:
            messages.success(request, _("Thank you, your comment has been published."))
            return redirect(f"{consultation.url}#{comment.anchor}")
    return render(
        request,
        "consultations/comment_form.html",
        {
            "page": consultation,
            "consultation": consultation,
            "clause": clause,
            "parent": parent,
            "form": form,
            "phase": consultation.phase_at(policy.now),
            "refusal": refusal,
            "refusal_message": refusal_message(refusal, consultation) if refusal else "",
            "login_url": f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}",
            "verify_url": reverse("account_email"),
            "can_post": refusal is None or refusal == services.CommentRefused.RATE_LIMITED,
            "can_view": can_view,
            "fault": fault,
            "labels": subjects.describe(consultation)["labels"],
        },
        status=503 if fault else 403 if refusal and request.method == "POST" else 200,
    )


def _post(request, form, policy, clause, parent):
    common = {
        "user": request.user,
        "text": form.text(),
        "organisation": form.cleaned_organisation(),
        "ip_address": client_ip(request),
        "policy": policy,
        "submission_key": form.cleaned_data.get("submission_key", ""),
    }
    if parent is not None:
        return services.reply(parent=parent, **common)
    return services.post_comment(consultation=policy.consultation, clause=clause, **common)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


# --- Flagging and reactions --------------------------------------------------


def _comment_or_404(request, comment_id):
    """The comment, if the request may see its consultation (else 404, like the page)."""
    comment = get_object_or_404(
        ConsultationComment.objects.select_related("clause"), pk=comment_id, is_removed=False
    )
    comment.consultation = viewable_consultation(request, comment.consultation_id)
    return comment


def comment_actions(request, comment_id):
    """One comment with its actions: agree, disagree, report to the moderator.

    Kept off the act page so that the page stays the same for every visitor (cacheable)
    and light (thousands of comments, no per-comment forms).
    """
    comment = _comment_or_404(request, comment_id)
    return render(
        request,
        "consultations/comment_action.html",
        {
            "comment": comment,
            "page": comment.consultation,
            "policy": permissions.CommentPolicy(request.user, comment.consultation),
            "login_url": f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}",
        },
    )


@require_http_methods(["GET", "POST"])
def flag(request, comment_id):
    """POST: record a removal suggestion (one flag per user); GET: the actions page."""
    comment = _comment_or_404(request, comment_id)
    if request.method == "GET":
        return redirect("consultations:comment_actions", comment.pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("consultations:comment_actions", args=[comment.pk]))
    services.flag_comment(comment=comment, user=request.user)
    messages.success(request, _("Thank you. A moderator will look at this comment."))
    return redirect(f"{comment.consultation.url}#{comment.anchor}")


@require_http_methods(["GET", "POST"])
def react(request, comment_id, reaction):
    """POST: like / dislike (a second identical click withdraws it); GET: the actions page."""
    if reaction not in ("like", "dislike"):
        raise Http404
    comment = _comment_or_404(request, comment_id)
    if request.method == "GET":
        return redirect("consultations:comment_actions", comment.pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("consultations:comment_actions", args=[comment.pk]))
    services.react(comment=comment, user=request.user, like=reaction == "like")
    messages.success(request, _("Your reaction has been saved."))
    return redirect(f"{comment.consultation.url}#{comment.anchor}")
