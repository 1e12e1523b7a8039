import datetime

import factory

from .models import Accommodation, Application, InternshipOffer, OfferKind


class InternshipOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternshipOffer

    municipality = factory.SubFactory("municipalities.factories.MunicipalityPageFactory")
    kind = OfferKind.INTERNSHIP
    title = factory.Sequence(lambda n: f"Stage {n}")
    department = "Sociaal domein"
    start = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=120))
    hours_per_week = 16
    location = "Gemeentehuis"
    tasks = "U helpt het team bij het toegankelijk maken van brieven."
    accommodations = factory.LazyFunction(
        lambda: [Accommodation.STEP_FREE, Accommodation.QUIET_ROOM]
    )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    offer = factory.SubFactory(InternshipOfferFactory)
    applicant = factory.SubFactory("network.factories.UserFactory")
    motivation = "Ik wil graag ervaring opdoen bij een gemeente."
    needs = factory.LazyFunction(lambda: [Accommodation.JOB_COACH])
    needs_consent = True
