"""The page cache for anonymous visitors: what it stores, how it answers, when it forgets."""

import datetime
import gzip

import brotli
import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from municipalities.factories import MunicipalityPageFactory
from municipalities.importer import ensure_index_page
from municipalities.models import LiaStatus, LiaStatusChange, MunicipalityPage
from municipalities.services import lia_status_record
from network import cache as content_cache
from network import page_cache
from network.factories import StandardPageFactory, UserFactory
from network.models import NetworkSettings
from taxonomy.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def get_ok(client: Client, url: str, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


@pytest.fixture(autouse=True)
def site_settings(home_page):
    # A real site has its settings row; without it the first page view creates it (a write).
    NetworkSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(parent=home_page, title="Over het netwerk", slug="over")


@pytest.fixture
def municipality(home_page):
    index = ensure_index_page()
    return MunicipalityPageFactory(parent=index, title="Utrecht", cbs_code="GM0344")


# -- what is stored and how it is answered -------------------------------------------------


def test_an_anonymous_page_is_stored_once_and_then_served_from_the_cache(
    client, standard_page, django_assert_num_queries
):
    first = get_ok(client, standard_page.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):  # the locmem test cache: no query at all
        second = get_ok(client, standard_page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "max-age=60" in second["Cache-Control"]
    assert "stale-while-revalidate=300" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert not second.cookies


def test_a_process_serves_a_page_from_memory_while_the_shared_token_is_current(
    client, standard_page
):
    first = get_ok(client, standard_page.url)
    key = next(reversed(page_cache.LOCAL._entries))
    # The shared copy is gone (evicted, or another process's cache): memory still answers.
    cache.delete(key)
    again = get_ok(client, standard_page.url)
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    # A write anywhere renews the shared token: the copy in memory is stale at once.
    content_cache.content_changed()
    assert get_ok(client, standard_page.url)["X-Page-Cache"] == "miss"


def test_the_memory_layer_drops_the_least_recently_used_beyond_its_size():
    local = page_cache.LocalEntries(max_bytes=4000)
    for name in "abcd":
        local.put(name, {"token": "t", "identity": b"x" * 900})
    assert local.get("a", "t") is not None  # 'a' is now the most recently used
    local.put("e", {"token": "t", "identity": b"x" * 900})
    assert local.get("b", "t") is None and local.get("a", "t") is not None
    assert local.size == 3600
    assert local.get("a", "other-token") is None
    local.put("huge", {"token": "t", "identity": b"x" * 2000})  # over a quarter: not kept
    assert "huge" not in local


def test_a_known_etag_gets_304_without_a_body(client, standard_page):
    etag = get_ok(client, standard_page.url)["ETag"]
    assert etag.startswith('"')
    response = client.get(standard_page.url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    other = client.get(standard_page.url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_pages_are_compressed_with_brotli_or_gzip_as_the_client_accepts(client, standard_page):
    plain = get_ok(client, standard_page.url).content
    br = get_ok(client, standard_page.url, accept_encoding="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    gz = get_ok(client, standard_page.url, accept_encoding="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    assert br["ETag"] != gz["ETag"] != get_ok(client, standard_page.url)["ETag"]
    refused = get_ok(client, standard_page.url, accept_encoding="br;q=0, gzip;q=0")
    assert not refused.has_header("Content-Encoding")


def test_a_miss_is_stored_with_every_encoding_once_the_page_is_sent(caplog):
    body = "<!doctype html><title>Agenda</title>" + "<p>Regiotafel in Zwolle</p>" * 40

    def middleware():
        return page_cache.PageCacheMiddleware(lambda request: HttpResponse(body))

    request = RequestFactory().get("/agenda/", HTTP_ACCEPT_ENCODING="gzip")
    key = page_cache.page_key(request)
    response = middleware()(request)
    assert response["X-Page-Cache"] == "miss" and response["Content-Encoding"] == "gzip"
    assert cache.get(key) is None, "nothing stored before the server has sent the page"
    response.close()  # what the WSGI server does after writing the body
    stored = cache.get(key)
    assert {"identity", "gzip", "br"} <= set(stored)
    assert brotli.decompress(stored["br"]) == stored["identity"]
    assert gzip.decompress(response.content) == stored["identity"]

    # A failing store costs the visitor nothing and leaves a trace in the log.
    cache.delete(key)
    page_cache.LOCAL._entries.pop(key, None)
    failing = middleware()(RequestFactory().get("/agenda/"))
    with caplog.at_level("ERROR"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(page_cache.cache, "set", lambda *args, **kwargs: 1 / 0)
        failing.close()
    assert failing.status_code == 200 and "Storing a page" in caplog.text


def test_the_key_is_language_and_full_url(client, standard_page):
    get_ok(client, standard_page.url)
    assert get_ok(client, standard_page.url + "?a=1")["X-Page-Cache"] == "miss"
    english = get_ok(client, "/en" + standard_page.url)
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="en"' in english.content.decode()


def test_a_response_that_sets_a_cookie_or_carries_a_csrf_token_is_not_stored(client, home_page):
    login = client.get("/accounts/login/")  # excluded path, and a form with a CSRF token
    assert not login.has_header("X-Page-Cache")
    assert "no-store" in login["Cache-Control"]


# -- signed-in visitors --------------------------------------------------------------------


def test_signed_in_visitors_never_get_the_anonymous_cache(client, standard_page):
    anonymous = get_ok(client, standard_page.url)
    assert anonymous["X-Page-Cache"] == "miss"
    alice = UserFactory(email="alice@example.org", display_name="Alice Anders")
    bob = UserFactory(email="bob@example.org", display_name="Bob Bakker")

    alice_client, bob_client = Client(), Client()
    alice_client.force_login(alice)
    bob_client.force_login(bob)
    alice_page = get_ok(alice_client, standard_page.url)
    assert not alice_page.has_header("X-Page-Cache")
    assert "private" in alice_page["Cache-Control"] and "no-store" in alice_page["Cache-Control"]
    assert "Log out" in alice_page.content.decode() or "Uitloggen" in alice_page.content.decode()
    alice_token = alice_page.context["csrf_token"]

    bob_page = get_ok(bob_client, standard_page.url)
    assert not bob_page.has_header("X-Page-Cache")
    assert str(bob_page.context["csrf_token"]) != str(alice_token)
    assert str(alice_token) not in bob_page.content.decode()

    # Their profiles (names) are theirs alone.
    alice_profile = get_ok(alice_client, "/profiel/").content.decode()
    bob_profile = get_ok(bob_client, "/profiel/").content.decode()
    assert "Alice Anders" in alice_profile and "Alice Anders" not in bob_profile
    assert "Bob Bakker" in bob_profile

    # The anonymous page from the cache shows none of it.
    again = get_ok(Client(), standard_page.url).content.decode()
    assert "Alice" not in again and "Bob" not in again
    assert str(alice_token) not in again


def test_a_message_for_one_visitor_is_never_shown_to_another(standard_page):
    alice = UserFactory(email="alice@example.org", display_name="Alice Anders")
    get_ok(Client(), standard_page.url)  # stored for anonymous visitors
    alice_client = Client()
    alice_client.force_login(alice)
    alice_client.post("/accounts/logout/")  # allauth says "You have signed out."
    after_logout = get_ok(alice_client, standard_page.url)
    assert not after_logout.has_header("X-Page-Cache")  # a messages cookie: not from the cache
    messages = [str(m) for m in after_logout.context["messages"]]
    assert messages
    assert messages[0] in after_logout.content.decode()
    other = get_ok(Client(), standard_page.url)
    assert other["X-Page-Cache"] == "hit"
    assert messages[0] not in other.content.decode()


# -- invalidation ---------------------------------------------------------------------------


def test_publishing_a_page_shows_the_new_version(client, standard_page):
    get_ok(client, standard_page.url)
    standard_page.title = "Over ons netwerk"
    standard_page.save_revision().publish()
    response = get_ok(client, standard_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Over ons netwerk" in response.content.decode()


def test_unpublishing_a_page_removes_it(client, standard_page):
    get_ok(client, standard_page.url)
    standard_page.unpublish()
    assert client.get(standard_page.url).status_code == 404


def test_moving_a_page_moves_it_in_the_cache_too(client, home_page, standard_page):
    other_parent = StandardPageFactory(parent=home_page, title="Archief", slug="archief")
    old_url = standard_page.url
    get_ok(client, old_url)
    get_ok(client, "/")
    standard_page.move(other_parent, pos="last-child")
    assert client.get(old_url).status_code in (301, 404)  # Wagtail adds a redirect
    assert get_ok(client, "/archief/over/")["X-Page-Cache"] == "miss"


def test_deleting_a_page_removes_it(client, standard_page):
    url = standard_page.url
    get_ok(client, url)
    standard_page.delete()
    assert client.get(url).status_code == 404


def test_a_status_change_shows_at_once_on_the_profile_overview_and_exports(
    client, municipality, django_capture_on_commit_callbacks
):
    profile = municipality.url
    for url in (profile, "/gemeenten/", "/gemeenten/export.csv", "/gemeenten/export.json"):
        get_ok(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        lia_status_record(
            municipality=municipality,
            status=LiaStatus.ADOPTED,
            date=datetime.date(2026, 11, 30),
            source=LiaStatusChange.Source.PROJECT_TEAM,
            user=None,
        )
    assert "adopted" in get_ok(client, "/gemeenten/export.csv").content.decode()
    assert "adopted" in get_ok(client, "/gemeenten/export.json").content.decode()
    assert "vastgesteld" in get_ok(client, profile).content.decode().lower()
    assert "vastgesteld" in get_ok(client, "/gemeenten/").content.decode().lower()


def test_a_bulk_update_calls_content_changed(client, municipality):
    get_ok(client, municipality.url)
    MunicipalityPage.objects.filter(pk=municipality.pk).update(title="Stad Utrecht")
    assert get_ok(client, municipality.url)["X-Page-Cache"] == "hit"  # no signal: still cached
    content_cache.content_changed()
    assert "Stad Utrecht" in get_ok(client, municipality.url).content.decode()


def test_a_registration_changes_the_seats_left_on_the_event_page_and_the_feed(
    client, home_page, django_capture_on_commit_callbacks
):
    agenda = EventIndexPageFactory(parent=home_page)
    start = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    event = EventPageFactory(
        parent=agenda, capacity=5, start=start, end=start + datetime.timedelta(hours=2)
    )
    assert "5 left" in get_ok(client, "/en" + event.url).content.decode()
    get_ok(client, "/agenda/feed.ics")
    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=event, name="Rita Register")
    assert "4 left" in get_ok(client, "/en" + event.url).content.decode()
    event.title = "Regiobijeenkomst Noord"
    event.save_revision().publish()
    assert "Regiobijeenkomst Noord" in get_ok(client, "/agenda/feed.ics").content.decode()


def test_a_new_post_shows_on_the_topic_page(client):
    category = CategoryFactory(name="Vervoer", slug="vervoer")
    author = UserFactory(email="starter@example.org", display_name="Starter")
    topic = TopicFactory(category=category, author=author, title="Regiotaxi")
    PostFactory(topic=topic, author=author, body_markdown="Eerste bericht.")
    url = f"/forum/onderwerp/{topic.pk}/"
    assert get_ok(client, url)["X-Page-Cache"] == "miss"
    assert get_ok(client, url)["X-Page-Cache"] == "hit"
    PostFactory(topic=topic, author=author, body_markdown="Een nieuw antwoord.")
    assert "Een nieuw antwoord." in get_ok(client, url).content.decode()


def test_a_write_in_a_transaction_renews_the_shared_token_once_at_commit():
    shared = content_cache.shared_token()
    content_cache.content_changed()
    private = content_cache.content_version()
    content_cache.content_changed()
    # Until the commit: the shared token stands, this thread reads under a private one.
    assert content_cache.shared_token() == shared
    assert private != shared and content_cache.content_version() not in (shared, private)
    pending = [
        func
        for _sids, func, _robust in connection.run_on_commit
        if func is content_cache._renew_on_commit
    ]
    assert len(pending) == 1  # once per transaction, however many writes
    pending[0]()  # what the commit does
    assert content_cache.shared_token() != shared
    assert content_cache.content_version() == content_cache.shared_token()


def test_outside_a_transaction_a_write_renews_the_shared_token_at_once(transactional_db):
    shared = content_cache.shared_token()
    content_cache.content_changed()
    assert content_cache.shared_token() != shared


# -- which writes count ----------------------------------------------------------------------


def test_every_model_of_the_project_counts_bookkeeping_does_not(home_page):
    from django.apps import apps

    shows = content_cache._shows_content
    for config in apps.get_app_configs():
        if content_cache._is_project_app(config.label):
            for model in config.get_models():
                if model._meta.label_lower not in content_cache.BOOKKEEPING_MODELS:
                    assert shows(model), model
    assert shows(apps.get_model("wagtailcore", "Page"))
    assert shows(apps.get_model("wagtailimages", "Image"))
    assert not shows(Session)
    assert not shows(apps.get_model("wagtailcore", "Revision"))
    assert not shows(apps.get_model("django_tasks_database", "DBTaskResult"))


def test_a_login_renews_nothing_a_profile_change_does(standard_page):
    anonymous = Client()
    user = UserFactory(email="someone@example.org")
    get_ok(anonymous, standard_page.url)
    Client().force_login(user)  # saves last_login and a session
    assert get_ok(anonymous, standard_page.url)["X-Page-Cache"] == "hit"
    user.display_name = "Iemand Anders"
    user.save()
    assert get_ok(anonymous, standard_page.url)["X-Page-Cache"] == "miss"


# -- fragments for what the page cache does not hold ------------------------------------------


def test_the_agenda_filter_form_is_cached_until_a_theme_changes(client, member, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    ThemeFactory(article=191, name="Toegankelijkheid")
    client.force_login(member)  # signed in: no page cache, the fragment does the work
    with CaptureQueriesContext(connection) as first:
        assert "Toegankelijkheid" in get_ok(client, agenda.url).content.decode()
    with CaptureQueriesContext(connection) as second:
        get_ok(client, agenda.url)
    assert len(second) < len(first)  # the themes are not queried for the form again
    ThemeFactory(article=192, name="Onderwijs")
    assert "Onderwijs" in get_ok(client, agenda.url).content.decode()


def test_a_rolled_back_write_renews_nothing_at_the_next_commit(transactional_db):
    events_token = content_cache.app_token("events")
    with pytest.raises(RuntimeError), transaction.atomic():
        content_cache.content_changed(app_label="events")
        raise RuntimeError("the write is rolled back")
    with transaction.atomic():
        content_cache.content_changed(app_label="taxonomy")
    assert content_cache.app_token("events") == events_token


def test_an_app_token_changes_only_with_its_own_app(transactional_db):
    events_token = content_cache.app_token("events")
    taxonomy_token = content_cache.app_token("taxonomy")
    ThemeFactory(article=193, name="Bewustwording")
    assert content_cache.app_token("events") == events_token
    assert content_cache.app_token("taxonomy") != taxonomy_token
