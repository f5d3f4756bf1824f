"""The client's address behind trusted proxies, and attempts to forge it."""

import pytest
from django.test import RequestFactory, override_settings

from portal.net import client_ip

rf = RequestFactory()


def _request(remote="203.0.113.9", xff=None):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return rf.get("/", **extra)


@override_settings(TRUSTED_PROXIES=[], TRUSTED_PROXY_COUNT=0)
def test_without_trusted_proxies_the_header_is_ignored():
    assert client_ip(_request(remote="198.51.100.7", xff="1.2.3.4")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=[], TRUSTED_PROXY_COUNT=0)
def test_missing_or_malformed_remote_addr_gives_none():
    assert client_ip(_request(remote="")) is None
    assert client_ip(_request(remote="not-an-ip")) is None


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "::1"], TRUSTED_PROXY_COUNT=0)
def test_address_appended_by_the_trusted_proxy_is_the_client():
    assert client_ip(_request(remote="127.0.0.1", xff="198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], TRUSTED_PROXY_COUNT=0)
def test_forged_entries_left_of_the_proxy_entry_are_ignored():
    # The client sent "X-Forwarded-For: 10.0.0.1, 192.0.2.55"; nginx appended what it saw.
    request = _request(remote="127.0.0.1", xff="10.0.0.1, 192.0.2.55, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], TRUSTED_PROXY_COUNT=0)
def test_header_from_a_client_that_bypassed_the_proxy_is_ignored():
    assert client_ip(_request(remote="198.51.100.7", xff="127.0.0.1")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"], TRUSTED_PROXY_COUNT=0)
def test_chain_of_trusted_proxies_is_skipped_from_the_right():
    request = _request(remote="127.0.0.1", xff="192.0.2.1, 198.51.100.7, 10.1.2.3")
    assert client_ip(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], TRUSTED_PROXY_COUNT=0)
def test_garbage_in_the_header_falls_back_to_the_nearest_vouched_address():
    assert client_ip(_request(remote="127.0.0.1", xff="<script>")) == "127.0.0.1"
    assert client_ip(_request(remote="127.0.0.1", xff="1.2.3.4, x y")) == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "::1"], TRUSTED_PROXY_COUNT=0)
def test_ipv6_and_ports_are_normalised():
    assert client_ip(_request(remote="::1", xff="[2001:DB8::5]:4711")) == "2001:db8::5"
    assert client_ip(_request(remote="127.0.0.1", xff="198.51.100.7:5555")) == "198.51.100.7"
    assert client_ip(_request(remote="::ffff:127.0.0.1", xff="198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=[], TRUSTED_PROXY_COUNT=2)
@pytest.mark.parametrize(
    ("xff", "expected"),
    [
        ("198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # Forged entries on the left do not move the client's position from the right.
        ("6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # Fewer entries than proxies: the request skipped a proxy, nothing is vouched for.
        ("198.51.100.7", "127.0.0.1"),
        ("bogus, 10.0.0.2", "127.0.0.1"),
    ],
)
def test_proxy_count_takes_the_nth_address_from_the_right(xff, expected):
    assert client_ip(_request(remote="127.0.0.1", xff=xff)) == expected


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], TRUSTED_PROXY_COUNT=0, ALLOWED_HOSTS=["*"])
@pytest.mark.django_db
def test_newsletter_consent_record_stores_the_client_not_the_proxy(client):
    from newsletters.models import ConsentRecord

    client.post(
        "/newsletter/",
        {"email": "ala@example.org", "topics": ["news"], "source": "signup-form"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7",
    )
    record = ConsentRecord.objects.get()
    assert record.ip_address == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"], TRUSTED_PROXY_COUNT=0)
def test_allauth_rate_limits_count_the_same_client():
    from allauth.account.adapter import get_adapter

    request = _request(remote="127.0.0.1", xff="9.9.9.9, 198.51.100.7")
    assert get_adapter(request).get_client_ip(request) == "198.51.100.7"
