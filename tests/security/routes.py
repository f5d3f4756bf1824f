"""Every URL pattern of the portal, read from the resolver, and a path that reaches it.

The matrix (tests/security/matrix.py) must have an entry for each route this module
finds, so a new route without one fails the test.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve

# Converter and group placeholders: <int:pk>, <slug:slug>, (?P<key>...), (\d+), (.+).
CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")
DIGITS_GROUP = re.compile(r"\(\\d\+\)")
ANY_GROUP = re.compile(r"\((?:[^()?]|\([^()]*\))*\)")
OPTIONAL_SLASH = re.compile(r"/\?")


@dataclass(frozen=True)
class Route:
    pattern: str  # the full pattern, prefixes joined, as the resolver prints it
    name: str  # "namespace:name", or "" for an unnamed pattern
    view: str  # dotted path of the view

    def path(self, values: dict[str, object]) -> str:
        """A path that resolves to this route, with `values` for its arguments."""
        text = NAMED_GROUP.sub(lambda m: self._value(values, m["name"], ""), self.pattern)
        text = CONVERTER.sub(lambda m: self._value(values, m["name"], m["conv"]), text)
        text = DIGITS_GROUP.sub(lambda m: self._value(values, "id", "int"), text)
        text = ANY_GROUP.sub(str(values.get("group", "x")), text)
        text = OPTIONAL_SLASH.sub("/", text).replace("^", "").replace("$", "")
        return "/" + text.replace("\\", "")

    @staticmethod
    def _value(values, name, conv) -> str:
        if name in values:
            return str(values[name])
        if name == "format":
            return ".json" if conv == "drf_format_suffix" else "json"
        return "1" if conv == "int" or name.endswith(("id", "pk")) else "x"

    def reached_by(self, path: str) -> bool:
        # The resolver keeps a leading "^" only at the start of the whole route.
        return resolve(path).route.replace("^", "") == self.pattern.replace("^", "")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            own = entry.namespace or ""
            ns = f"{namespace}:{own}" if namespace and own else (own or namespace)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Route(prefix + str(entry.pattern), name or "", entry.lookup_str)


def all_routes() -> list[Route]:
    """Every pattern the resolver knows, admin screens included, in resolver order."""
    return list(_walk(get_resolver().url_patterns))
