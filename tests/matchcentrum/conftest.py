"""Municipalities, practices and vocabulary the matchcentrum tests build on."""

import itertools

import pytest
from django.utils import translation

from knowledge.models import PracticeIndexPage, PracticeKind, PracticePage
from municipalities.models import MunicipalityIndexPage, MunicipalityMembership, MunicipalityPage
from municipalities.services import membership_add
from taxonomy.models import LifeDomain, Theme

_codes = itertools.count(9000)


@pytest.fixture
def municipality_index(home_page):
    index = MunicipalityIndexPage.objects.first()
    if index is None:
        index = home_page.add_child(
            instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten")
        )
    return index


@pytest.fixture
def practice_index(home_page):
    index = PracticeIndexPage.objects.first()
    if index is None:
        index = home_page.add_child(
            instance=PracticeIndexPage(title="Kennisbank", slug="kennisbank")
        )
    return index


@pytest.fixture
def make_municipality(municipality_index):
    def make(title: str, **fields) -> MunicipalityPage:
        code = next(_codes)
        defaults = {
            "cbs_code": f"GM{code}",
            "official_name": title,
            "province": "Noord-Holland",
            "province_code": "PV27",
            "population": 30_000,
            "willing_to_be_asked": True,
        }
        defaults.update(fields)
        lia = defaults.pop("current_lia_status", None)
        centroid = defaults.pop("centroid", None)
        page = municipality_index.add_child(
            instance=MunicipalityPage(title=title, slug=f"gemeente-{code}", **defaults)
        )
        # Denormalised, non-editable fields are set the way the importer and LIA service do.
        updates = {}
        if lia:
            updates["current_lia_status"] = lia
        if centroid:
            updates["centroid_lat"], updates["centroid_lon"] = centroid
        if updates:
            MunicipalityPage.objects.filter(pk=page.pk).update(**updates)
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_practice(practice_index):
    counter = itertools.count(1)

    def make(*, municipalities, themes=(), life_domains=(), live=True) -> PracticePage:
        n = next(counter)
        kind = PracticeKind.objects.get_or_create(
            slug="voorbeeld", defaults={"name": "Praktijkvoorbeeld"}
        )[0]
        page = practice_index.add_child(
            instance=PracticePage(
                title=f"Praktijk {n}",
                slug=f"praktijk-{n}",
                summary="Samenvatting.",
                kind=kind,
                live=live,
            )
        )
        page.municipalities.set(municipalities)
        page.themes.set(themes)
        page.life_domains.set(life_domains)
        page.save()
        return page

    return make


@pytest.fixture
def art29(db):
    return Theme.objects.get_or_create(
        article=29, defaults={"name": "Participatie in politiek en publiek leven", "slug": "art-29"}
    )[0]


@pytest.fixture
def art9(db):
    return Theme.objects.get_or_create(
        article=9, defaults={"name": "Toegankelijkheid", "slug": "art-9"}
    )[0]


@pytest.fixture
def housing(db):
    return LifeDomain.objects.get_or_create(
        slug="wonen", defaults={"name": "Wonen", "name_en": "Housing"}
    )[0]


@pytest.fixture
def english():
    """Messages in English, so assertions read like the source strings."""
    with translation.override("en"):
        yield


@pytest.fixture
def link():
    """Make a user an official of a municipality."""

    def make(user, municipality) -> MunicipalityMembership:
        return membership_add(user=user, municipality=municipality)

    return make
