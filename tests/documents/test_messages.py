"""Every reason a document is refused has its own Polish message naming the file."""

import pytest
from django.utils import translation

from documents.errors import DocumentOverLimit, UnreadableDocument
from documents.messages import error_message

CODES = [
    "unsupported",
    "missing",
    "empty",
    "encrypted",
    "no_text",
    "corrupt",
    "mismatch",
    "too_large",
    "too_complex",
    "too_long",
    "too_many_pages",
    "timeout",
    "out_of_memory",
]


@pytest.mark.parametrize("code", CODES)
def test_each_code_has_a_polish_message_with_the_file_name(code):
    error = DocumentOverLimit("internal detail", code=code)
    with translation.override("en"):
        english = error_message(error, "projekt.docx")
    with translation.override("pl"):
        polish = error_message(error, "projekt.docx")
    assert "projekt.docx" in polish
    assert polish != english
    assert "internal detail" not in polish


def test_messages_are_distinct_per_code():
    with translation.override("pl"):
        messages = {error_message(UnreadableDocument("x", code=code), "a.pdf") for code in CODES}
    assert len(messages) == len(CODES)
