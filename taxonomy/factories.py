"""Factories for the shared vocabularies; the tests and the demo data share them."""

import factory

from .models import LifeDomain, TargetGroup, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("article",)

    article = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: f"artikel-{o.article}")


class LifeDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeDomain
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Levensdomein {n}")
    name_en = factory.Sequence(lambda n: f"Life domain {n}")
    slug = factory.Sequence(lambda n: f"levensdomein-{n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Doelgroep {n}")
    name_en = factory.Sequence(lambda n: f"Target group {n}")
    slug = factory.Sequence(lambda n: f"doelgroep-{n}")
