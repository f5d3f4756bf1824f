"""Hostile documents are refused quickly, each with its reason; normal files still work.

The files are built by tests/documents/hostile.py. Without the limits these files make
the parsers build gigabyte strings, loop for ever or run for minutes.
"""

import io
import time

import pytest

from documents.errors import DocumentError, DocumentOverLimit, UnreadableDocument
from documents.extraction import extract_text
from documents.limits import Limits
from documents.sandbox import run_limited

from . import hostile

QUICK = 10  # seconds; a refused file takes well under one


def refused(data: bytes, name: str, limits=None) -> DocumentError:
    started = time.monotonic()
    with pytest.raises(DocumentError) as error:
        extract_text(io.BytesIO(data), name, limits=limits)
    assert time.monotonic() - started < QUICK
    assert error.value.filename == name
    return error.value


def test_zip_bomb_docx_is_refused_before_unpacking():
    error = refused(hostile.docx_bomb(80 * hostile.MB), "bomba.docx")
    assert isinstance(error, DocumentOverLimit)
    assert error.code == "too_large"
    assert "document.xml" in str(error)


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_bomb, "bomba.docx"), (hostile.odt_bomb, "bomba.odt")],
    ids=["docx", "odt"],
)
def test_part_compressed_beyond_the_ratio_is_refused(build, name):
    error = refused(build(8 * hostile.MB), name)
    assert error.code == "too_large"
    assert "compressed" in str(error)


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_list_starting_at, "lista.docx"), (hostile.odt_list_starting_at, "lista.odt")],
    ids=["docx", "odt"],
)
def test_list_starting_at_a_huge_roman_number_is_refused(build, name):
    error = refused(build(10**18), name)
    assert error.code == "too_complex"
    assert "1000000000000000000" in str(error)


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_list_starting_at, "lista.docx"), (hostile.odt_list_starting_at, "lista.odt")],
    ids=["docx", "odt"],
)
def test_roman_lists_still_render_and_switch_to_digits_past_3999(build, name):
    assert extract_text(io.BytesIO(build(3)), name).splitlines() == [
        "iii) punkt 0",
        "iv) punkt 1",
        "v) punkt 2",
    ]
    assert extract_text(io.BytesIO(build(3999)), name).splitlines()[:2] == [
        "mmmcmxcix) punkt 0",
        "4000) punkt 1",
    ]


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_deeply_nested, "gleboki.docx"), (hostile.odt_deeply_nested, "gleboki.odt")],
    ids=["docx", "odt"],
)
def test_deeply_nested_xml_is_refused(build, name):
    error = refused(build(5000), name)
    assert error.code == "too_complex"
    assert "nests deeper" in str(error)


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_billion_laughs, "smiech.docx"), (hostile.odt_billion_laughs, "smiech.odt")],
    ids=["docx", "odt"],
)
def test_billion_laughs_entities_are_refused(build, name):
    error = refused(build(), name)
    assert error.code == "too_complex"
    assert "DOCTYPE" in str(error)


def test_odt_run_of_a_billion_spaces_is_refused_before_it_is_built():
    content = hostile.odt_content('<text:p>a<text:s text:c="1000000000"/>b</text:p>')
    data = hostile.replace_parts(hostile.plain_odt(), {"content.xml": content})
    assert refused(data, "spacje.odt").code == "too_long"


def test_text_over_the_limit_is_refused():
    data = hostile.plain_docx("Bardzo długi akapit. " * 100)
    error = refused(data, "dlugi.docx", Limits(max_chars=1000))
    assert error.code == "too_long"


def test_pdf_with_ten_thousand_pages_is_refused():
    error = refused(hostile.pdf_with_pages(10_000), "strony.pdf")
    assert error.code == "too_many_pages"


def test_pdf_with_a_huge_content_stream_is_refused():
    operators = b"BT /F1 12 Tf 10 10 Td (x) Tj ET\n" * (70 * hostile.MB // 32)
    error = refused(hostile.pdf_with_content(operators), "strumien.pdf")
    assert error.code == "too_large"


def test_pdf_that_burns_cpu_is_stopped_at_the_cpu_limit():
    # 200,000 text operators: about 7 MB unpacked, a minute of pypdf's time.
    operators = b"BT /F1 12 Tf 10 10 Td (xyz) Tj ET\n" * 200_000
    error = refused(hostile.pdf_with_content(operators), "cpu.pdf", Limits(cpu_seconds=1))
    assert error.code == "timeout"


def test_normal_pdf_text_is_read():
    operators = b"BT /F1 12 Tf 10 10 Td (Uchwala nr 7) Tj ET\n"
    assert extract_text(io.BytesIO(hostile.pdf_with_content(operators)), "a.pdf") == "Uchwala nr 7"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (hostile.pdf_with_pages(1), "projekt.docx", "mismatch"),
        (hostile.plain_docx(), "projekt.pdf", "mismatch"),
        (hostile.plain_docx(), "projekt.txt", "mismatch"),
        (hostile.plain_odt(), "projekt.docx", "corrupt"),
        (hostile.plain_docx(), "projekt.odt", "corrupt"),
    ],
    ids=["pdf-as-docx", "docx-as-pdf", "docx-as-txt", "odt-as-docx", "docx-as-odt"],
)
def test_content_of_another_format_than_the_extension_is_refused(data, name, code):
    error = refused(data, name)
    assert isinstance(error, UnreadableDocument)
    assert error.code == code


def test_file_over_the_size_limit_is_refused_without_reading_it_all():
    error = refused(b"x" * 2048, "duzy.txt", Limits(max_file_bytes=1024))
    assert error.code == "too_large"


# --- the child process's limits ----------------------------------------------------------


def _allocate():
    return str(len(bytearray(4 * 1024 * hostile.MB)))


def _spin():
    while True:
        pass


def _sleep():
    time.sleep(60)
    return "late"


def _crash():
    raise RuntimeError("parser bug")


def test_memory_beyond_the_limit_ends_as_out_of_memory():
    with pytest.raises(DocumentOverLimit) as error:
        run_limited(_allocate, limits=Limits(memory_mb=64))
    assert error.value.code == "out_of_memory"


def test_cpu_loop_is_killed_at_the_cpu_limit():
    started = time.monotonic()
    with pytest.raises(DocumentOverLimit) as error:
        run_limited(_spin, limits=Limits(cpu_seconds=1, wall_seconds=30))
    assert error.value.code == "timeout"
    assert time.monotonic() - started < QUICK


def test_the_caller_waits_no_longer_than_the_wall_limit():
    started = time.monotonic()
    with pytest.raises(DocumentOverLimit) as error:
        run_limited(_sleep, limits=Limits(wall_seconds=1))
    assert error.value.code == "timeout"
    assert time.monotonic() - started < QUICK


def test_unexpected_parser_error_is_a_damaged_file_not_a_crash():
    with pytest.raises(UnreadableDocument) as error:
        run_limited(_crash, limits=Limits())
    assert error.value.code == "corrupt"
    assert "parser bug" in str(error.value)


def test_limits_come_from_settings(settings):
    settings.DOCUMENT_EXTRACTION = {"CPU_SECONDS": 3, "MAX_PAGES": 7, "UNKNOWN": 1}
    limits = Limits.from_settings()
    assert (limits.cpu_seconds, limits.max_pages) == (3, 7)
    assert limits.max_chars == Limits().max_chars
