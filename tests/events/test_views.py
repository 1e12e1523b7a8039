"""The agenda, an event page, the registration form, the email links and the organiser view."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from events.factories import EventSpeakerFactory, RegistrationFactory
from events.models import EventFormat, EventScope, Registration
from network.factories import UserFactory
from taxonomy.models import Theme
from tests.utils import get_html

pytestmark = pytest.mark.django_db
Status = Registration.Status


# -- agenda -------------------------------------------------------------------------------


def test_agenda_lists_upcoming_events_in_order_and_not_past_ones(client, make_event):
    later = make_event(days=20, title="Later bijeenkomst")
    sooner = make_event(days=5, title="Eerdere bijeenkomst")
    make_event(days=-5, title="Voorbije bijeenkomst")
    response = client.get("/agenda/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(sooner.title) < html.index(later.title)
    assert "Voorbije bijeenkomst" not in html


def test_agenda_filters(client, make_event):
    make_event(title="Landelijk online", format=EventFormat.ONLINE, online_link="https://x.example")
    make_event(title="Regio Utrecht", scope=EventScope.REGIONAL, province="PV26")
    make_event(title="Regio Limburg", scope=EventScope.REGIONAL, province="PV31")
    html = get_html(client, "/agenda/?scope=regional&province=PV26")
    assert "Regio Utrecht" in html
    assert "Regio Limburg" not in html and "Landelijk online" not in html
    html = get_html(client, "/agenda/?format=online")
    assert "Landelijk online" in html and "Regio Utrecht" not in html


def test_agenda_theme_filter(client, make_event):
    theme, _created = Theme.objects.get_or_create(
        article=9, defaults={"name": "Toegankelijkheid", "slug": "toegankelijkheid"}
    )
    tagged = make_event(title="Over toegankelijkheid")
    tagged.themes.add(theme)
    tagged.save()
    make_event(title="Over iets anders")
    html = get_html(client, f"/agenda/?theme={theme.slug}")
    assert "Over toegankelijkheid" in html and "Over iets anders" not in html


@pytest.mark.parametrize(
    "query",
    ["?scope=planet", "?province=PV99", "?format=hologram", "?theme=bestaat-niet", "?page=abc"],
)
def test_agenda_bad_filters_answer_400_with_a_message(client, agenda, query):
    response = client.get("/agenda/" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "message--error" in html


def test_agenda_bad_filter_keeps_the_input_in_english_too(client, agenda):
    response = client.get("/en/agenda/?scope=planet&format=online")
    assert response.status_code == 400
    assert 'value="online" selected' in response.content.decode()
    assert "Choose one of the options" in response.content.decode()


def test_month_view_is_a_table_with_events_in_their_day_cells(client, make_event):
    start = timezone.localtime(timezone.now() + timedelta(days=40)).replace(
        day=10, hour=10, minute=0, second=0, microsecond=0
    )
    event = make_event(start=start, end=start + timedelta(days=1, hours=2), title="Tweedaagse")
    month = f"{start:%Y-%m}"
    response = client.get(f"/agenda/maand/?month={month}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and 'scope="col"' in html
    assert html.count(f'href="{event.url}"') == 2  # both days of a two-day event
    previous = (start.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert f"month={previous}" in html


@pytest.mark.parametrize("month", ["2026-13", "abcd", "2026-1", "0000-01"])
def test_month_view_bad_month_answers_400(client, agenda, month):
    response = client.get(f"/agenda/maand/?month={month}")
    assert response.status_code == 400
    assert 'value="' + month + '"' in response.content.decode()


def test_past_events_show_their_report(client, make_event):
    make_event(days=-10, title="Terugblik", report_summary="Tien voorbeelden gedeeld.")
    make_event(days=10, title="Nog te komen")
    html = get_html(client, "/agenda/archief/")
    assert "Terugblik" in html and "Tien voorbeelden gedeeld." in html
    assert "Nog te komen" not in html


def test_agenda_queries_with_2000_events(client, agenda, django_assert_max_num_queries):
    from events.factories import event_pages_bulk_create
    from events.models import EventPage

    now = timezone.now()
    events = [
        EventPage(
            title=f"Bijeenkomst {n}",
            slug=f"bijeenkomst-{n}",
            start=now + timedelta(days=n % 300 - 100, hours=1),
            end=now + timedelta(days=n % 300 - 100, hours=3),
            venue_name="Stadhuis",
            capacity=10,
            body=[],
            report=[],
        )
        for n in range(2000)
    ]
    event_pages_bulk_create(parent=agenda, events=events)
    RegistrationFactory.create_batch(3, event=events[150])
    client.get("/agenda/")  # warm the site root paths cache, as a running site has
    with django_assert_max_num_queries(12):
        response = client.get("/agenda/")
    assert response.status_code == 200
    assert response.content.decode().count('class="event-card"') == 20
    with django_assert_max_num_queries(12):
        assert client.get("/agenda/maand/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/agenda/archief/?page=3").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(events[150].url).status_code == 200


# -- an event page ------------------------------------------------------------------------


def test_event_page_shows_provisions_speakers_and_status(
    client, event, django_assert_max_num_queries
):
    EventSpeakerFactory(page=event, name="Fatima", is_expert_by_experience=True)
    client.get(event.url)
    with django_assert_max_num_queries(12):
        response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fatima" in html and "ervaringsdeskundige" in html
    assert "Rolstoeltoegankelijke" in html  # provision text, not just an icon
    # The icon is an inline SVG hidden from screen readers, not an emoji that needs a font.
    assert '<svg class="event-provisions__icon" aria-hidden="true" focusable="false"' in html
    assert "♿" not in html
    assert "Inschrijven is open." in html


def test_online_link_only_for_confirmed_participants_and_organisers(
    client, make_event, member, organiser, expert
):
    event = make_event(
        format=EventFormat.ONLINE,
        online_link="https://meet.example.org/geheim",
        organiser=organiser,
    )
    RegistrationFactory(event=event, email=member.email, user=member)
    RegistrationFactory(event=event, email=expert.email, user=expert, status=Status.WAITLISTED)
    assert "meet.example.org/geheim" not in get_html(client, event.url)
    client.force_login(expert)
    assert "meet.example.org/geheim" not in get_html(client, event.url)
    client.force_login(member)
    assert "meet.example.org/geheim" in get_html(client, event.url)
    client.force_login(organiser)
    assert "meet.example.org/geheim" in get_html(client, event.url)


def test_past_event_says_so_and_offers_no_registration(client, make_event):
    event = make_event(days=-3, report_summary="Opbrengst: een actielijst.")
    html = get_html(client, event.url)
    assert "Deze bijeenkomst heeft plaatsgevonden." in html
    assert "Opbrengst: een actielijst." in html
    assert event.url + "aanmelden/" not in html
    response = client.post(event.url + "aanmelden/", {"name": "A", "email": "a@example.org"})
    assert response.status_code == 400


def test_event_that_asks_for_experts_says_what_and_links_the_registration(client, make_event):
    asking = make_event(experts_wanted="We zoeken twee ervaringsdeskundigen\nvoor het panel.")
    plain = make_event(days=31)
    html = get_html(client, asking.url)
    assert '<h2 id="experts-wanted-title">Ervaringsdeskundigen gevraagd</h2>' in html
    assert "We zoeken twee ervaringsdeskundigen<br>voor het panel." in html
    assert f'href="{asking.url}aanmelden/">Schrijf u in als ervaringsdeskundige' in html
    assert "experts-wanted-title" not in get_html(client, plain.url)
    agenda_html = get_html(client, asking.get_parent().url)
    assert agenda_html.count("Ervaringsdeskundigen gevraagd") == 1


# -- registration -------------------------------------------------------------------------


def form_data(**kwargs):
    data = {"name": "Sam Sample", "email": "sam@example.org", "role": "expert"}
    data.update(kwargs)
    return data


def test_register_without_account(client, event, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "aanmelden/", form_data())
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.status == Status.PENDING and registration.user is None
    assert len(mailoutbox) == 1


def test_register_form_errors_keep_input_and_answer_400(client, event):
    response = client.post(
        event.url + "aanmelden/",
        form_data(email="geen-email", organisation="Gemeente Zwolle", needs=["ngt"]),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert 'value="Gemeente Zwolle"' in html
    assert 'value="ngt" id="id_needs_1" checked' in html or 'value="ngt"' in html
    assert not Registration.objects.exists()


def test_needs_without_consent_is_a_form_error_and_keeps_the_needs(client, event):
    response = client.post(
        event.url + "aanmelden/", form_data(needs=["ngt"], needs_other="Graag vooraan")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "id_needs_consent_error" in html
    assert "Graag vooraan" in html
    assert 'value="ngt"' in html and "checked" in html
    assert not Registration.objects.exists()


def test_duplicate_email_gets_a_clear_message(client, event):
    RegistrationFactory(event=event, email="sam@example.org")
    response = client.post(event.url + "aanmelden/", form_data(email="SAM@example.org"))
    assert response.status_code == 400
    assert "al aangemeld" in response.content.decode()
    assert event.registrations.count() == 1


def test_full_event_offers_the_waitlist(client, event, member):
    RegistrationFactory.create_batch(5, event=event)
    html = get_html(client, event.url + "aanmelden/")
    assert "wachtlijst" in html
    client.force_login(member)
    client.post(event.url + "aanmelden/", form_data(email=member.email))
    assert event.registrations.get(email=member.email).status == Status.WAITLISTED


def test_closed_registration_says_so(client, make_event):
    event = make_event(registration_closes_at=timezone.now() - timedelta(hours=1))
    response = client.get(event.url + "aanmelden/")
    assertContains(response, "Inschrijven is gesloten.")
    assertNotContains(response, '<form method="post"')


def test_logged_in_member_gets_prefilled_form_and_is_confirmed(client, event, member):
    client.force_login(member)
    html = get_html(client, event.url + "aanmelden/")
    assert f'value="{member.email}"' in html
    client.post(event.url + "aanmelden/", form_data(email=member.email))
    assert event.registrations.get().status == Status.CONFIRMED
    assert "Annuleer mijn inschrijving" in get_html(client, event.url)


# -- links from the email -----------------------------------------------------------------


def test_confirm_link_needs_a_post(client, event):
    registration = RegistrationFactory(event=event, status=Status.PENDING)
    url = f"/agenda/aanmelding/{registration.token}/bevestigen/"
    assert client.get(url).status_code == 200
    assert Registration.objects.get(pk=registration.pk).status == Status.PENDING
    assert client.post(url).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_cancel_link_works_without_logging_in(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    seats = RegistrationFactory.create_batch(5, event=event)
    waiting = RegistrationFactory(
        event=event, status=Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    url = f"/agenda/aanmelding/{seats[0].token}/annuleren/"
    assert client.get(url).status_code == 200
    assert Registration.objects.get(pk=seats[0].pk).status == Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert Registration.objects.get(pk=seats[0].pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert mailoutbox[-1].to == [waiting.email]


@pytest.mark.parametrize("token", ["x" * 43, "short", "a" * 80])
def test_unknown_token_is_404(client, agenda, token):
    assert client.get(f"/agenda/aanmelding/{token}/annuleren/").status_code == 404
    assert client.post(f"/agenda/aanmelding/{token}/bevestigen/").status_code == 404


# -- organisers ---------------------------------------------------------------------------

SECRET_NEED = "Ik heb een tolk nodig voor mijn zoon"


@pytest.fixture
def event_with_needs(make_event, organiser):
    event = make_event(organiser=organiser, capacity=10)
    RegistrationFactory(
        event=event,
        role="expert",
        needs=["ngt", "quiet_room"],
        needs_other=SECRET_NEED,
        needs_consent=True,
    )
    RegistrationFactory(event=event, role="official", needs=["ngt"], needs_consent=True)
    RegistrationFactory(event=event, role="official", status=Status.WAITLISTED)
    return event


def test_anonymous_is_sent_to_login(client, event_with_needs):
    response = client.get(event_with_needs.url + "deelnemers/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.get(event_with_needs.url + "deelnemers/csv/")
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["member", "expert", "official", "moderator", "other_organiser"])
def test_non_organisers_get_403_and_never_see_needs(client, event_with_needs, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    for path in ("deelnemers/", "deelnemers/csv/"):
        response = client.get(event_with_needs.url + path)
        assert response.status_code == 403
        assert SECRET_NEED not in response.content.decode()
    for path in ("", "aanmelden/"):
        assert SECRET_NEED not in get_html(client, event_with_needs.url + path)


def test_needs_are_never_on_public_pages(client, event_with_needs):
    for url in (
        event_with_needs.url,
        event_with_needs.url + "aanmelden/",
        "/agenda/",
        "/agenda/feed.ics",
    ):
        assert SECRET_NEED not in get_html(client, url)


@pytest.mark.parametrize("role", ["organiser", "team_member"])
def test_organisers_see_counts_and_needs_summary(client, event_with_needs, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(event_with_needs.url + "deelnemers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 × NGT-tolk, 1 × prikkelarme ruimte" in html
    assert SECRET_NEED in html
    assert "<caption" in html


def test_csv_export(client, event_with_needs, team_member):
    RegistrationFactory(event=event_with_needs, name="=HYPERLINK(1)", email="x@example.org")
    client.force_login(team_member)
    response = client.get(event_with_needs.url + "deelnemers/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 4
    assert any(SECRET_NEED in cell for row in rows for cell in row)
    assert [row[0] for row in rows if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]


def test_organiser_view_queries_do_not_grow_with_registrations(
    client, event_with_needs, team_member
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(team_member)
    client.get(event_with_needs.url + "deelnemers/")
    with CaptureQueriesContext(connection) as few:
        client.get(event_with_needs.url + "deelnemers/")
    RegistrationFactory.create_batch(30, event=event_with_needs, needs=["ngt"], needs_consent=True)
    with CaptureQueriesContext(connection) as many:
        response = client.get(event_with_needs.url + "deelnemers/")
    assertContains(response, "32 × NGT-tolk")
    assert len(many) == len(few)


def test_privacy_export_lists_registrations_by_user_and_email(event, member):
    from network.privacy import export_user_data

    RegistrationFactory(event=event, email=member.email.upper(), needs=["ngt"], needs_consent=True)
    other = UserFactory(email="someone-else@example.org")
    RegistrationFactory(event=event, email="unrelated@example.org", user=other)
    data = export_user_data(member)["events"]
    assert len(data) == 1
    assert data[0]["event"] == event.title and data[0]["accessibility_needs"] == ["ngt"]
