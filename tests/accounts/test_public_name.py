"""A person's public name never reveals their e-mail address."""

from django.urls import reverse

from accounts.factories import UserFactory


def test_public_name_without_names_is_not_the_email_local_part(db):
    user = UserFactory(username="jan.kowalski", first_name="", last_name="", display_name="")
    assert "kowalski" not in user.public_name
    assert user.public_name == f"Użytkownik portalu nr {user.pk}"


def test_public_name_prefers_the_display_name_then_the_full_name(db):
    user = UserFactory(username="ala", first_name="Alicja", last_name="Nowak", display_name="")
    assert user.public_name == "Alicja Nowak"
    user.display_name = "Ala z Osiedla"
    assert user.public_name == "Ala z Osiedla"


def test_signup_without_names_does_not_show_the_address_part(client, db):
    client.post(
        reverse("account_signup"),
        {
            "email": "tajny.adres@example.org",
            "password1": "zielone-okienko-2026",
            "password2": "zielone-okienko-2026",
            "accept_terms": "on",
        },
    )
    from accounts.models import User

    user = User.objects.get(email="tajny.adres@example.org")
    assert "tajny" not in user.public_name
    assert "tajny" not in str(user)
