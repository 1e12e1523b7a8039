"""Fixtures of the commitments tests: two municipalities, people in every role, a cycle."""

import datetime

import pytest
from wagtail.models import Site

from commitments import services
from commitments.models import Commitment, Election, Party, Priority
from municipalities.factories import MunicipalityMembershipFactory, MunicipalityPageFactory
from municipalities.importer import ensure_index_page
from network.factories import UserFactory
from network.models import NetworkSettings
from network.roles import MUNICIPAL_OFFICIAL
from voices.factories import OrganisationFactory

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def index_page(home_page):
    NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    return ensure_index_page()


@pytest.fixture
def utrecht(index_page):
    return MunicipalityPageFactory(parent=index_page, title="Utrecht", cbs_code="GM0344")


@pytest.fixture
def zeist(index_page):
    return MunicipalityPageFactory(parent=index_page, title="Zeist", cbs_code="GM0355")


@pytest.fixture
def official_of_utrecht(official, utrecht):
    MunicipalityMembershipFactory(user=official, municipality=utrecht)
    return official


@pytest.fixture
def official_of_zeist(db, zeist):
    user = UserFactory(email="zeist@example.org", roles=[MUNICIPAL_OFFICIAL])
    MunicipalityMembershipFactory(user=user, municipality=zeist)
    return user


@pytest.fixture
def organisation(db, member):
    organisation = OrganisationFactory(name="Platform Gehandicaptenbeleid Utrecht")
    organisation.members.add(member)
    return organisation


@pytest.fixture
def priority(utrecht, expert):
    return services.priority_save(
        municipality=utrecht,
        user=expert,
        title="Toegankelijke bushaltes",
        explanation="Veel haltes hebben **geen** verhoogde rand.",
        source=Priority.Source.EXPERTS,
        dialogue=None,
    )


@pytest.fixture
def commitment(utrecht, official_of_utrecht, priority):
    return services.commitment_save(
        municipality=utrecht,
        user=official_of_utrecht,
        priorities=[priority],
        title="Alle bushaltes in de binnenstad toegankelijk in 2028",
        description="",
        made_by=Commitment.MadeBy.COALITION,
        party_name="",
        term="2022-2026",
        source_title="Coalitieakkoord 2022-2026",
        source_url="https://www.utrecht.nl/coalitieakkoord",
        promised_on=datetime.date(2022, 6, 1),
    )


@pytest.fixture
def election(db):
    return Election.objects.create(
        year=2026, date=datetime.date(2026, 3, 18), title="Gemeenteraadsverkiezingen 2026"
    )


@pytest.fixture
def party(election, utrecht):
    return Party.objects.create(election=election, municipality=utrecht, name="Stadspartij")
