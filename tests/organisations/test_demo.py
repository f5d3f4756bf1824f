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


@pytest.mark.django_db
def test_demo_proposals_one_in_each_state_without_mail(home_page, settings, tmp_path):
    from django.core import mail

    from accounts import demo as accounts_demo
    from cms_pages.factories import EventIndexPageFactory, NewsIndexPageFactory
    from municipalities import demo as municipalities_demo
    from organisations.models import Proposal

    settings.MEDIA_ROOT = str(tmp_path)
    NewsIndexPageFactory(parent=home_page)
    EventIndexPageFactory(parent=home_page)
    ctx = DemoContext(rng=random.Random(3))
    accounts_demo.seed(ctx)
    municipalities_demo.seed(ctx)
    demo.seed(ctx)
    demo.seed(ctx)  # a second run duplicates nothing
    proposals = {p.status: p for p in Proposal.objects.select_related("page")}
    assert set(proposals) == {"pending", "published", "rejected"}
    assert proposals["published"].page.live
    assert proposals["pending"].page.specific.current_workflow_state.status == "in_progress"
    assert not proposals["rejected"].page.live and proposals["rejected"].comment
    assert all(p.page.specific.author_organisation_id for p in proposals.values())
    assert mail.outbox == []
