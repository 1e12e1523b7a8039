"""The shared helpers in network: pagination, local time, verified email, breadcrumbs, 403, serving."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from network.accounts import has_verified_email
from network.dates import local_datetime, local_datetime_text
from network.factories import StandardPageFactory, UserFactory
from network.pagination import page_number_is_valid, paginate
from network.serving import serve_page
from network.views import forbidden, permission_denied

ITEMS = list(range(45))  # three pages of 20


@pytest.mark.parametrize(
    "raw,expected",
    [
        (None, 1),
        ("2", 2),
        ("abc", 1),  # not a number: the first page
        ("", 1),
        ("99", 3),  # past the end: the last page
        ("0", 3),
    ],
)
def test_paginate_follows_one_rule(raw, expected):
    params = {} if raw is None else {"page": raw}
    page = paginate(RequestFactory().get("/", params), ITEMS, 20)
    assert page.number == expected
    assert list(page.object_list) == ITEMS[(expected - 1) * 20 : expected * 20]


def test_paginate_passes_options_to_the_paginator_class():
    class Counted(Paginator):
        def __init__(self, *args, known: int, **kwargs):
            super().__init__(*args, **kwargs)
            self.known = known

    page = paginate(RequestFactory().get("/"), ITEMS, 20, paginator_class=Counted, known=7)
    assert page.paginator.known == 7


@pytest.mark.parametrize("raw,valid", [(None, True), ("3", True), ("abc", False), ("", False)])
def test_page_number_is_valid(raw, valid):
    params = {} if raw is None else {"page": raw}
    assert page_number_is_valid(RequestFactory().get("/", params)) is valid


def test_local_time_is_amsterdam_in_winter_and_summer():
    assert local_datetime_text(datetime(2026, 12, 1, 13, 30, tzinfo=UTC)) == "01-12-2026 14:30"
    assert local_datetime_text(datetime(2026, 7, 1, 13, 30, tzinfo=UTC)) == "01-07-2026 15:30"
    assert local_datetime(datetime(2026, 7, 1, 13, 30, tzinfo=UTC)).hour == 15


def test_local_datetime_filter():
    template = Template(
        "{% load network_tags %}[{{ moment|local_datetime }}][{{ nothing|local_datetime }}]"
    )
    html = template.render(Context({"moment": datetime(2026, 12, 1, 23, 5, tzinfo=UTC)}))
    assert html == "[02-12-2026 00:05][]"


@pytest.mark.django_db
def test_has_verified_email():
    confirmed = UserFactory(email="ja@example.org")
    unconfirmed = UserFactory(email="nee@example.org", verified=False)
    assert has_verified_email(confirmed)
    assert has_verified_email(confirmed, "JA@example.org")
    assert not has_verified_email(confirmed, "ander@example.org")
    assert not has_verified_email(unconfirmed)
    assert not has_verified_email(AnonymousUser())
    assert not has_verified_email(None)


def _breadcrumbs(source: str, **context) -> str:
    request = RequestFactory().get("/hier/")
    template = Template("{% load network_tags %}" + source)
    return template.render(Context({"request": request, **context}))


def test_breadcrumbs_from_a_known_trail_mark_the_last_crumb_current():
    html = _breadcrumbs('{% breadcrumbs "Forum" "/forum/" "" "" "Zoeken" "" %}')
    assert html.count("<li>") == 3  # Home, Forum, Zoeken; the pair without label is left out
    assert '<a href="/">Home</a>' in html
    assert '<a href="/forum/">Forum</a>' in html
    assert '<span aria-current="page">Zoeken</span>' in html


def test_breadcrumbs_of_a_page_follow_its_ancestors(home_page):
    parent = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    child = StandardPageFactory(parent=parent, title="Team", slug="team")
    html = _breadcrumbs("{% breadcrumbs page=page %}", page=child)
    assert '<a href="/">Home</a>' in html
    assert '<a href="/over-ons/">Over ons</a>' in html
    assert '<a href="/over-ons/team/" aria-current="page">Team</a>' in html
    assert _breadcrumbs("{% breadcrumbs page=page %}", page=home_page).strip() == ""


@pytest.mark.django_db
def test_403_page_says_why_and_what_next():
    request = RequestFactory().get("/nl/forum/")
    request.user = AnonymousUser()
    response = forbidden(
        request, reason="Dit onderwerp is gesloten.", next_url="/forum/", next_label="Terug"
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>" in html and 'role="alert">Dit onderwerp is gesloten.</p>' in html
    assert '<a href="/forum/">Terug</a>' in html
    assert 'id="main-content"' in html  # in the site's layout
    conflict = forbidden(request, reason="Al gedaan.", status=409)
    assert conflict.status_code == 409
    assert f'href="{reverse("wagtail_serve", args=[""])}"' in conflict.content.decode()


@pytest.mark.django_db
def test_a_raised_permission_denied_shows_its_reason_on_the_403_page():
    request = RequestFactory().get("/nl/matchcentrum/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied("Alleen voor het projectteam."))
    assert response.status_code == 403
    assert "Alleen voor het projectteam." in response.content.decode()
    fallback = permission_denied(request, PermissionDenied())
    assert fallback.status_code == 403 and 'role="alert"' in fallback.content.decode()


def test_serve_page_runs_wagtails_serve_hooks(home_page):
    page = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    request = RequestFactory().get("/intern/")
    request.user = AnonymousUser()
    response = serve_page(request, page)
    assert response.status_code == 302 and "next=/intern/" in response["Location"]
    with pytest.raises(Http404):
        serve_page(request, None)
