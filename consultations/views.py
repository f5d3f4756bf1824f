"""Public consultation pages, the comment page and the small POST actions on comments."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_comments.models import CommentFlag
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from portal.db import CompiledLookup
from portal.net import client_ip

from . import permissions, services
from .models import (
    Clause,
    ClauseLevel,
    ConsultationComment,
    ConsultationPage,
    DraftActVersion,
    Phase,
)
from .rendering import CommentRenderer

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
# Clause levels shown as headings; the others are running text under them.
HEADING_LEVELS = {
    ClauseLevel.ZALACZNIK,
    ClauseLevel.ROZDZIAL,
    ClauseLevel.ARTYKUL,
    ClauseLevel.PARAGRAF,
}
ACT_CACHE_SECONDS = 60 * 60


# --- Reads shared by the page and the listings ------------------------------


# What CommentRenderer reads: loading only these keeps 2,000 comments cheap to build.
LISTING_FIELDS = (
    "id",
    "level",
    "parent_id",
    "thread_id",
    "order",
    "clause_id",
    "submit_date",
    "channel",
    "user_name",
    "submitter_name",
    "hidden_at",
    "hidden_reason",
    "body_html",
    "proposed_wording_html",
    "justification_html",
    "user__username",
    "user__first_name",
    "user__last_name",
    "user__display_name",
    "user__is_deleted",
    "organisation__name",
)


def comments_for_listing(consultation, *, with_responses=False):
    """Every comment of the consultation in thread order: one query.

    Responses are shown once the report is published; only then are they joined.
    """
    related = ["user", "organisation"]
    fields = list(LISTING_FIELDS)
    if with_responses:
        related.append("response")
        fields += ["response__status", "response__text"]
    return list(
        ConsultationComment.objects.filter(consultation=consultation, is_removed=False)
        .select_related(None)  # xtd's manager joins content types we do not show
        .select_related(*related)
        .only(*fields)
        .order_by("thread_id", "order")
    )


def reaction_counts(consultation) -> dict[int, dict[str, int]]:
    """{comment id: {"likes": n, "dislikes": n}} in one query."""
    rows = (
        CommentFlag.objects.filter(
            comment__xtdcomment__consultationcomment__consultation=consultation,
            flag__in=[LIKEDIT_FLAG, DISLIKEDIT_FLAG],
        )
        .values_list("comment_id", "flag")
        .annotate(n=Count("id"))
    )
    out: dict[int, dict[str, int]] = {}
    for comment_id, flag, n in rows:
        key = "likes" if flag == LIKEDIT_FLAG else "dislikes"
        out.setdefault(comment_id, {"likes": 0, "dislikes": 0})[key] = n
    return out


def build_act(version, consultation, phase, comment_url=""):
    """Clauses (one query) with their comments (one query) grouped in Python."""
    clauses = list(Clause.objects.filter(version=version).order_by("position"))
    comments = comments_for_listing(consultation, with_responses=phase == Phase.REPORTED)
    reactions = reaction_counts(consultation)
    by_clause: dict[int | None, list] = {}
    by_id = {}
    for c in comments:
        by_id[c.pk] = c
        c.reactions = reactions.get(c.pk, {"likes": 0, "dislikes": 0})
        by_clause.setdefault(c.clause_id, []).append(c)
    for c in comments:
        c.parent_comment = by_id.get(c.parent_id) if c.parent_id != c.pk else None
    heading_depth: dict[int, int] = {}
    for clause in clauses:
        clause.comment_list = by_clause.get(clause.pk, [])
        clause.visible_count = sum(1 for c in clause.comment_list if not c.is_hidden)
        parent_heading = heading_depth.get(clause.parent_id, 2) if clause.parent_id else 2
        if clause.level in HEADING_LEVELS:
            clause.heading = min(parent_heading + 1, 6)
            heading_depth[clause.pk] = clause.heading
        else:
            clause.heading = None
            heading_depth[clause.pk] = parent_heading
    general = [c for c in comments if c.clause_id is None]
    renderer = CommentRenderer(
        comment_url=comment_url,
        is_open=phase == Phase.OPEN,
        is_reported=phase == Phase.REPORTED,
        max_level=settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
    )
    for clause in clauses:
        clause.comments_html = renderer.render(clause.comment_list) if clause.comment_list else ""
    return {
        "general_comments_html": renderer.render(general),
        "clauses": clauses,
        "general_comments": general,
        "general_count": sum(1 for c in general if not c.is_hidden),
        "comment_count": sum(1 for c in comments if not c.is_hidden),
        "max_thread_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
        "is_open": phase == Phase.OPEN,
        "is_reported": phase == Phase.REPORTED,
    }


def render_act(page, version, phase) -> str:
    """The act with its comments as HTML, cached until a comment changes.

    The fragment is the same for every visitor (no per-user links or tokens), so it
    can be shared; the key changes with the version, the comments stamp, the phase
    and the language.
    """
    stamp = page.comments_changed_at.timestamp() if page.comments_changed_at else 0
    key = (
        f"consultations:act:{version.pk}:{stamp}:{phase}:{translation.get_language()}:"
        f"{settings.COMMENTS_XTD_MAX_THREAD_LEVEL}"
    )
    html = caches["pages"].get(key)
    if html is None:
        comment_url = reverse("consultations:comment_form", args=[page.pk])
        context = build_act(version, page, phase, comment_url)
        context.update({"page": page, "version": version, "comment_url": comment_url})
        html = render_to_string("consultations/includes/act.html", context)
        caches["pages"].set(key, html, ACT_CACHE_SECONDS)
    return html


def page_context(page, request, context):
    from .page_cache import mark_cacheable

    mark_cacheable(request, page)
    now = timezone.now()
    phase = page.phase_at(now)
    version = services.consulted_version(page)
    context.update(
        {
            "phase": phase,
            "Phase": Phase,
            "now": now,
            "version": version,
            "days_left": max((page.end_at - now).days, 0) if phase == Phase.OPEN else None,
            "act_html": render_act(page, version, phase) if version else "",
            "draft_download": _draft_download(page, version),
            "comment_url": reverse("consultations:comment_form", args=[page.pk]),
        }
    )
    return context


def _draft_download(page, version):
    if page.draft_document_id:
        doc = page.draft_document
        return {"url": doc.url, "name": doc.filename}
    if version is not None and version.source_file:
        url = reverse("consultations:draft_file", args=[page.pk, version.pk])
        return {"url": url, "name": version.source_file.name.rsplit("/", 1)[-1]}
    return None


def index_context(index, request, context):
    now = timezone.now()
    base = ConsultationPage.objects.live().child_of(index).with_comment_counts()
    context.update(
        {
            "now": now,
            "open_consultations": list(base.open(now).order_by("end_at")),
            "planned_consultations": list(base.planned(now).order_by("start_at")),
            "closed_consultations": list(base.closed(now).order_by("-end_at")),
        }
    )
    return context


# --- Commenting ------------------------------------------------------------


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Plain text. Leave an empty line between paragraphs."),
        error_messages={"required": gettext_lazy("Write your comment.")},
    )
    proposed_wording = forms.CharField(
        label=gettext_lazy("Proposed wording"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    on_behalf = forms.ChoiceField(label=gettext_lazy("On behalf of"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        if self.organisations:
            self.fields["on_behalf"].choices = [
                ("", _("Myself")),
                *((pk, o.name) for pk, o in self.organisations.items()),
            ]
        else:
            del self.fields["on_behalf"]

    def cleaned_organisation(self):
        return self.organisations.get(self.cleaned_data.get("on_behalf") or "")

    def text(self):
        return services.CommentText(
            comment=self.cleaned_data["comment"],
            proposed_wording=self.cleaned_data.get("proposed_wording", ""),
            justification=self.cleaned_data.get("justification", ""),
        )


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


def _consultation_by_pk(pk):
    return (
        ConsultationPage.objects.with_view_restriction_flag()
        .annotate(
            consulted_version_pk=Subquery(
                DraftActVersion.objects.filter(consultation=OuterRef("pk"), is_published=True)
                .order_by("number")
                .values("pk")[:1]
            )
        )
        .filter(pk=pk)
    )


_CONSULTATION_BY_PK = CompiledLookup(_consultation_by_pk)
# A comment posted on a clause: the clause's version comes with the page, one query.
_CONSULTATION_AND_CLAUSE = CompiledLookup(
    lambda pk, clause_pk: _consultation_by_pk(pk).annotate(
        clause_version_pk=Subquery(Clause.objects.filter(pk=clause_pk).values("version_id")[:1])
    ),
    keys=2,
)
_CLAUSE_BY_PK = CompiledLookup(lambda pk: Clause.objects.filter(pk=pk))


@require_http_methods(["GET", "POST"])
def comment_form(request, page_id):
    """Comment on one clause (?clause=), on the act (no clause) or reply (?reply_to=)."""
    # The consulted version's id comes with the page, and so, when a comment is posted
    # on a clause, does the clause's version; the queries are compiled once per process
    # (posting is the hot path: docs/consultations.md, benchmark).
    params = request.POST if request.method == "POST" else request.GET
    posted_clause = (
        request.method == "POST" and bool(params.get("clause")) and not params.get("reply_to")
    )
    if posted_clause:
        consultation = _CONSULTATION_AND_CLAUSE.first(_int(page_id), _int(params["clause"]))
    else:
        consultation = _CONSULTATION_BY_PK.first(_int(page_id))
    if consultation is None:
        raise Http404
    # A page that was never published, or one behind a view restriction the request has
    # not passed, does not exist for this visitor. One unpublished after people started
    # typing refuses the comment and keeps the text (POST only), without the act's text.
    can_view = permissions.can_view_consultation(request, consultation)
    keeps_text = (
        request.method == "POST" and not consultation.live and consultation.first_published_at
    )
    if not (can_view or keeps_text):
        raise Http404
    if consultation.consulted_version_pk is None:
        raise Http404
    clause = parent = None
    if params.get("reply_to"):
        parent = get_object_or_404(
            ConsultationComment.objects.select_related("clause", "user", "organisation"),
            pk=_int(params["reply_to"]),
            consultation=consultation,
            is_removed=False,
        )
        parent.consultation = consultation  # the same row: no second query in the service
        clause = parent.clause
    if params.get("clause") and parent is None:
        if posted_clause:
            # Its id and version are all posting needs; the rest of the row is read only
            # if the form is shown again (below).
            version_pk = consultation.clause_version_pk
            clause = None
            if version_pk is not None:
                clause = Clause.from_db(
                    consultation._state.db,
                    ["id", "version_id"],
                    [_int(params["clause"]), version_pk],
                )
        else:
            clause = _CLAUSE_BY_PK.first(_int(params["clause"]))
        # Only a clause of the consulted version (the draft people comment on).
        if clause is None or clause.version_id != consultation.consulted_version_pk:
            raise Http404
    now = timezone.now()
    phase = consultation.phase_at(now)
    user = request.user
    refusal = None
    # Verified e-mail and role come with the session's user (accounts.backends); the
    # organisations the user represents are read for the form's choices, and on a post
    # only when it names one ("on behalf of"): most comments are sent as oneself.
    facts = permissions.commenter_facts(user)
    asks_organisation = request.method == "GET" or bool(request.POST.get("on_behalf"))
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        organisations=facts.organisations if asks_organisation else (),
    )
    if request.method == "POST" and not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST" and form.is_valid():
        try:
            if parent is not None:
                comment = services.reply(
                    parent=parent,
                    user=user,
                    text=form.text(),
                    organisation=form.cleaned_organisation(),
                    ip_address=client_ip(request),
                    facts=facts,
                )
            else:
                comment = services.post_comment(
                    consultation=consultation,
                    user=user,
                    text=form.text(),
                    clause=clause,
                    organisation=form.cleaned_organisation(),
                    ip_address=client_ip(request),
                    facts=facts,
                )
        except services.CommentRefused as exc:
            refusal = exc.code
        except PermissionDenied:
            form.add_error("on_behalf", _("You do not represent this organisation."))
        else:
            messages.success(request, _("Thank you, your comment has been published."))
            return redirect(f"{consultation.url}#komentarz-{comment.pk}")
    elif request.method == "GET":
        refusal = _precheck(user, consultation, now, facts)
    if clause is not None and clause.get_deferred_fields():
        clause = _CLAUSE_BY_PK.first(clause.pk)
    if not asks_organisation and facts.organisations:
        # Shown again (invalid or refused): with the choice of whom the comment is from.
        form = CommentForm(request.POST, organisations=facts.organisations)
        form.is_valid()
    status = 200
    if refusal:
        status = 403 if request.method == "POST" else 200
    return render(
        request,
        "consultations/comment_form.html",
        {
            "page": consultation,
            "consultation": consultation,
            "clause": clause,
            "parent": parent,
            "form": form,
            "phase": phase,
            "refusal": refusal,
            "refusal_message": refusal_message(refusal, consultation) if refusal else "",
            "login_url": f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}",
            "verify_url": reverse("account_email"),
            "can_post": refusal is None or refusal == services.CommentRefused.RATE_LIMITED,
            "can_view": can_view,
        },
        status=status,
    )


def _precheck(user, consultation, now, facts):
    """Tell the user before they type whether the comment can be accepted."""
    try:
        services._check_can_comment(user, consultation, now, facts)
    except services.CommentRefused as exc:
        return exc.code
    return None


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
    comment.consultation = (
        ConsultationPage.objects.with_view_restriction_flag()
        .filter(pk=comment.consultation_id)
        .get()
    )
    if not permissions.can_view_consultation(request, comment.consultation):
        raise Http404
    return comment


def comment_actions(request, comment_id):
    """One comment with its actions: agree, disagree, report to the moderator.

    Kept off the act page so that the page stays the same for every visitor (cacheable)
    and light (thousands of comments, no per-comment forms).
    """
    comment = _comment_or_404(request, comment_id)
    user = request.user
    return render(
        request,
        "consultations/comment_action.html",
        {
            "comment": comment,
            "page": comment.consultation,
            "can_react": permissions.can_react(user),
            "can_flag": permissions.can_flag(user),
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
    if not permissions.can_flag(request.user):
        raise PermissionDenied
    services.flag_comment(comment=comment, user=request.user)
    messages.success(request, _("Thank you. A moderator will look at this comment."))
    return redirect(f"{comment.consultation.url}#komentarz-{comment.pk}")


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
    if not permissions.can_react(request.user):
        raise PermissionDenied
    services.react(comment=comment, user=request.user, like=reaction == "like")
    messages.success(request, _("Your reaction has been saved."))
    return redirect(f"{comment.consultation.url}#komentarz-{comment.pk}")
