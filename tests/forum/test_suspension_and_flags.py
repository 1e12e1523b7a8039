"""Who a moderator may suspend, and who hears about a post hidden after flags."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.factories import PostFactory
from forum.services import ForumError
from network.factories import UserFactory
from network.roles import MODERATOR
from tests.utils import get_html

PUBLIC = "https://iedereendoetmee.example.org"


def _suspend(user, moderator):
    return services.member_suspend(
        user=user, moderator=moderator, until=timezone.now() + timedelta(days=1), reason="Spam"
    )


def test_moderator_suspends_a_member(moderator, member):
    assert _suspend(member, moderator).user == member


@pytest.mark.parametrize("target", ["team_member", "superuser"])
def test_moderator_may_not_suspend_the_team_or_admins(moderator, target, request):
    with pytest.raises(ForumError):
        _suspend(request.getfixturevalue(target), moderator)


def test_moderator_may_not_suspend_another_moderator_but_the_team_may(moderator, team_member):
    other = UserFactory(email="mod2@example.org", display_name="Mod Two", roles=[MODERATOR])
    with pytest.raises(ForumError):
        _suspend(other, moderator)
    assert _suspend(other, team_member).user == other


def test_suspend_page_for_the_team_is_a_403_with_the_reason(client, moderator, team_member):
    client.force_login(moderator)
    response = client.get(reverse("forum:suspend", args=[team_member.pk]))
    assert response.status_code == 403
    content = response.content.decode()
    assert "<h1>" in content and 'href="/mijn-netwerk/"' in content


def test_moderation_page_offers_suspend_only_when_allowed(client, moderator, team_member, member):
    client.force_login(moderator)
    by_team = PostFactory(author=team_member)
    by_member = PostFactory(author=member)
    page = get_html(client, reverse("forum:moderate", args=[by_team.pk]))
    assert reverse("forum:suspend", args=[team_member.pk]) not in page
    page = get_html(client, reverse("forum:moderate", args=[by_member.pk]))
    assert reverse("forum:suspend", args=[member.pk]) in page


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, FORUM_FLAGS_TO_HIDE=2)
def test_hidden_post_emails_moderators_and_team(
    moderator, team_member, member, django_capture_on_commit_callbacks
):
    team_member.language = "en"
    team_member.save()
    post = PostFactory(author=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_flag(post=post, user=UserFactory(email="a@example.org"), reason="spam")
    assert not [m for m in mail.outbox if m.to[0] in (moderator.email, team_member.email)]
    with django_capture_on_commit_callbacks(execute=True):
        services.post_flag(post=post, user=UserFactory(email="b@example.org"), reason="spam")
    sent = {m.to[0]: m for m in mail.outbox}
    assert moderator.email in sent and team_member.email in sent
    assert "verborgen na 2 meldingen" in sent[moderator.email].subject
    assert "hidden after 2 flags" in sent[team_member.email].subject
    assert f"{PUBLIC}/en/forum/moderatie/bericht/{post.pk}/" in sent[team_member.email].body
    assert f"{PUBLIC}/forum/moderatie/bericht/{post.pk}/" in sent[moderator.email].body
