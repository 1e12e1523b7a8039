"""Factories for match requests and matches; the tests and the demo data share them."""

import factory

from .models import Match, MatchEvent, MatchRequest, MatchState


class MatchRequestFactory(factory.django.DjangoModelFactory):
    """A request; pass `municipality` (a MunicipalityPage) and optionally themes/life_domains."""

    class Meta:
        model = MatchRequest
        skip_postgeneration_save = True

    question = factory.Faker("paragraph", nb_sentences=3, locale="nl_NL")
    preferred_contact = MatchRequest.Contact.EMAIL
    contact_name = factory.Faker("name", locale="nl_NL")
    contact_email = factory.Sequence(lambda n: f"contact{n}@gemeente.example.org")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def life_domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.life_domains.set(extracted)


class MatchFactory(factory.django.DjangoModelFactory):
    """A match for a request; pass `request` and `offering_municipality`."""

    class Meta:
        model = Match

    asking_municipality = factory.LazyAttribute(lambda o: o.request.municipality)
    state = MatchState.PROPOSED
    notes = factory.Faker("sentence", locale="nl_NL")


class MatchEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchEvent

    from_state = ""
    to_state = MatchState.PROPOSED
