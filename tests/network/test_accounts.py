"""Accounts: sign-up, verification, login, profile, deleting and exporting your data."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains

from network.factories import DEFAULT_PASSWORD, UserFactory
from network.models import User
from network.roles import EXPERT_BY_EXPERIENCE, has_role

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "display_name": "Nieuw Lid",
    "organisation": "Gemeente Utrecht",
    "role": EXPERT_BY_EXPERIENCE,
    "password1": "Een-lang-wachtwoord-42",
    "password2": "Een-lang-wachtwoord-42",
}


def test_signup_creates_account_with_role_and_sends_verification(client, home_page):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Nieuw Lid"
    assert user.organisation == "Gemeente Utrecht"
    assert has_role(user, EXPERT_BY_EXPERIENCE)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "nieuw@example.org" in mail.outbox[0].to


def test_signup_cannot_choose_a_staff_role(client, home_page):
    response = client.post(reverse("account_signup"), {**SIGNUP, "role": "project_team"})
    assert response.status_code == 400
    assert not User.objects.filter(email="nieuw@example.org").exists()


@pytest.mark.parametrize(
    "changes,field",
    [({"email": "geen-email"}, "email"), ({"password2": "Iets-anders-43"}, "password2")],
)
def test_signup_errors_answer_400_and_keep_input(client, home_page, changes, field):
    response = client.post(reverse("account_signup"), {**SIGNUP, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert 'value="Nieuw Lid"' in html  # what the user typed is still there
    assert response.context["form"].errors[field]
    assert not User.objects.filter(display_name="Nieuw Lid").exists()


def test_signup_error_messages_are_translated(client, home_page):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "geen-email"})
    assertContains(response, "Voer een geldig e-mailadres in", status_code=400)
    response = client.post("/en/accounts/signup/", {**SIGNUP, "email": "geen-email"})
    assertContains(response, "Enter a valid email address", status_code=400)


def test_unverified_account_cannot_log_in(client, home_page):
    UserFactory(email="onbevestigd@example.org", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "onbevestigd@example.org", "password": DEFAULT_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


def test_verified_account_logs_in_with_email(client, member):
    response = client.post(
        reverse("account_login"), {"login": "MEMBER@example.org", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_wrong_password_answers_400(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": "nope"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_mail_only_for_known_addresses(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_profile_requires_login(client, home_page):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_profile_shows_roles_and_saves(client, expert):
    client.force_login(expert)
    response = client.get(reverse("profile"))
    assertContains(response, "Ervaringsdeskundige")
    response = client.post(
        reverse("profile"),
        {"display_name": "Eva", "organisation": "Stichting", "notification_preference": "digest"},
    )
    assert response.status_code == 302
    expert.refresh_from_db()
    assert (expert.display_name, expert.notification_preference) == ("Eva", "digest")


def test_profile_rejects_bad_input_and_keeps_it(client, expert):
    client.force_login(expert)
    response = client.post(
        reverse("profile"),
        {"display_name": "", "organisation": "Mijn org", "notification_preference": "sms"},
    )
    assert response.status_code == 400
    assert 'value="Mijn org"' in response.content.decode()
    expert.refresh_from_db()
    assert expert.display_name == "Expert"


def test_delete_account_needs_the_password(client, member):
    client.force_login(member)
    response = client.post(reverse("profile_delete"), {"password": "wrong"})
    assert response.status_code == 400
    assert User.objects.filter(pk=member.pk).exists()
    response = client.post(reverse("profile_delete"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert "_auth_user_id" not in client.session


def test_download_my_data(client, official):
    client.force_login(official)
    response = client.get(reverse("profile_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == official.email
    assert data["account"]["roles"] == ["Gemeenteambtenaar"]


def test_download_my_data_requires_login(client, home_page):
    assert client.get(reverse("profile_export")).status_code == 302


def test_permissions_of_the_user_and_their_groups_are_read_in_one_query(
    django_assert_num_queries,
):
    own = Permission.objects.get(codename="view_user", content_type__app_label="network")
    shared = Permission.objects.get(codename="change_user", content_type__app_label="network")
    group = Group.objects.create(name="Lezers van de test")
    group.permissions.add(shared)
    user = UserFactory(email="rechten@example.org")
    user.user_permissions.add(own)
    user.groups.add(group)
    user = User.objects.get(pk=user.pk)  # no permission cache from the set-up
    with django_assert_num_queries(1):
        assert user.has_perm("network.view_user")
        assert user.has_perm("network.change_user")
        assert not user.has_perm("network.delete_user")
        assert user.get_all_permissions() >= {"network.view_user", "network.change_user"}

    user.is_active = False
    assert not user.has_perm("network.view_user")
    superuser = UserFactory(email="beheer@example.org", is_superuser=True)
    assert superuser.has_perm("network.delete_user")
