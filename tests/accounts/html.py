"""Small HTML checks for the account pages: labels, described-by links, inline scripts."""

from html.parser import HTMLParser

LABELLED_INPUT_TYPES_EXCLUDED = {"hidden", "submit", "button", "reset", "image"}


class _FormScan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls = []  # attrs of inputs/selects/textareas that need a label
        self.label_for = set()
        self.ids = set()
        self.inline_scripts = 0
        self.h1_count = 0
        self.style_attrs = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "style" in attrs:
            self.style_attrs += 1
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag == "h1":
            self.h1_count += 1
        if tag == "script" and not attrs.get("src"):
            self.inline_scripts += 1
        if tag in {"select", "textarea"} or (
            tag == "input" and attrs.get("type", "text") not in LABELLED_INPUT_TYPES_EXCLUDED
        ):
            self.controls.append(attrs)


def scan(content: bytes | str) -> _FormScan:
    parser = _FormScan()
    parser.feed(content.decode() if isinstance(content, bytes) else content)
    return parser


def assert_accessible_page(content) -> _FormScan:
    """One h1, no inline script or style attribute, every form control has a label, and
    every aria-describedby points at an element that exists."""
    page = scan(content)
    assert page.h1_count == 1
    assert page.inline_scripts == 0
    assert page.style_attrs == 0
    for control in page.controls:
        assert control.get("id") in page.label_for, f"no label for {control}"
        for ref in control.get("aria-describedby", "").split():
            assert ref in page.ids, f"aria-describedby points at missing #{ref}"
    return page
