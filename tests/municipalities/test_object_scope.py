"""Objects with a foreign key to a municipality follow the same rule as its pages."""

from accounts.models import Role
from municipalities.factories import staff_user
from municipalities.permissions import can_act_for


def test_an_official_acts_for_own_municipality_only(gmina_a, gmina_b):
    official = staff_user(gmina_a, username="urz_a", roles=[Role.OFFICIAL])
    assert can_act_for(official, gmina_a)
    assert not can_act_for(official, gmina_b)
    assert not can_act_for(official, None)


def test_the_operators_staff_act_for_every_municipality(operator, gmina_a, gmina_b):
    admin = staff_user(operator, username="op", roles=[Role.ADMINISTRATOR])
    assert can_act_for(admin, gmina_a) and can_act_for(admin, gmina_b)
