"""Agree / disagree with a comment (django-comments-xtd's like and dislike flags)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django_comments.models import CommentFlag
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from .. import permissions
from ..caching import touch


def react(*, comment, user, like: bool) -> None:
    """Like or dislike (xtd feedback flags); a second click on the same choice undoes it."""
    if not permissions.CommentPolicy(user, comment.consultation).may_react:
        raise PermissionDenied
    flag, other = (LIKEDIT_FLAG, DISLIKEDIT_FLAG) if like else (DISLIKEDIT_FLAG, LIKEDIT_FLAG)
    with transaction.atomic():
        CommentFlag.objects.filter(comment=comment, user=user, flag=other).delete()
        mine = CommentFlag.objects.filter(comment=comment, user=user, flag=flag)
        deleted, _detail = mine.delete()
        if not deleted:
            CommentFlag.objects.create(comment=comment, user=user, flag=flag)
        touch(comment.consultation_id)


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
