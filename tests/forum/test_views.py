"""The forum's pages: who may read and write what, how errors answer, and their query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from forum.demo import bulk_posts
from forum.factories import CategoryFactory, PostFactory, TopicFactory, WatchedWordFactory
from forum.models import Flag, ModerationAction, Post, Subscription, Suspension, Topic
from network.factories import UserFactory
from tests.utils import get_html

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"forum:{name}", kwargs=kwargs)


# --- reading -----------------------------------------------------------------------------------


def test_index_lists_categories_with_visible_topic_counts(client, topic, private_category):
    TopicFactory(category=topic.category, title="Alleen een wachtend bericht")  # no visible post
    response = client.get(url("index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Toegankelijke verkiezingen" in body
    assert "1 onderwerp" in body
    # anonymous visitors only see public categories
    assert "Ambtenarenoverleg" not in body


def test_member_sees_members_only_category(client, member, private_category):
    client.force_login(member)
    assert "Ambtenarenoverleg" in get_html(client, url("index"))


def test_anonymous_reads_public_category_and_topic(client, topic):
    assert client.get(url("category", slug=topic.category.slug)).status_code == 200
    response = client.get(url("topic", pk=topic.pk))
    assert response.status_code == 200
    assert "Hoe doen jullie dat?" in response.content.decode()


def test_anonymous_is_sent_to_login_for_private_category(client, private_category):
    topic = TopicFactory(category=private_category)
    PostFactory(topic=topic)
    for path in (url("category", slug=private_category.slug), url("topic", pk=topic.pk)):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_unknown_things_are_404(client):
    assert client.get(url("category", slug="bestaat-niet")).status_code == 404
    assert client.get(url("topic", pk=999999)).status_code == 404


def test_bad_page_number_shows_a_page(client, topic):
    assert client.get(url("topic", pk=topic.pk) + "?page=abc").status_code == 200
    assert client.get(url("category", slug=topic.category.slug) + "?page=9999").status_code == 200


def test_hidden_pending_removed_posts_are_not_shown_to_members(client, topic, member):
    PostFactory(topic=topic, body_markdown="Wachtende tekst", status="pending")
    PostFactory(topic=topic, body_markdown="Verborgen tekst", status="hidden")
    PostFactory(topic=topic, body_markdown="Verwijderde tekst", status="removed")
    client.force_login(member)
    body = get_html(client, url("topic", pk=topic.pk))
    assert "Wachtende tekst" not in body
    assert "Verborgen tekst" not in body
    assert "Verwijderde tekst" not in body


def test_author_sees_own_pending_post_marked(client, topic, member):
    PostFactory(topic=topic, author=member, body_markdown="Mijn wachtende tekst", status="pending")
    client.force_login(member)
    body = get_html(client, url("topic", pk=topic.pk))
    assert "Mijn wachtende tekst" in body
    assert "Wacht op goedkeuring" in body


def test_moderator_sees_all_posts(client, topic, moderator):
    PostFactory(topic=topic, body_markdown="Verborgen tekst", status="hidden")
    client.force_login(moderator)
    body = get_html(client, url("topic", pk=topic.pk))
    assert "Verborgen tekst" in body and "Verborgen" in body


def test_topic_with_only_pending_posts_is_404_for_others(client, category, member):
    topic = TopicFactory(category=category)
    PostFactory(topic=topic, status="pending")
    client.force_login(member)
    assert client.get(url("topic", pk=topic.pk)).status_code == 404


def test_deleted_author_shows_as_deleted_member(client, topic):
    topic.posts.get().author.delete()
    body = get_html(client, url("topic", pk=topic.pk))
    assert "verwijderd lid" in body


def test_post_link_goes_to_its_page(client, topic):
    posts = [PostFactory(topic=topic) for _ in range(25)]
    response = client.get(url("post", pk=posts[-1].pk))
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=2#post-{posts[-1].pk}")


# --- writing -----------------------------------------------------------------------------------


def test_posting_needs_login(client, topic):
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Hallo"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert topic.posts.count() == 1


def test_posting_needs_verified_email(client, topic):
    user = UserFactory(email="onbevestigd@example.org", verified=False)
    client.force_login(user)
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Hallo"})
    assert response.status_code == 403
    assert "e-mailadres" in response.content.decode()


def test_new_topic_by_trusted_member(client, category, trusted):
    client.force_login(trusted)
    assert client.get(url("topic_create", slug=category.slug)).status_code == 200
    response = client.post(
        url("topic_create", slug=category.slug),
        {"title": "Stempas in braille?", "body_markdown": "Wie heeft ervaring?"},
    )
    topic = Topic.objects.get(title="Stempas in braille?")
    assert response.status_code == 302 and response["Location"] == topic.get_absolute_url()
    assert topic.visible_post_count == 1 and topic.author == trusted


def test_new_topic_errors_keep_input(client, category, trusted):
    client.force_login(trusted)
    response = client.post(
        url("topic_create", slug=category.slug), {"title": "", "body_markdown": "Mijn tekst"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Geef uw onderwerp een titel." in body
    assert "Mijn tekst" in body


def test_reply_errors_are_400_with_message(client, topic, trusted):
    client.force_login(trusted)
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "   "})
    assert response.status_code == 400
    assert "Schrijf een bericht." in response.content.decode()


def test_blocked_word_is_400_and_keeps_text(client, topic, trusted):
    WatchedWordFactory(word="casino*", action="block")
    client.force_login(trusted)
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Speel in het casino nu"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Speel in het casino nu" in body
    assert "niet toegestaan" in body
    assert not Post.objects.filter(body_markdown__contains="casino").exists()


def test_queued_word_goes_to_moderators(client, topic, trusted):
    WatchedWordFactory(word="bsn", action="queue")
    client.force_login(trusted)
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Mijn bsn staat hier"})
    assert response.status_code == 302
    assert Post.objects.get(body_markdown="Mijn bsn staat hier").status == "pending"


def test_new_member_reply_waits_for_approval(client, topic, member):
    client.force_login(member)
    response = client.post(
        url("reply", pk=topic.pk), {"body_markdown": "Mijn eerste bericht"}, follow=True
    )
    assertContains(response, "moderator")
    assert Post.objects.get(body_markdown="Mijn eerste bericht").status == "pending"


def test_rate_limit_is_429_and_keeps_text(client, topic, member, settings):
    settings.FORUM_NEW_MEMBER_POSTS_PER_HOUR = 2
    client.force_login(member)
    for n in range(2):
        assert (
            client.post(url("reply", pk=topic.pk), {"body_markdown": f"Nr {n}"}).status_code == 302
        )
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Nummer drie"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Nummer drie" in body and "per uur" in body
    # when the next post is possible, and that approved posts lift the limit
    assert "vanaf" in body and "goedgekeurd" in body
    assert 0 < int(response["Retry-After"]) <= 3600


def test_suspended_member_gets_403_with_reason(client, topic, trusted, moderator):
    Suspension.objects.create(
        user=trusted,
        until=timezone.now() + timedelta(days=3),
        reason="Scheldwoorden",
        created_by=moderator,
    )
    client.force_login(trusted)
    response = client.get(url("reply", pk=topic.pk))
    assert response.status_code == 403 and "Scheldwoorden" in response.content.decode()
    response = client.post(url("reply", pk=topic.pk), {"body_markdown": "Toch iets zeggen"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Scheldwoorden" in body and "Toch iets zeggen" in body
    assert client.get(url("topic_create", slug=topic.category.slug)).status_code == 403


def test_quote_prefills_reply(client, topic, trusted):
    client.force_login(trusted)
    post = topic.posts.first()
    response = client.get(url("quote", pk=post.pk))
    assert response.status_code == 200
    assert "&gt; Hoe doen jullie dat?" in response.content.decode()


def test_edit_own_post_keeps_revision(client, topic):
    post = topic.posts.first()
    client.force_login(post.author)
    response = client.post(url("post_edit", pk=post.pk), {"body_markdown": "Nieuwe tekst"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body_markdown == "Nieuwe tekst"
    assert post.revisions.get().body_markdown == "Hoe doen jullie dat?"


def test_cannot_edit_others_post(client, topic, member):
    client.force_login(member)
    post = topic.posts.first()
    assert client.post(url("post_edit", pk=post.pk), {"body_markdown": "x"}).status_code == 403
    post.refresh_from_db()
    assert post.body_markdown == "Hoe doen jullie dat?"


def test_flag_form(client, topic, member):
    client.force_login(member)
    post = topic.posts.first()
    assert client.get(url("flag", pk=post.pk)).status_code == 200
    response = client.post(url("flag", pk=post.pk), {"reason": "other", "text": ""})
    assert response.status_code == 400
    assert "Leg uit" in response.content.decode()
    response = client.post(url("flag", pk=post.pk), {"reason": "spam", "text": "Reclame"})
    assert response.status_code == 302
    assert Flag.objects.get(post=post).text == "Reclame"
    assert client.get(url("flag", pk=post.pk)).status_code == 409


def test_flag_invalid_reason_is_400(client, topic, member):
    client.force_login(member)
    response = client.post(url("flag", pk=topic.posts.first().pk), {"reason": "nonsense"})
    assert response.status_code == 400


def test_subscribe_and_unsubscribe(client, topic, member):
    client.force_login(member)
    assert client.get(url("topic_subscribe", key=topic.pk)).status_code == 405
    client.post(url("topic_subscribe", key=topic.pk), {"follow": "1"})
    assert Subscription.objects.filter(user=member, topic=topic).exists()
    client.post(url("topic_subscribe", key=topic.pk), {"follow": "0"})
    assert not Subscription.objects.filter(user=member, topic=topic).exists()
    client.post(url("category_subscribe", key=topic.category.slug), {"follow": "1"})
    assert Subscription.objects.filter(user=member, category=topic.category).exists()


# --- moderation pages --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["moderation_queue", "moderation_log"])
def test_members_cannot_see_moderation(client, member, official, expert, name):
    for user in (member, official, expert):
        client.force_login(user)
        assert client.get(url(name)).status_code == 403
    client.logout()
    assert client.get(url(name)).status_code == 302


@pytest.mark.parametrize("fixture", ["moderator", "team_member", "superuser"])
def test_moderators_see_queue_and_log(client, request, topic, fixture):
    pending = PostFactory(topic=topic, body_markdown="Wacht op een moderator", status="pending")
    flagged = PostFactory(topic=topic, body_markdown="Gemelde tekst", flag_count=1)
    PostFactory(topic=topic, body_markdown="Gewone tekst")
    client.force_login(request.getfixturevalue(fixture))
    body = get_html(client, url("moderation_queue"))
    assert "Wacht op een moderator" in body and "Gemelde tekst" in body
    assert "Gewone tekst" not in body
    assert body.index("Wacht op een moderator") < body.index("Gemelde tekst")  # oldest first
    assert client.get(url("moderation_log")).status_code == 200
    assert pending and flagged


def test_member_cannot_moderate_or_suspend(client, topic, member):
    client.force_login(member)
    post = topic.posts.first()
    response = client.post(url("moderate", pk=post.pk), {"action": "hide", "reason": "x"})
    assert response.status_code == 403
    response = client.post(url("suspend", user_id=post.author_id), {"days": 3, "reason": "x"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.status == "visible" and not Suspension.objects.exists()


def test_moderator_hides_post_with_reason(client, topic, moderator):
    client.force_login(moderator)
    post = topic.posts.first()
    response = client.post(url("moderate", pk=post.pk), {"action": "hide", "reason": ""})
    assert response.status_code == 400
    response = client.post(url("moderate", pk=post.pk), {"action": "restore", "reason": "x"})
    assert response.status_code == 400  # not a choice for a visible post
    response = client.post(url("moderate", pk=post.pk), {"action": "hide", "reason": "Off-topic"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == "hidden"
    log = get_html(client, url("moderation_log"))
    assert "Off-topic" in log and "Moderator" in log


def test_moderator_suspends_member(client, topic, moderator):
    client.force_login(moderator)
    author = topic.posts.first().author
    response = client.post(url("suspend", user_id=author.pk), {"days": "0", "reason": "x"})
    assert response.status_code == 400
    response = client.post(url("suspend", user_id=author.pk), {"days": "7", "reason": "Spam"})
    assert response.status_code == 302
    assert Suspension.objects.active().filter(user=author).exists()
    assert ModerationAction.objects.filter(action="suspend", target_user=author).exists()


def test_moderation_page_shows_revisions(client, topic, moderator):
    post = topic.posts.first()
    post.revisions.create(body_markdown="Oude versie", edited_by=post.author)
    client.force_login(moderator)
    assert "Oude versie" in get_html(client, url("moderate", pk=post.pk))


# --- search ------------------------------------------------------------------------------------


def test_search_finds_only_visible_posts(client, topic):
    PostFactory(topic=topic, body_markdown="Zichtbaar over stemhokjes")
    PostFactory(topic=topic, body_markdown="Verborgen over stemhokjes", status="hidden")
    PostFactory(topic=topic, body_markdown="Wachtend over stemhokjes", status="pending")
    body = get_html(client, url("search") + "?q=stemhokjes")
    assert "Zichtbaar over stemhokjes" in body
    assert "Verborgen over" not in body and "Wachtend over" not in body


def test_search_hides_private_categories_from_anonymous(client, private_category, member):
    topic = TopicFactory(category=private_category)
    PostFactory(topic=topic, body_markdown="Intern overleg over stemhokjes")
    assert "Intern overleg" not in get_html(client, url("search") + "?q=stemhokjes")
    client.force_login(member)
    assert "Intern overleg" in get_html(client, url("search") + "?q=stemhokjes")


def test_search_too_long_query_is_400(client):
    response = client.get(url("search") + "?q=" + "a" * 300)
    assert response.status_code == 400


# --- query counts ------------------------------------------------------------------------------


# A moderator's header counts what waits in each moderation queue (forum posts, voices), once a
# minute (network.templatetags.network_tags.inbox_total): one query per queue on top.
MODERATOR_HEADER = 1


def test_topic_with_1000_posts_has_a_fixed_query_budget(
    client, topic, trusted, moderator, django_assert_max_num_queries
):
    authors = [UserFactory(email=f"a{n}@example.org") for n in range(10)]
    bulk_posts(topics=[topic], posts_per_topic=999, authors=authors)
    Topic.objects.filter(pk=topic.pk).update(visible_post_count=1000 + 2)
    for user in (None, trusted, moderator):
        if user:
            client.force_login(user)
        budget = 12 + (MODERATOR_HEADER if user == moderator else 0)
        for page in ("", "?page=30"):
            with django_assert_max_num_queries(budget):
                response = client.get(url("topic", pk=topic.pk) + page)
            assert response.status_code == 200
            assert response.content.decode().count('class="forum-post ') == 20


def test_category_with_10000_topics_stays_within_12_queries(
    client, category, member, moderator, django_assert_max_num_queries
):
    author = UserFactory(email="veel@example.org")
    now = timezone.now()
    Topic.objects.bulk_create(
        [
            Topic(
                category=category,
                title=f"Onderwerp {n}",
                author=author,
                visible_post_count=1,
                created=now,
                last_activity_at=now - timedelta(seconds=n),
            )
            for n in range(10_000)
        ],
        batch_size=2000,
    )
    for user in (None, member, moderator):
        if user:
            client.force_login(user)
        for page in ("", "?page=200"):
            with django_assert_max_num_queries(12):
                response = client.get(url("category", slug=category.slug) + page)
            assert response.status_code == 200
    assert "Onderwerp 0<" in get_html(client, url("category", slug=category.slug))


def test_index_and_queue_query_counts(client, moderator, topic, django_assert_max_num_queries):
    for n in range(30):
        PostFactory(topic=topic, status="pending", author=UserFactory(email=f"p{n}@example.org"))
    CategoryFactory.create_batch(5)
    client.force_login(moderator)
    with django_assert_max_num_queries(12 + MODERATOR_HEADER):
        assert client.get(url("index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("moderation_queue")).status_code == 200


def test_feed_has_only_visible_public_posts(client, topic, private_category):
    PostFactory(topic=topic, body_markdown="Zichtbaar in de feed")
    PostFactory(topic=topic, body_markdown="Wachtend niet in de feed", status="pending")
    PostFactory(topic=topic, body_markdown="Verborgen niet in de feed", status="hidden")
    private = TopicFactory(category=private_category)
    PostFactory(topic=private, body_markdown="Intern niet in de feed")
    response = client.get(url("feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Zichtbaar in de feed" in body
    assert "niet in de feed" not in body
