"""Backend selection, in the manner of Wagtail's search backends.

settings.PORTAL_SEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.postgres", **options},
    "es": {"BACKEND": "search.backends.elasticsearch", "URLS": [...], "INDEX": "okienko"},
}

Without the setting (or without a "default" alias) the backend follows the
database vendor: PostgreSQL -> search.backends.postgres, SQLite ->
search.backends.sqlite. Callers use `get_search_backend()` and never ask which
one they got.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

VENDOR_BACKENDS = {
    "postgresql": "search.backends.postgres",
    "sqlite": "search.backends.sqlite",
}


class InvalidSearchBackendError(ImproperlyConfigured):
    pass


def default_backend_path() -> str:
    try:
        return VENDOR_BACKENDS[connection.vendor]
    except KeyError:
        raise InvalidSearchBackendError(
            f"No database search backend for {connection.vendor!r}: "
            "set PORTAL_SEARCH_BACKENDS to use search.backends.elasticsearch"
        ) from None


def backend_config(alias: str = "default") -> dict:
    configured = getattr(settings, "PORTAL_SEARCH_BACKENDS", None) or {}
    if alias not in configured:
        if alias != "default":
            raise InvalidSearchBackendError(f"Unknown search backend alias {alias!r}")
        return {"BACKEND": default_backend_path()}
    config = dict(configured[alias])
    if not config.get("BACKEND"):
        config["BACKEND"] = default_backend_path()
    return config


def load_backend(path: str, params: dict | None = None):
    try:
        module = import_module(path)
    except ImportError as exc:
        raise InvalidSearchBackendError(f"Cannot import search backend {path!r}: {exc}") from exc
    backend_class = getattr(module, "SearchBackend", None)
    if backend_class is None:
        raise InvalidSearchBackendError(f"{path} does not define SearchBackend")
    return backend_class(params or {})


def get_search_backend(alias: str = "default"):
    config = backend_config(alias)
    path = config.pop("BACKEND")
    return load_backend(path, config)


def all_backend_aliases() -> list[str]:
    configured = getattr(settings, "PORTAL_SEARCH_BACKENDS", None) or {}
    return list(configured) or ["default"]
