"""Authentication backends: Django's and allauth's, with a cheaper session lookup.

Every logged-in request loads its user by primary key (AuthenticationMiddleware).
The query is compiled to SQL once per process (portal.db.CompiledLookup) instead of
on every request; everything else is the parent backends' own behaviour.
"""

from allauth.account import auth_backends
from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError

from portal.db import CompiledLookup

_USER_BY_PK = CompiledLookup(lambda pk: get_user_model()._default_manager.filter(pk=pk))


class FastUserLookup:
    def get_user(self, user_id):
        try:
            pk = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:  # not a valid id: nobody, as the parent answers
            return None
        user = _USER_BY_PK.first(pk)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(FastUserLookup, backends.ModelBackend):
    pass


class AuthenticationBackend(FastUserLookup, auth_backends.AuthenticationBackend):
    pass
