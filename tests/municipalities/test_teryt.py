import pytest
from django.core.exceptions import ValidationError

from municipalities.kinds import MunicipalityKind as Kind
from municipalities.validators import validate_teryt


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("0201012", Kind.RURAL),
        ("0201011", Kind.URBAN),
        ("0201013", Kind.URBAN_RURAL),
        ("0261011", Kind.CITY_COUNTY),
        ("3207", Kind.COUNTY),
        (" 0201 012 ", Kind.RURAL),
    ],
)
def test_valid_codes_are_accepted_and_normalised(code, kind):
    assert validate_teryt(code, kind) == code.replace(" ", "")


@pytest.mark.parametrize(
    ("code", "kind", "message"),
    [
        ("", Kind.RURAL, "Podaj kod TERYT."),
        ("020101", Kind.RURAL, "ma 7 cyfr"),
        ("02010a2", Kind.RURAL, "ma 7 cyfr"),
        ("0201012", Kind.COUNTY, "ma 4 cyfr"),
        ("0301012", Kind.RURAL, "województwo"),
        ("3401012", Kind.RURAL, "województwo"),
        ("0200012", Kind.RURAL, "nie mogą być 00"),
        ("0201002", Kind.RURAL, "nie mogą być 00"),
        ("0201011", Kind.RURAL, "to 2"),
        ("0201012", Kind.URBAN_RURAL, "to 3"),
        ("0201011", Kind.CITY_COUNTY, "61 lub wyższy"),
        ("0261", Kind.COUNTY, "miasta na prawach powiatu"),
        ("0201012", Kind.ASSOCIATION, "nie ma kodu TERYT"),
    ],
)
def test_bad_codes_are_refused_with_a_reason_in_polish(code, kind, message):
    with pytest.raises(ValidationError) as exc:
        validate_teryt(code, kind)
    assert message in " ".join(exc.value.messages)


def test_association_has_no_code():
    assert validate_teryt("  ", Kind.ASSOCIATION) == ""
