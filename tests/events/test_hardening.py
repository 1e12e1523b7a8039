"""Rate limits on the agenda's writes that send email, and the audit of accessibility needs."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from pytest_django.asserts import assertContains

from events.factories import RegistrationFactory
from events.models import Registration
from network.models import SensitiveDataAccess

LIMITS = {"event_register": "100/h/ip,2/h/key", "event_registration_link": "2/h/ip"}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def form_data(**kwargs):
    return {"name": "Sam Sample", "email": "sam@example.org", "role": "expert", **kwargs}


@override_settings(RATE_LIMITS=LIMITS)
def test_registering_too_often_for_one_address_answers_429_and_keeps_the_form(client, make_event):
    events = [make_event(capacity=10) for _ in range(3)]
    for event in events[:2]:
        assert client.post(event.url + "aanmelden/", form_data()).status_code == 302
    response = client.post(events[2].url + "aanmelden/", form_data(organisation="Gemeente Ede"))
    assertContains(response, "Probeer het over ongeveer", status_code=429)
    assertContains(response, 'value="Gemeente Ede"', status_code=429)
    assert int(response["Retry-After"]) > 0
    assert Registration.objects.count() == 2
    # another address from the same IP is still welcome
    other = client.post(events[2].url + "aanmelden/", form_data(email="kim@example.org"))
    assert other.status_code == 302


@override_settings(RATE_LIMITS=LIMITS)
def test_cancel_links_are_rate_limited_per_ip_with_a_page_that_says_when(client, event):
    tokens = [RegistrationFactory(event=event).token for _ in range(3)]
    for token in tokens[:2]:
        assert client.post(f"/agenda/aanmelding/{token}/annuleren/").status_code == 302
    response = client.post(f"/agenda/aanmelding/{tokens[2]}/annuleren/")
    assertContains(response, "<h1>Te veel pogingen</h1>", status_code=429)
    assertContains(response, "om ", status_code=429)
    assert Registration.objects.get(token=tokens[2]).status != Registration.Status.CANCELLED


def test_participants_page_and_csv_are_audited(client, make_event, team_member):
    event = make_event(capacity=10)
    RegistrationFactory(event=event, needs=["ngt"], needs_consent=True)
    RegistrationFactory(event=event)
    client.force_login(team_member)
    assert client.get(event.url + "deelnemers/").status_code == 200
    assert client.get(event.url + "deelnemers/csv/").status_code == 200
    rows = list(SensitiveDataAccess.objects.order_by("pk"))
    assert [r.action for r in rows] == ["participants_page", "participants_csv"]
    assert {r.user_email for r in rows} == {team_member.email}
    assert all(r.record_count == 1 and event.title in r.subject for r in rows)


def test_refused_look_at_participants_is_not_audited_as_access(client, make_event, member):
    event = make_event(capacity=10)
    client.force_login(member)
    assert client.get(event.url + "deelnemers/").status_code == 403
    assert not SensitiveDataAccess.objects.exists()


def test_audit_trail_is_read_only_and_for_superusers_only(client, superuser, team_member):
    SensitiveDataAccess.objects.create(
        user_email="team@example.org", action="participants_csv", subject="Dag (1)"
    )
    client.force_login(team_member)
    assert client.get("/admin/sensitive_data_access/").status_code in (302, 403)
    client.force_login(superuser)
    response = client.get("/admin/sensitive_data_access/")
    assertContains(response, "participants_csv")
    assert client.get("/admin/sensitive_data_access/new/").status_code in (302, 403, 404)


def test_participant_list_marks_experts_the_team_granted(client, make_event, team_member, expert):
    event = make_event(capacity=10)
    RegistrationFactory(event=event, user=expert, name="Eva Ervaring", email=expert.email)
    # Choosing the role when registering is not the badge: only the team grants that.
    RegistrationFactory(event=event, name="Zelf gekozen", role=Registration.Role.EXPERT)
    client.force_login(team_member)
    response = client.get(event.url + "deelnemers/")
    assertContains(response, "Eva Ervaring")
    html = response.content.decode()

    def name_cell(name: str) -> str:
        return html[html.index(f'<th scope="row">{name}') :].split("</th>")[0]

    assert "badge--expert" in name_cell("Eva Ervaring")
    assert "badge--expert" not in name_cell("Zelf gekozen")
