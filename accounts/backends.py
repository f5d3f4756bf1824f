"""Authentication backends: Django's and allauth's, with a cheaper session lookup.

Every logged-in request loads its user by primary key (AuthenticationMiddleware).
The query is compiled to SQL once per process (portal.db.CompiledLookup) instead of
on every request; everything else is the parent backends' own behaviour.

The same query answers two questions commenting asks on every post, as attributes of
the loaded user (read at the start of the request, like the user row itself):

- `facts_verified_email`: the account has a verified e-mail address;
- `facts_official_role`: the account is in the Official or Administrator role.

consultations.permissions.commenter_facts() uses them, and `user_with_facts()` for a
user object that did not come from the session.
"""

from allauth.account import auth_backends
from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef

from portal.db import CompiledLookup


def _user_with_facts(pk):
    from allauth.account.models import EmailAddress

    from .models import Role

    user_model = get_user_model()
    return user_model._default_manager.annotate(
        facts_verified_email=Exists(
            EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
        ),
        facts_official_role=Exists(
            user_model.groups.through.objects.filter(
                user=OuterRef("pk"), group__name__in=[Role.OFFICIAL, Role.ADMINISTRATOR]
            )
        ),
    ).filter(pk=pk)


_USER_BY_PK = CompiledLookup(_user_with_facts)


def user_with_facts(pk):
    """The account by primary key with the two facts above, or None (no such account).
    Whether it may log in is not asked here; the backends below ask it."""
    return _USER_BY_PK.first(pk)


class FastUserLookup:
    def get_user(self, user_id):
        try:
            pk = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:  # not a valid id: nobody, as the parent answers
            return None
        user = user_with_facts(pk)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(FastUserLookup, backends.ModelBackend):
    pass


class AuthenticationBackend(FastUserLookup, auth_backends.AuthenticationBackend):
    pass
