"""The organisation's public profile page is assembled from sections that apps register.

The directory owns the profile's facts; what an organisation did elsewhere on the
portal (comments in consultations, grants received, working groups, partnership
posts...) is shown by the app that knows it, without editing the profile template.

A provider is a callable `provider(request, organisation) -> dict | None`. The dict
carries `template` (an include rendered with `section`, `organisation` and `request`
in its context), `order` (lower first; the comments use 30) and `id` (for the
section's heading id); the rest is the provider's own. A provider returns None when it
has nothing to show, and reads what it shows in a fixed number of queries (the page
is public and cached by nobody). Register in AppConfig.ready():

    from accounts.organisation_sections import register_organisation_section
    register_organisation_section(grants_received_section)

`accounts/includes/organisation_section.html` renders a heading, a sentence and a list
of links (`items`: [(label, url, note), ...]) for apps that need nothing richer.
"""

_providers = []


def register_organisation_section(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def collect_organisation_sections(request, organisation) -> list[dict]:
    sections = []
    for provider in _providers:
        section = provider(request, organisation)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda s: s.get("order", 100))
