"""Factories for news and campaigns; the tests and the demo data share them."""

from datetime import date, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from .models import (
    CampaignIndexPage,
    CampaignPage,
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
)


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Nieuwssoort {n}")
    name_en = factory.Sequence(lambda n: f"News kind {n}")
    slug = factory.Sequence(lambda n: f"nieuwssoort-{n}")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Nieuws"
    slug = "nieuws"
    introduction = "Nieuws uit het netwerk Iedereen doet mee!"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """A published article; pass tags=[...], themes=[...], municipalities=[...]."""

    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: date(2025, 1, 1) + timedelta(days=n))
    introduction = "Een kort bericht uit het netwerk."
    category = factory.SubFactory(NewsCategoryFactory)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Many-to-many values and tags go on the unsaved cluster, so the first save keeps them.
        relations = {name: kwargs.pop(name) for name in RELATIONS if name in kwargs}
        instance = model_class(**kwargs)
        for name, values in relations.items():
            getattr(instance, name).set(values)
        if parent:
            parent.add_child(instance=instance)
        else:
            instance.save()
        return instance


RELATIONS = ("themes", "municipalities", "tags")


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Campagnes"
    slug = "campagnes"


class CampaignPageFactory(wagtail_factories.PageFactory):
    """A campaign running from a week ago to a month from now."""

    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campagne {n}")
    hashtag = factory.Sequence(lambda n: f"Campagne{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    why = "<p>Omdat iedereen mee moet kunnen doen.</p>"
    take_part_persons = "<p>Deel uw verhaal met de hashtag.</p>"
    take_part_organisations = "<p>Roep uw leden op om mee te doen.</p>"
