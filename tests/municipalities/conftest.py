"""Fixtures of the municipalities tests: the overview page, municipalities, a fresh cache."""

import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Site

from municipalities.factories import MunicipalityMembershipFactory, MunicipalityPageFactory
from municipalities.importer import ensure_index_page, import_municipalities
from municipalities.models import LiaStatus, LiaStatusChange, MunicipalityPage
from network.models import NetworkSettings


@pytest.fixture(autouse=True)
def fresh_cache():
    # The map, rows and profiles are cached; each test starts from what the database says.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index_page(home_page):
    # The site settings row exists on a real site; without it every page view would create it.
    NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    return ensure_index_page()


@pytest.fixture
def make_municipality(index_page):
    def make(**kwargs) -> MunicipalityPage:
        return MunicipalityPageFactory(parent=index_page, **kwargs)

    return make


@pytest.fixture
def utrecht(make_municipality):
    return make_municipality(title="Utrecht", cbs_code="GM0344", population=374_238)


@pytest.fixture
def zeist(make_municipality):
    return make_municipality(title="Zeist", cbs_code="GM0355", population=66_000)


@pytest.fixture
def official_of_utrecht(official, utrecht):
    MunicipalityMembershipFactory(user=official, municipality=utrecht, job_title="Adviseur")
    return official


@pytest.fixture
def all_municipalities(index_page):
    """The real 342 municipalities, with a spread of statuses and manifest dates."""
    import_municipalities()
    pages = list(MunicipalityPage.objects.order_by("cbs_code"))
    statuses = LiaStatus.values
    changes = []
    for number, page in enumerate(pages):
        status = statuses[number % len(statuses)]
        date = datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        if status != LiaStatus.NONE:
            changes.append(
                LiaStatusChange(municipality=page, status=status, date=date, source="survey")
            )
        page.current_lia_status = status
        page.current_lia_status_date = date if status != LiaStatus.NONE else None
        page.manifest_signed_on = datetime.date(2019, 5, 1) if number % 3 == 0 else None
    LiaStatusChange.objects.bulk_create(changes)
    MunicipalityPage.objects.bulk_update(
        pages, ["current_lia_status", "current_lia_status_date", "manifest_signed_on"]
    )
    return pages
