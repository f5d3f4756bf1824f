"""The home page ("the window") is assembled from sections that each app registers.

A section provider is a callable `provider(home_page, request) -> dict | None`. The dict
must carry `template` (an include rendered with `section` in its context) and `order`;
providers return None when they have nothing to show. Apps register providers in their
AppConfig.ready(), so the home page imports no app and each capability lands on its own.
"""

_providers = []


def register_section(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def collect_sections(home_page, request) -> list[dict]:
    sections = []
    for provider in _providers:
        section = provider(home_page, request)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda s: s.get("order", 100))
