"""Inclusion internships: list, offers, applications, mediation, privacy and erasure."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from internships import demo, services
from internships.factories import ApplicationFactory, InternshipOfferFactory
from internships.models import Application, ApplicationStatus, InternshipOffer
from municipalities.models import MunicipalityPage
from municipalities.registry import profile_sections
from municipalities.services import membership_add
from network.factories import UserFactory
from network.registry import inbox

pytestmark = pytest.mark.django_db

LIST = reverse("internships:list")


def offer_data(municipality, **overrides):
    data = {
        "municipality": municipality.pk,
        "kind": "internship",
        "title": "Stage inclusie",
        "department": "Sociaal domein",
        "start": "2027-03-01",
        "end": "2027-06-30",
        "hours_per_week": "16",
        "location": "Stadhuis",
        "tasks": "U helpt bij het toegankelijk maken van brieven.",
        "accommodations": ["step_free", "quiet_room"],
        "places": "1",
        "is_open": "on",
    }
    data.update(overrides)
    return data


# The list -----------------------------------------------------------------------------------


def test_list_shows_open_offers_only(client, utrecht):
    InternshipOfferFactory(municipality=utrecht, title="Open stage")
    InternshipOfferFactory(municipality=utrecht, title="Gesloten stage", is_open=False)
    InternshipOfferFactory(
        municipality=utrecht,
        title="Voorbije stage",
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 2, 1),
    )
    response = client.get(LIST)
    assertContains(response, "Open stage")
    assertNotContains(response, "Gesloten stage")
    assertNotContains(response, "Voorbije stage")


def test_list_filters_by_province_and_municipality(client, utrecht, zwolle):
    InternshipOfferFactory(municipality=utrecht, title="Stage in Utrecht")
    InternshipOfferFactory(municipality=zwolle, title="Stage in Zwolle")
    response = client.get(LIST, {"province": "Overijssel"})
    assertContains(response, "Stage in Zwolle")
    assertNotContains(response, "Stage in Utrecht")
    response = client.get(LIST, {"municipality": utrecht.pk})
    assertContains(response, "Stage in Utrecht")
    assertNotContains(response, "Stage in Zwolle")


def test_list_bad_filter_answers_400_not_500(client, utrecht):
    response = client.get(LIST, {"municipality": "niet-een-getal", "province": "Atlantis"})
    assert response.status_code == 400
    assertContains(response, "aria-describedby", status_code=400)


def test_list_paginates_with_a_fixed_number_of_queries(
    client, utrecht, zwolle, django_assert_max_num_queries
):
    for i in range(30):
        InternshipOfferFactory(municipality=utrecht if i % 2 else zwolle)
    client.get(LIST)  # the first page view of a site creates its settings row
    with django_assert_max_num_queries(12):
        response = client.get(LIST, {"page": "2"})
    assertContains(response, "30 open stages")
    with django_assert_max_num_queries(12):
        client.get(LIST, {"province": "Utrecht"})


# Offering -----------------------------------------------------------------------------------


def test_official_offers_for_own_municipality(client, utrecht_official, utrecht):
    client.force_login(utrecht_official)
    response = client.post(reverse("internships:create"), offer_data(utrecht))
    offer = InternshipOffer.objects.get()
    assert response.status_code == 302
    assert offer.created_by == utrecht_official
    assert offer.accommodations == ["step_free", "quiet_room"]


def test_official_cannot_offer_for_another_municipality(client, utrecht_official, zwolle):
    client.force_login(utrecht_official)
    response = client.post(reverse("internships:create"), offer_data(zwolle, title="Niet van mij"))
    assert response.status_code == 400
    assertContains(response, "Niet van mij", status_code=400)
    assert not InternshipOffer.objects.exists()


def test_team_offers_for_any_municipality(client, team_member, zwolle):
    client.force_login(team_member)
    response = client.post(reverse("internships:create"), offer_data(zwolle))
    assert response.status_code == 302
    assert InternshipOffer.objects.get().municipality == zwolle


@pytest.mark.parametrize("who", ["member", "expert", "official", "moderator"])
def test_others_may_not_offer(client, request, who, utrecht):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:create")).status_code == 403
    assert client.post(reverse("internships:create"), offer_data(utrecht)).status_code == 403
    assert not InternshipOffer.objects.exists()


def test_visitor_is_sent_to_log_in_to_offer(client):
    response = client.get(reverse("internships:create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_end_before_start_is_refused_and_form_kept(client, team_member, utrecht):
    client.force_login(team_member)
    response = client.post(
        reverse("internships:create"),
        offer_data(utrecht, title="Bewaarde titel", start="2027-06-01", end="2027-05-01"),
    )
    assertContains(response, "Bewaarde titel", status_code=400)
    assertContains(response, "De laatste dag kan niet voor de eerste dag liggen", status_code=400)
    assert not InternshipOffer.objects.exists()


def test_edit_only_by_own_officials_and_team(
    client, offer, utrecht_official, team_member, make_municipality
):
    url = reverse("internships:edit", args=[offer.pk])
    other = UserFactory(email="ander@example.org", roles=["municipal_official"])
    membership_add(user=other, municipality=make_municipality("Elders"), job_title="")
    client.force_login(other)
    assert client.post(url, offer_data(offer.municipality, title="Gekaapt")).status_code == 403
    client.force_login(utrecht_official)
    assert client.post(url, offer_data(offer.municipality, title="Nieuw")).status_code == 302
    client.force_login(team_member)
    assert client.post(url, offer_data(offer.municipality, title="Team")).status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Team"


# Applying -----------------------------------------------------------------------------------


def test_person_applies_with_accommodations_and_gets_email(
    client, member, offer, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("internships:apply", args=[offer.pk]),
            {
                "motivation": "Ik wil graag meedoen.",
                "needs": ["ngt_interpreter", "quiet_room"],
                "needs_other": "",
                "needs_consent": "on",
            },
        )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.needs == ["ngt_interpreter", "quiet_room"]
    assert application.status == ApplicationStatus.RECEIVED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert f"/inclusiestage/{offer.pk}/" in mail.outbox[0].body


def test_accommodations_without_consent_are_refused_and_kept(client, member, offer):
    client.force_login(member)
    response = client.post(
        reverse("internships:apply", args=[offer.pk]),
        {"motivation": "Mijn bewaarde motivatie", "needs": ["job_coach"]},
    )
    assertContains(response, "Mijn bewaarde motivatie", status_code=400)
    assertContains(response, "vink dit vakje aan", status_code=400)
    assert not Application.objects.exists()


def test_apply_needs_login(client, offer):
    response = client.get(reverse("internships:apply", args=[offer.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_apply_twice_and_closed_offer_answer_400(client, member, offer):
    client.force_login(member)
    url = reverse("internships:apply", args=[offer.pk])
    assert client.post(url, {"motivation": "Eerste"}).status_code == 302
    response = client.post(url, {"motivation": "Tweede keer"})
    assertContains(response, "al aangemeld", status_code=400)
    offer.is_open = False
    offer.save()
    other = UserFactory(email="nog-een@example.org")
    client.force_login(other)
    assertContains(client.post(url, {"motivation": "Te laat"}), "gesloten", status_code=400)


def test_apply_rate_limit_answers_429(client, member, utrecht, settings):
    settings.INTERNSHIPS_APPLICATIONS_PER_HOUR = 2
    offers = [InternshipOfferFactory(municipality=utrecht) for _ in range(3)]
    client.force_login(member)
    for offer in offers[:2]:
        client.post(reverse("internships:apply", args=[offer.pk]), {"motivation": "Graag"})
    response = client.post(
        reverse("internships:apply", args=[offers[2].pk]), {"motivation": "Nog eentje"}
    )
    assertContains(response, "Nog eentje", status_code=429)
    assert Application.objects.count() == 2


# Privacy of accommodations ------------------------------------------------------------------


def test_accommodations_visible_to_own_officials_and_team(
    client, application, utrecht_official, team_member
):
    url = reverse("internships:detail", args=[application.offer_id])
    for user in (utrecht_official, team_member):
        client.force_login(user)
        assertContains(client.get(url), "Een vaste begeleider")


@pytest.mark.parametrize("who", ["member", "official", "moderator", None])
def test_accommodations_hidden_from_others(client, request, who, application):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("internships:detail", args=[application.offer_id]))
    assertContains(response, application.offer.title)
    assertNotContains(response, "Een vaste begeleider")
    assertNotContains(response, "Job coach</td>")


# Mediation ----------------------------------------------------------------------------------


def test_team_moves_application_on_and_offer_closes_when_filled(
    client, team_member, application, django_capture_on_commit_callbacks
):
    client.force_login(team_member)
    url = reverse("internships:transition", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"status": "in_conversation"}).status_code == 302
        assert client.post(url, {"status": "placed"}).status_code == 302
    application.refresh_from_db()
    application.offer.refresh_from_db()
    assert application.status == ApplicationStatus.PLACED
    assert application.offer.is_open is False
    assert len(mail.outbox) == 2
    assert "http://" in mail.outbox[-1].body


def test_impossible_transition_answers_400(client, team_member, application):
    client.force_login(team_member)
    url = reverse("internships:transition", args=[application.pk])
    assertContains(client.post(url, {"status": "placed"}), "kan niet", status_code=400)
    assertContains(
        client.post(url, {"status": "nonsense"}), "Kies een status uit de lijst", status_code=400
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED


@pytest.mark.parametrize("who", ["member", "expert", "utrecht_official", "moderator"])
def test_only_team_mediates(client, request, who, application):
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("internships:transition", args=[application.pk]), {"status": "in_conversation"}
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED


def test_offer_with_two_places_stays_open_after_one_placement(team_member, offer, member, expert):
    offer.places = 2
    offer.save()
    first = ApplicationFactory(offer=offer, applicant=member, status="in_conversation")
    ApplicationFactory(offer=offer, applicant=expert)
    services.application_transition(application=first, user=team_member, status="placed")
    offer.refresh_from_db()
    assert offer.is_open is True


# Erasure ------------------------------------------------------------------------------------


def test_needs_erased_n_days_after_the_internship_ends(settings, utrecht, member):
    settings.INTERNSHIPS_NEEDS_RETENTION_DAYS = 30
    offer = InternshipOfferFactory(
        municipality=utrecht, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )
    application = ApplicationFactory(offer=offer, applicant=member, needs_other="Rustige plek")
    day_30 = timezone.make_aware(datetime.datetime(2026, 4, 30, 12))
    day_31 = timezone.make_aware(datetime.datetime(2026, 5, 1, 12))
    assert services.needs_erase(now=day_30) == 0
    application.refresh_from_db()
    assert application.needs == ["job_coach"]
    assert services.needs_erase(now=day_31) == 1
    application.refresh_from_db()
    assert application.needs == [] and application.needs_other == ""
    assert application.needs_consent is False
    assert application.motivation  # the rest of the application stays
    assert services.needs_erase(now=day_31) == 0


def test_erase_command_runs(capsys, utrecht, member):
    offer = InternshipOfferFactory(
        municipality=utrecht, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 2, 1)
    )
    ApplicationFactory(offer=offer, applicant=member)
    call_command("erase_internship_needs")
    assert "Erased the accommodations of 1 applications." in capsys.readouterr().out


# Registries ---------------------------------------------------------------------------------


def test_inbox_shows_new_applications_to_the_team_only(application, team_member, member):
    source = next(s for s in inbox if s.key == "internships")
    assert source.count(team_member) == 1
    assert source.rows(team_member)[0].url == reverse(
        "internships:detail", args=[application.offer_id]
    )
    assert source.count(member) == 0
    assert source.rows(member) == []


def test_municipality_profile_shows_open_offers(client, offer):
    response = client.get(offer.municipality.url)
    assertContains(response, "Stage toegankelijke brieven")
    assert "internships" in [s.key for s in profile_sections]


def test_data_export_contains_applications(client, application):
    client.force_login(application.applicant)
    response = client.get(reverse("profile_export"))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["internships"][0]["internship"] == application.offer.title


def test_demo_loads_idempotently(make_municipality):
    for code in ("GM0363", "GM0344", "GM0518", "GM0034", "GM0014"):
        MunicipalityPage.objects.filter(pk=make_municipality(code).pk).update(cbs_code=code)
    demo.load(scale=1, stdout=StringIO())
    demo.load(scale=1, stdout=StringIO())
    assert InternshipOffer.objects.filter(is_demo_data=True).count() == 6
    states = set(Application.objects.values_list("status", flat=True))
    assert states == set(ApplicationStatus.values)
