"""Factories for voices and organisations; the tests and the demo data share them."""

import factory
from django.utils import timezone

from network.factories import UserFactory

from .models import Organisation, Position, Voice


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Belangenvereniging {n}")
    slug = factory.Sequence(lambda n: f"belangenvereniging-{n}")
    kind = Organisation.Kind.ADVOCACY
    website = "https://example.org"
    description = "Wij komen op voor mensen met een beperking in onze regio."
    is_national = True
    contact_name = "Anna de Vries"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    status = Organisation.Status.APPROVED

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Standpunt {n}")
    body_markdown = "Wij vinden dat iedereen mee moet kunnen doen."


class VoiceFactory(factory.django.DjangoModelFactory):
    """A published voice by a member, shown with the first name, with consent."""

    class Meta:
        model = Voice
        skip_postgeneration_save = True

    body_markdown = factory.Sequence(
        lambda n: f"Ik wil zelf kunnen kiezen waar ik woon. Verhaal {n}."
    )
    author = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda o: o.author.get_full_name() if o.author else "Sam Jansen")
    display = Voice.Display.FIRST_NAME
    consent_publish = True
    status = Voice.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def life_domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.life_domains.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))
