import pytest
from django.core.exceptions import ValidationError

from accounts.validators import nip_is_valid, validate_krs, validate_nip


@pytest.mark.parametrize("krs", ["0000123456", "0000 123 456", "1234567890"])
def test_valid_krs_is_accepted(krs):
    validate_krs(krs)


@pytest.mark.parametrize("krs", ["123456789", "00001234567", "00001234a6", ""])
def test_invalid_krs_says_ten_digits(krs):
    with pytest.raises(ValidationError) as exc:
        validate_krs(krs)
    assert "10" in str(exc.value)


@pytest.mark.parametrize("nip", ["5261040828", "526-104-08-28", "7740001454"])
def test_nip_with_correct_check_digit_is_valid(nip):
    assert nip_is_valid(nip)
    validate_nip(nip)


@pytest.mark.parametrize("nip", ["5261040827", "123456789", "abcdefghij", "0000000001"])
def test_nip_with_wrong_check_digit_is_rejected(nip):
    with pytest.raises(ValidationError):
        validate_nip(nip)
