"""The demo of the cycle: priorities and commitments in real municipalities, with kept and broken
promises, stalled ones and the 2026 election; loading it twice adds nothing."""

import io

import pytest
from django.utils import timezone
from django.utils.text import slugify

from commitments import demo, services
from commitments.models import (
    Commitment,
    CommitmentStatus,
    Election,
    Endorsement,
    Follow,
    Party,
    PartyAnswer,
    Position,
    Priority,
    StatusChange,
)
from events.models import EventIndexPage, EventKind, EventPage
from municipalities.factories import MunicipalityMembershipFactory, MunicipalityPageFactory
from network.demo import load as load_network
from voices.demo import load as load_voices

pytestmark = pytest.mark.django_db

# One municipality of the demo is left out: the demo skips it without a word.
MISSING = "Súdwest-Fryslân"


@pytest.fixture
def demo_world(index_page, home_page, official):
    """What the apps loaded before commitments provide, on a small scale: accounts,
    organisations and voices, the agenda, and the demo's municipalities (not all 342)."""
    load_network(scale=1, stdout=io.StringIO())
    pages = {
        row["title"]: MunicipalityPageFactory(
            parent=index_page, title=row["title"], slug=slugify(row["title"])
        )
        for row in demo.MUNICIPALITIES
        if row["title"] != MISSING
    }
    load_voices(scale=1, stdout=io.StringIO())
    home_page.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    MunicipalityMembershipFactory(user=official, municipality=pages["Utrecht"])
    return pages


def _counts() -> dict[str, int]:
    models = [
        Priority,
        Commitment,
        StatusChange,
        Endorsement,
        Election,
        Party,
        PartyAnswer,
        Follow,
        EventPage,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_has_priorities_commitments_and_an_election_and_loads_once(demo_world, official):
    out = io.StringIO()
    demo.load(scale=1, stdout=out)
    first = _counts()
    demo.load(scale=1, stdout=io.StringIO())
    assert _counts() == first
    assert "commitments in 13 municipalities" in out.getvalue()

    # At least twelve municipalities, each with 2-5 priorities and 2-5 commitments.
    with_priorities = set(Priority.objects.values_list("municipality__title", flat=True))
    with_commitments = set(Commitment.objects.values_list("municipality__title", flat=True))
    assert len(with_priorities) >= 12 and with_priorities == with_commitments
    assert MISSING not in with_priorities
    for page in demo_world.values():
        assert 2 <= page.priorities.count() <= 5
        assert 2 <= page.commitments.count() <= 5
    assert not Priority.objects.filter(is_demo_data=False).exists()
    assert not Commitment.objects.filter(is_demo_data=False).exists()
    assert not StatusChange.objects.filter(is_demo_data=False).exists()

    # Plain text, with its sources, themes, life domains, voices and supporters.
    texts = " ".join(Priority.objects.values_list("explanation", flat=True)).lower()
    assert "lorem" not in texts and " u " in texts
    assert {"experts", "organisation", "dialogue"} <= set(
        Priority.objects.values_list("source", flat=True)
    )
    for priority in Priority.objects.filter(source=Priority.Source.DIALOGUE):
        assert priority.dialogue.kind == EventKind.DIALOGUE
        assert priority.dialogue.start < timezone.now()
        assert priority.dialogue.municipalities.filter(pk=priority.municipality_id).exists()
    assert not Priority.objects.filter(
        source=Priority.Source.ORGANISATION, organisation__isnull=True
    ).exists()
    assert (
        Priority.objects.filter(themes__isnull=False).distinct().count() == Priority.objects.count()
    )
    assert Priority.objects.filter(life_domains__isnull=False).exists()
    assert Priority.objects.filter(voices__isnull=False).exists()
    for priority in Priority.objects.all():
        assert priority.endorsement_count == priority.endorsements.count() >= 2

    # Histories with kept, partly kept and broken promises, and some that stalled.
    statuses = set(Commitment.objects.values_list("status", flat=True))
    assert {
        CommitmentStatus.REALISED,
        CommitmentStatus.PARTLY_REALISED,
        CommitmentStatus.NOT_REALISED,
        CommitmentStatus.IN_PROGRESS,
    } <= statuses
    assert services.stale_commitments().exists()
    assert services.stale_commitments().count() < Commitment.objects.count() // 2
    today = timezone.localdate()
    for commitment in Commitment.objects.prefetch_related("history"):
        history = sorted(commitment.history.all(), key=lambda change: (change.date, change.pk))
        assert history[0].status == CommitmentStatus.PROMISED
        assert history[0].date == commitment.promised_on <= today
        assert all(commitment.promised_on <= change.date <= today for change in history)
        assert (commitment.status, commitment.status_date) == (history[-1].status, history[-1].date)
        commitment.full_clean()
    assert {"2022-2026", "2026-2030"} == set(Commitment.objects.values_list("term", flat=True))
    assert (
        Commitment.objects.filter(made_by=Commitment.MadeBy.PARTY).exclude(party_name="").exists()
    )
    # The municipality's own official records where there is one; the team elsewhere.
    utrecht = demo_world["Utrecht"]
    assert set(utrecht.commitments.values_list("created_by", flat=True)) == {official.pk}
    assert not Commitment.objects.filter(created_by__isnull=True).exists()

    # The 2026 election: parties in exactly three municipalities, each answering every priority.
    election = Election.objects.get(year=2026)
    assert election.date.isoformat() == "2026-03-18" and election.introduction
    parties = Party.objects.filter(election=election)
    assert parties.values("municipality").distinct().count() == 3
    for party in parties:
        assert party.is_demo_data
        assert party.answers.count() == party.municipality.priorities.count()
    positions = set(PartyAnswer.objects.values_list("position", flat=True))
    assert positions == {Position.AGREE, Position.PARTLY, Position.DISAGREE, Position.NO_ANSWER}
    assert (
        not PartyAnswer.objects.exclude(position=Position.NO_ANSWER).filter(explanation="").exists()
    )
    assert Follow.objects.exists()
