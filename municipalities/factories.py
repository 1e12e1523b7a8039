"""Factories for municipalities and their LIA history; the tests and the demo data share them."""

import datetime

import factory
import wagtail_factories

from .models import (
    LiaStatus,
    LiaStatusChange,
    MunicipalityIndexPage,
    MunicipalityMembership,
    MunicipalityPage,
    RouteStep,
    RouteStepLink,
    Stakeholder,
    StakeholderKind,
)


class MunicipalityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityIndexPage

    title = "Gemeenten"
    slug = "gemeenten"


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityPage

    title = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))
    # Real CBS codes stay below GM2000; the wrap keeps the code at four digits
    # however many pages one test process creates.
    cbs_code = factory.Sequence(lambda n: f"GM{5000 + n % 5000:04d}")
    official_name = factory.SelfAttribute("title")
    province = "Utrecht"
    province_code = "PV26"
    region = "Midden-Utrecht"
    region_code = "AM17"
    population = 30_000
    population_year = 2025


class LiaStatusChangeFactory(factory.django.DjangoModelFactory):
    """A history entry saved directly; use services.lia_status_record to update the page too."""

    class Meta:
        model = LiaStatusChange

    municipality = factory.SubFactory(MunicipalityPageFactory)
    status = LiaStatus.EXPLORING
    date = factory.LazyFunction(lambda: datetime.date(2024, 3, 12))
    source = LiaStatusChange.Source.PROJECT_TEAM
    note = ""


class MunicipalityMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalityMembership
        django_get_or_create = ("user", "municipality")

    user = factory.SubFactory("network.factories.UserFactory")
    municipality = factory.SubFactory(MunicipalityPageFactory)
    job_title = "Beleidsadviseur sociaal domein"
    is_contact = True


class RouteStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RouteStep
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Stap {n}")
    slug = factory.Sequence(lambda n: f"stap-{n}")
    explanation = "Wat deze stap inhoudt."
    done_when = "Wanneer deze stap klaar is."
    sort_order = factory.Sequence(lambda n: n)


class RouteStepLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RouteStepLink

    step = factory.SubFactory(RouteStepFactory)
    title = "Handreiking"
    url = "https://example.org/handreiking"


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    municipality = factory.SubFactory(MunicipalityPageFactory)
    kind = StakeholderKind.ALDERMAN
    name = factory.Sequence(lambda n: f"Betrokkene {n}")
    role = "Wethouder sociaal domein"
