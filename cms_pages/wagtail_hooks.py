from wagtail import hooks

from .permissions import refuse_creation_by_non_officials

hooks.register("before_create_page", refuse_creation_by_non_officials)
