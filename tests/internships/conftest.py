"""Municipalities, offers and people the internship tests build on."""

import itertools

import pytest

from internships.factories import ApplicationFactory, InternshipOfferFactory
from municipalities.models import MunicipalityIndexPage, MunicipalityPage
from municipalities.services import membership_add

_codes = itertools.count(8000)


@pytest.fixture
def make_municipality(home_page):
    index = MunicipalityIndexPage.objects.first() or home_page.add_child(
        instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten")
    )

    def make(title: str, province: str = "Utrecht") -> MunicipalityPage:
        code = next(_codes)
        return index.add_child(
            instance=MunicipalityPage(
                title=title,
                slug=f"gemeente-{code}",
                cbs_code=f"GM{code}",
                official_name=title,
                province=province,
                province_code="PV26",
                population=30_000,
            )
        )

    return make


@pytest.fixture
def utrecht(make_municipality):
    return make_municipality("Utrecht", "Utrecht")


@pytest.fixture
def zwolle(make_municipality):
    return make_municipality("Zwolle", "Overijssel")


@pytest.fixture
def utrecht_official(official, utrecht):
    membership_add(user=official, municipality=utrecht, job_title="Beleidsadviseur")
    return official


@pytest.fixture
def offer(utrecht):
    return InternshipOfferFactory(municipality=utrecht, title="Stage toegankelijke brieven")


@pytest.fixture
def application(offer, expert):
    return ApplicationFactory(offer=offer, applicant=expert, needs_other="Een vaste begeleider")
