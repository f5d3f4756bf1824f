"""The profile page is assembled from sections that other apps register.

A section provider is a callable `provider(request) -> dict | None`. The dict must
carry `template` (an include rendered with `section` and `request` in its context)
and `order`; providers return None when they have nothing to show. Apps register
providers in their AppConfig.ready(), e.g. newsletters adds "Your subscriptions":

    from accounts.profile_sections import register_profile_section
    register_profile_section(newsletter_section)
"""

_providers = []


def register_profile_section(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def collect_profile_sections(request) -> list[dict]:
    sections = []
    for provider in _providers:
        section = provider(request)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda s: s.get("order", 100))
