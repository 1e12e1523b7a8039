"""Voices fixtures: two municipalities in different provinces, themes and a life domain."""

import pytest

from municipalities.models import MunicipalityIndexPage, MunicipalityPage
from network.factories import UserFactory
from taxonomy.factories import LifeDomainFactory, ThemeFactory


def _municipality(index, *, title, slug, code, province):
    return index.add_child(
        instance=MunicipalityPage(
            title=title,
            slug=slug,
            cbs_code=code,
            official_name=title,
            province=province,
            province_code="PV26",
            region="Regio",
            region_code="AM01",
            population=50_000,
            population_year=2025,
        )
    )


@pytest.fixture
def municipalities(home_page):
    index = MunicipalityIndexPage.objects.first() or home_page.add_child(
        instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten")
    )
    return (
        _municipality(index, title="Utrecht", slug="utrecht", code="GM0344", province="Utrecht"),
        _municipality(index, title="Zwolle", slug="zwolle", code="GM0193", province="Overijssel"),
    )


@pytest.fixture
def utrecht(municipalities):
    return municipalities[0]


@pytest.fixture
def zwolle(municipalities):
    return municipalities[1]


@pytest.fixture
def theme(db):
    return ThemeFactory(article=19, name="Wonen en meedoen", slug="artikel-19")


@pytest.fixture
def other_theme(db):
    return ThemeFactory(article=27, name="Werk", slug="artikel-27")


@pytest.fixture
def life_domain(db):
    return LifeDomainFactory(name="Wonen", slug="wonen")


@pytest.fixture
def author(db):
    return UserFactory(email="auteur@example.org", display_name="Fatima El Amrani")
