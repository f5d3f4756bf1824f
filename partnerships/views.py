from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import has_verified_email
from municipalities.permissions import municipality_filter

from . import permissions, services
from .forms import AnswerForm, DecisionForm, PostFilterForm, PostForm, ReportForm
from .models import AbuseReport, Post

POSTS_PER_PAGE = 20


def _rate_limited(request):
    return render(request, "429.html", status=429)


def post_list(request):
    form = PostFilterForm(request.GET or None)
    posts = Post.objects.listed()
    if form.is_valid():
        data = form.cleaned_data
        for field in ("direction", "kind", "area"):
            if data[field]:
                posts = posts.filter(**{field: data[field]})
        if data["gmina"]:
            posts = posts.filter(municipality__slug=data["gmina"])
    page = Paginator(posts.order_by("expires_on", "pk"), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partnerships/post_list.html",
        {
            "form": form,
            "page_obj": page,
            "posts": page.object_list,
            "query": query.urlencode(),
            "can_post": permissions.can_post(request.user),
        },
    )


def _readable_post(request, pk):
    posts = Post.objects.readable_by(request.user).select_related(
        "municipality", "organisation", "author"
    )
    return get_object_or_404(posts, pk=pk)


def post_detail(request, pk, answer_form=None):
    post = _readable_post(request, pk)
    user = request.user
    is_poster = permissions.is_poster(user, post)
    context = {
        "post": post,
        "is_poster": is_poster,
        "can_see_contact": permissions.can_see_contact(user),
        "can_answer": permissions.can_answer(user, post),
        "can_report": permissions.can_report(user, post),
        "can_moderate": permissions.can_moderate(user, post.municipality),
        "needs_verification": user.is_authenticated and not has_verified_email(user),
        "answer_form": answer_form or AnswerForm(),
    }
    if is_poster:
        context["answers"] = post.answers.select_related("author")
    if context["can_moderate"]:
        context["reports"] = post.reports.select_related("reporter")
        context["decision_form"] = DecisionForm()
    status = 200 if answer_form is None or not answer_form.errors else 400
    return render(request, "partnerships/post_detail.html", context, status=status)


@verified_email_required
def post_create(request):
    if request.method == "POST":
        form = PostForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                post = services.create_post(user=request.user, post=form.save(commit=False))
            except services.RateLimited:
                return _rate_limited(request)
            messages.success(request, _("Your post is on the board."))
            return redirect(post)
    else:
        form = PostForm(user=request.user)
    return render(request, "partnerships/post_form.html", {"form": form})


@require_POST
@login_required
def post_answer(request, pk):
    post = _readable_post(request, pk)
    if not permissions.can_answer(request.user, post):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return post_detail(request, pk, answer_form=form)
    try:
        services.answer_post(user=request.user, post=post, message=form.cleaned_data["message"])
    except services.RateLimited:
        return _rate_limited(request)
    messages.success(request, _("Your message has been sent to the poster."))
    return redirect(post)


@require_POST
@login_required
def post_fulfilled(request, pk):
    post = _readable_post(request, pk)
    services.mark_fulfilled(user=request.user, post=post)
    messages.success(request, _("The post is marked as fulfilled and has left the board."))
    return redirect(post)


@login_required
def post_report(request, pk):
    post = _readable_post(request, pk)
    if not permissions.can_report(request.user, post):
        raise PermissionDenied
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.report_post(
                    user=request.user, post=post, reason=form.cleaned_data["reason"]
                )
            except services.RateLimited:
                return _rate_limited(request)
            messages.success(request, _("Thank you. An official will look at the post."))
            return redirect(post)
    else:
        form = ReportForm()
    return render(request, "partnerships/report_form.html", {"post": post, "form": form})


@login_required
def my_posts(request):
    posts = (
        Post.objects.filter(author=request.user)
        .select_related("municipality", "organisation")
        .annotate(answer_count=Count("answers"))
        .order_by("-created_at", "-pk")
    )
    return render(request, "partnerships/my_posts.html", {"posts": posts})


def moderation_queue(request):
    if not permissions.can_moderate_anywhere(request.user):
        raise Http404
    pending = AbuseReport.objects.filter(decision=AbuseReport.Decision.PENDING).select_related(
        "reporter"
    )
    posts = (
        Post.objects.filter(municipality_filter(request.user))
        .annotate(
            pending_count=Count("reports", filter=Q(reports__decision=AbuseReport.Decision.PENDING))
        )
        .filter(pending_count__gt=0)
        .select_related("municipality", "organisation")
        .prefetch_related(Prefetch("reports", queryset=pending, to_attr="pending_reports"))
        .order_by("created_at", "pk")
    )
    return render(
        request,
        "partnerships/moderation.html",
        {"posts": posts, "decision_form": DecisionForm()},
    )


@require_POST
def moderation_decide(request, pk):
    post = get_object_or_404(Post.objects.select_related("municipality"), pk=pk)
    if not permissions.can_moderate(request.user, post.municipality):
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to hide the post or keep it."))
        return redirect("partnerships:moderation")
    hide = form.cleaned_data["decision"] == "hide"
    services.decide(user=request.user, post=post, hide=hide)
    messages.success(
        request, _("The post is hidden.") if hide else _("The post stays on the board.")
    )
    return redirect("partnerships:moderation")
