"""Factories for the forum; the tests and the demo data share them."""

import factory
from django.utils import timezone
from django.utils.text import slugify

from network.factories import UserFactory

from .models import Category, Flag, Post, Subscription, Topic, WatchedWord


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Vragen en ervaringen over dit onderwerp."
    order = factory.Sequence(int)
    is_public = True
    requires_approval = False


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic; its counters are right once posts are made with PostFactory."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Vraag over inclusie {n}")
    author = factory.SubFactory(UserFactory)
    created = factory.LazyFunction(timezone.now)
    last_activity_at = factory.SelfAttribute("created")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class PostFactory(factory.django.DjangoModelFactory):
    """A post; a visible one also updates its topic's counters, as the services do."""

    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(UserFactory)
    body_markdown = factory.Faker("paragraph", locale="nl_NL")
    status = Post.Status.VISIBLE
    created = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        post = super()._create(model_class, *args, **kwargs)
        if post.status == Post.Status.VISIBLE:
            Topic.objects.filter(pk=post.topic_id).update(
                visible_post_count=Post.objects.filter(
                    topic_id=post.topic_id, status=Post.Status.VISIBLE
                ).count(),
                last_activity_at=post.created,
            )
            post.topic.refresh_from_db(fields=["visible_post_count", "last_activity_at"])
        return post


class FlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flag

    post = factory.SubFactory(PostFactory)
    user = factory.SubFactory(UserFactory)
    reason = Flag.Reason.SPAM
    text = ""


class WatchedWordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchedWord
        django_get_or_create = ("word",)

    word = factory.Sequence(lambda n: f"woord{n}")
    action = WatchedWord.Action.QUEUE


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    topic = factory.SubFactory(TopicFactory)
    category = None
