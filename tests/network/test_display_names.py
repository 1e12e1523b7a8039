"""Nobody takes a display name that imitates a role, the team or another person."""

import pytest
from django.utils import translation

from network.factories import UserFactory
from network.forms import ProfileForm, SignupProfileForm


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _signup(name):
    return SignupProfileForm(data={"display_name": name, "organisation": "", "role": ""})


def _profile(user, name):
    return ProfileForm(
        data={
            "display_name": name,
            "organisation": "",
            "language": "nl",
            "notification_preference": "immediate",
        },
        instance=user,
    )


@pytest.mark.parametrize(
    "name",
    ["Moderator", "admin", "Team VNG", "Het Projectteam", "moderator_jan", "Beheerder Piet"],
)
def test_signup_refuses_names_that_imitate_a_role(db, name):
    form = _signup(name)
    assert not form.is_valid()
    assert "looks like a role or the project team" in str(form.errors["display_name"])


@pytest.mark.parametrize("name", ["Moderator", "VNG", "team"])
def test_profile_refuses_names_that_imitate_a_role(member, name):
    form = _profile(member, name)
    assert not form.is_valid()
    assert form.errors["display_name"][0].startswith("This name looks like a role")


def test_signup_refuses_another_persons_name(db):
    UserFactory(email="jan@example.org", display_name="Jan Jansen")
    form = _signup("jan  jansen")
    assert not form.is_valid()
    assert "already uses this name" in str(form.errors["display_name"])


def test_profile_keeps_your_own_name_but_not_someone_elses(member):
    UserFactory(email="jan@example.org", display_name="Jan Jansen")
    assert _profile(member, "Member").is_valid()
    form = _profile(member, "JAN JANSEN")
    assert not form.is_valid()
    assert "already uses this name" in str(form.errors["display_name"])


@pytest.mark.parametrize("name", ["Steam Fan", "Anna de Vries", "Beheersbaar Bert"])
def test_ordinary_names_pass(db, name):
    assert _signup(name).is_valid(), _signup(name).errors


def test_profile_page_shows_the_message_with_400(client, member):
    client.force_login(member)
    response = client.post(
        "/profiel/",
        {"display_name": "Moderator", "language": "nl", "notification_preference": "immediate"},
    )
    assert response.status_code == 400
    assert 'value="Moderator"' in response.content.decode()


def test_the_team_may_say_so_in_its_own_name(team_member):
    assert _profile(team_member, "Projectteam VNG").is_valid()
