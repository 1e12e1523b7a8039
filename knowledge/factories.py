"""Factories for the practice library; the tests and the demo data share them."""

import factory
import wagtail_factories

from .models import PracticeIndexPage, PracticeKind, PracticePage


class PracticeKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeKind
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Soort {n}")
    name_en = factory.Sequence(lambda n: f"Kind {n}")
    slug = factory.Sequence(lambda n: f"soort-{n}")


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PracticeIndexPage

    title = "Kennisbank"
    slug = "kennisbank"
    introduction = "Voorbeelden, handreikingen en instrumenten uit gemeenten."


class PracticePageFactory(wagtail_factories.PageFactory):
    """A published practice; pass themes=[...], life_domains=[...], municipalities=[...]."""

    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Praktijk {n}")
    summary = "Een gemeente pakt samen met ervaringsdeskundigen een drempel aan."
    year = 2024
    kind = factory.LazyFunction(
        lambda: PracticeKind.objects.get_or_create(
            slug="voorbeeld", defaults={"name": "Praktijkvoorbeeld", "name_en": "Good practice"}
        )[0]
    )

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Many-to-many values go on the unsaved cluster, so the first save indexes them.
        relations = {name: kwargs.pop(name) for name in RELATIONS if name in kwargs}
        instance = model_class(**kwargs)
        for name, values in relations.items():
            getattr(instance, name).set(values)
        if parent:
            parent.add_child(instance=instance)
        else:
            instance.save()
        return instance


RELATIONS = ("themes", "life_domains", "target_groups", "municipalities", "tags")
