import random

import pytest

from accounts.models import Organisation
from organisations import demo
from organisations.models import ProfileChange
from portal.demo import DemoContext


@pytest.mark.django_db
def test_demo_adds_legal_forms_an_informal_group_and_a_pending_change():
    from accounts import demo as accounts_demo

    ctx = DemoContext(rng=random.Random(3))
    accounts_demo.seed(ctx)
    demo.seed(ctx)
    demo.seed(ctx)  # a second run duplicates nothing
    group = Organisation.objects.get(name=demo.INFORMAL_GROUP)
    assert group.krs is None and len(group.member_list) == 3
    assert Organisation.objects.filter(legal_form="foundation").count() >= 5
    assert Organisation.objects.filter(register_number__gt="").count() == 2
    assert ProfileChange.objects.filter(status="pending").count() == 1
