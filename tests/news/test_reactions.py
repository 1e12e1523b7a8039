"""Reactions under articles: who may react, the forum's rules, moderation, closing."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from forum.models import Post, WatchedWord
from forum.services import post_flag
from network.factories import UserFactory
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from news.services import REACTIONS_CATEGORY_SLUG, reaction_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(parent=news_index, title="Stembureaus worden toegankelijk")


def react(client, article, text):
    return client.post(reverse("news:reaction_create", args=[article.pk]), {"body_markdown": text})


def test_visitor_must_log_in_to_react(client, article):
    response = react(client, article, "Mooi!")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Post.objects.exists()
    assertContains(client.get(article.url), "Log in om te reageren")


def test_get_on_the_reaction_address_is_refused(client, member, article):
    client.force_login(member)
    assert client.get(reverse("news:reaction_create", args=[article.pk])).status_code == 405


def test_new_member_reaction_waits_for_a_moderator(client, member, article):
    client.force_login(member)
    response = react(client, article, "Goed nieuws voor **iedereen**.")
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.status == Post.Status.PENDING
    assert post.topic.category.slug == REACTIONS_CATEGORY_SLUG
    article.refresh_from_db()
    assert article.reactions_topic_id == post.topic_id
    own = client.get(article.url)
    assertContains(own, "<strong>iedereen</strong>", html=True)
    assertContains(own, "alleen u ziet dit")
    assertNotContains(Client().get(article.url), "Goed nieuws voor")
    other = Client()
    other.force_login(UserFactory())
    assertNotContains(other.get(article.url), "Goed nieuws voor")


def test_trusted_reaction_is_public_and_reuses_the_topic(client, moderator, member, article):
    first = reaction_create(article=article, author=moderator, body_markdown="Eerste reactie")
    second = reaction_create(article=article, author=moderator, body_markdown="Tweede reactie")
    assert first.topic_id == second.topic_id
    assert first.status == second.status == Post.Status.VISIBLE
    response = Client().get(article.url)
    assertContains(response, "Eerste reactie")
    assertContains(response, "Tweede reactie")
    # A member sees the report link (the forum's flag form) on someone else's reaction.
    client.force_login(member)
    assertContains(client.get(article.url), reverse("forum:flag", args=[first.pk]))


def test_markdown_is_sanitised(moderator, article):
    post = reaction_create(
        article=article,
        author=moderator,
        body_markdown='<script>alert(1)</script> [x](javascript:alert(1)) <img src="https://e.x/p.gif">',
    )
    response = Client().get(article.url)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert 'href="javascript' not in post.body_html
    assert "<img" not in post.body_html


def test_flags_hide_a_reaction(moderator, article, settings):
    settings.FORUM_FLAGS_TO_HIDE = 2
    post = reaction_create(article=article, author=moderator, body_markdown="Kijk op mijn site")
    for _n in range(2):
        post_flag(post=post, user=UserFactory(), reason="spam")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assertNotContains(Client().get(article.url), "Kijk op mijn site")


def test_empty_reaction_is_400_with_the_form(client, member, article):
    client.force_login(member)
    response = react(client, article, "   ")
    assertContains(response, "Schrijf uw reactie.", status_code=400)
    assertContains(response, "error-summary", status_code=400)
    assert not Post.objects.exists()


def test_blocked_word_is_400_and_the_text_is_kept(client, member, article):
    WatchedWord.objects.create(word="casino*", action=WatchedWord.Action.BLOCK)
    client.force_login(member)
    response = react(client, article, "Speel nu bij casinoroyal")
    assertContains(response, "niet toegestaan", status_code=400)
    assertContains(response, "Speel nu bij casinoroyal", status_code=400)
    assert not Post.objects.exists()


def test_queued_word_sends_even_a_trusted_reaction_to_the_queue(moderator, article):
    WatchedWord.objects.create(word="gratis", action=WatchedWord.Action.QUEUE)
    member = UserFactory()
    # A member with approved posts is trusted; a queued word still sends the post to moderation.
    for n in range(3):
        post = reaction_create(article=article, author=moderator, body_markdown=f"Reactie {n}")
        assert post.is_visible
    post = reaction_create(article=article, author=member, body_markdown="Alles gratis")
    assert post.status == Post.Status.PENDING


def test_rate_limit_for_new_members_is_429(client, member, article, settings):
    settings.FORUM_NEW_MEMBER_POSTS_PER_HOUR = 1
    client.force_login(member)
    assert react(client, article, "Eén").status_code == 302
    response = react(client, article, "Twee")
    assertContains(response, "Twee", status_code=429)
    assert Post.objects.count() == 1


def test_closed_article_refuses_reactions_and_keeps_the_text(client, member, moderator, article):
    reaction_create(article=article, author=moderator, body_markdown="Voor het sluiten")
    article = NewsArticlePage.objects.get(pk=article.pk)
    article.reactions_closed = True
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.reactions_topic.is_locked
    client.force_login(member)
    page = client.get(article.url)
    assertContains(page, "Reageren op dit bericht is gesloten.")
    assertNotContains(page, 'name="body_markdown"')
    response = react(client, article, "Toch nog iets")
    assertContains(response, "Reageren op dit bericht is gesloten", status_code=403)
    assertContains(response, "Toch nog iets", status_code=403)
    assert Post.objects.count() == 1
    # The forum's own reply route is closed too, for everyone but moderators.
    forum = client.post(
        reverse("forum:reply", args=[article.reactions_topic_id]),
        {"body_markdown": "Via het forum"},
    )
    assert forum.status_code == 403
    assert Post.objects.count() == 1


def test_draft_article_takes_no_reactions(client, member, article):
    article.unpublish()
    client.force_login(member)
    assert react(client, article, "Hallo").status_code == 404


def test_article_with_reactions_query_count(
    client, member, moderator, article, django_assert_max_num_queries
):
    for n in range(15):
        reaction_create(article=article, author=moderator, body_markdown=f"Reactie {n}")
    client.force_login(member)
    client.get(article.url)
    with django_assert_max_num_queries(25):
        assertContains(client.get(article.url), "Reactie 14")


def test_unverified_member_cannot_react(client, article):
    unverified = UserFactory(email="nieuw@example.org", verified=False)
    client.force_login(unverified)
    assertContains(client.get(article.url), "Bevestig eerst uw e-mailadres")
    response = react(client, article, "Hallo")
    assertContains(response, "Bevestig eerst uw e-mailadres", status_code=403)
    assert not Post.objects.exists()


def test_reactions_come_in_pages_and_the_link_after_reacting_opens_the_right_one(
    client, moderator, article
):
    posts = [
        reaction_create(article=article, author=moderator, body_markdown=f"Reactie nummer {n}.")
        for n in range(25)
    ]
    first = client.get(article.url)
    assertContains(first, "Reactie nummer 19.")
    assertNotContains(first, "Reactie nummer 20.")
    assertContains(first, 'rel="next"')
    second = client.get(article.url + "?page=2")
    assertContains(second, "Reactie nummer 24.")
    assertNotContains(second, "Reactie nummer 3.")
    linked = client.get(f"{article.url}?reactie={posts[22].pk}")
    assertContains(linked, f'id="reactie-{posts[22].pk}"')
    for bad in ("?page=x", "?reactie=abc", "?reactie=99999999999999999999", "?page=999"):
        assert client.get(article.url + bad).status_code == 200
