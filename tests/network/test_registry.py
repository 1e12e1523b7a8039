"""The registries: upper apps show themselves on lower apps' pages, in order, when they want."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from network import registry
from network.cache import content_changed
from network.factories import UserFactory
from network.privacy import _deletion_handlers as deletion_handlers
from network.privacy import delete_account, register_account_deletion_handler

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def place():
    """A fresh place, removed again afterwards."""
    name = "test-place"
    registry.SECTION_REGISTRIES.pop(name, None)
    yield registry.section_registry(name)
    registry.SECTION_REGISTRIES.pop(name, None)


@pytest.fixture
def templates(tmp_path, settings):
    """A template folder searched first (assigning TEMPLATES resets the engines' caches)."""
    folder = tmp_path / "templates"
    folder.mkdir()
    first, *others = settings.TEMPLATES
    settings.TEMPLATES = [{**first, "DIRS": [folder, *first["DIRS"]]}, *others]
    return folder


def _render(text: str, **context) -> str:
    request = RequestFactory().get("/")
    return Template("{% load network_tags %}" + text).render(
        Context({"request": request, **context})
    )


def test_sections_render_in_order_with_the_place_arguments(place, templates):
    (templates / "first.html").write_text("<p>first {{ page }}</p>")
    (templates / "second.html").write_text("<p>second {{ page }} {{ extra }}</p>")
    place.register("b", "second.html", order=20, context=lambda request, page: {"extra": "x"})
    place.register("a", "first.html", order=10)
    html = _render('{% render_sections "test-place" page="P" %}')
    assert html == "<p>first P</p><p>second P x</p>"


def test_a_section_whose_context_is_none_is_left_out(place, templates):
    (templates / "only-team.html").write_text("<p>secret</p>")
    place.register("team", "only-team.html", context=lambda request, **kwargs: None)
    assert _render('{% render_sections "test-place" %}') == ""


def test_section_variables_do_not_leak_into_the_page(place, templates):
    (templates / "s.html").write_text("{{ extra }}")
    place.register("s", "s.html", context=lambda request, **kwargs: {"extra": "inside"})
    assert _render('{% render_sections "test-place" %}[{{ extra }}]') == "inside[]"


def _render_without_request(text: str) -> str:
    return Template("{% load network_tags %}" + text).render(Context({"request": None}))


def test_a_kept_section_is_built_again_only_after_a_write_to_its_apps(place, templates):
    (templates / "built.html").write_text("<p>{{ page }} {{ built }}</p>")
    built = []

    def context(request, page):
        built.append(page)
        return {"built": len(built)}

    place.register("kept", "built.html", context=context, cached_on=("voices",))
    place.register("fresh", "built.html", order=200, context=context)
    text = '{% render_sections "test-place" page="P" %}'
    assert _render_without_request(text) == "<p>P 1</p><p>P 2</p>"
    assert _render_without_request(text) == "<p>P 1</p><p>P 3</p>", "kept; the other built anew"
    assert "<p>Q 4</p>" in _render_without_request('{% render_sections "test-place" page="Q" %}')
    content_changed(app_label="forum")
    assert _render_without_request(text).startswith("<p>P 1</p>"), "another app's write"
    with translation.override("en"):
        assert _render_without_request(text).startswith("<p>P 7</p>"), "kept per language"
    content_changed(app_label="voices")
    assert _render_without_request(text).startswith("<p>P 9</p>")


def test_a_section_is_kept_per_kind_of_visitor_and_never_when_personal(place, templates):
    (templates / "kind.html").write_text("<p>{{ kind }} {{ built }}</p>")
    built = []
    handed = []  # the variant the registry handed to the context, so it is not worked out twice
    place.register(
        "kind",
        "kind.html",
        cached_on=("voices",),
        context=lambda request, kind, variant: {
            "built": handed.append(variant) or built.append(kind) or len(built)
        },
        # "personal" stands for a section with a form for one person: never kept.
        variant=lambda request, kind: None if kind == "personal" else kind,
    )

    def render(kind: str) -> str:
        return _render_without_request(f'{{% render_sections "test-place" kind="{kind}" %}}')

    assert render("editor") == "<p>editor 1</p>"
    assert render("visitor") == "<p>visitor 2</p>"
    assert render("editor") == "<p>editor 1</p>" and render("visitor") == "<p>visitor 2</p>"
    assert render("personal") == "<p>personal 3</p>"
    assert render("personal") == "<p>personal 4</p>"
    assert handed == ["editor", "visitor", None, None]


@pytest.mark.django_db
def test_a_preview_never_keeps_a_section(place, templates):
    (templates / "built.html").write_text("<p>{{ built }}</p>")
    built = []
    place.register(
        "kept",
        "built.html",
        cached_on=("voices",),
        context=lambda request: {"built": built.append(1) or len(built)},
    )
    request = RequestFactory().get("/")
    request.is_preview = True
    text = '{% load network_tags %}{% render_sections "test-place" %}'
    for expected in ("<p>1</p>", "<p>2</p>"):
        assert Template(text).render(Context({"request": request})) == expected
    # What a preview built was not kept for visitors either.
    assert _render_without_request('{% render_sections "test-place" %}') == "<p>3</p>"


def test_a_kept_section_that_is_left_out_stays_out(place, templates):
    (templates / "team.html").write_text("<p>team</p>")
    asked = []
    place.register(
        "team", "team.html", cached_on=("voices",), context=lambda request: asked.append(1)
    )
    assert _render_without_request('{% render_sections "test-place" %}') == ""
    assert _render_without_request('{% render_sections "test-place" %}') == ""
    assert asked == [1]


def test_registering_twice_replaces(place):
    place.register("x", "a.html")
    place.register("x", "b.html")
    assert [s.template for s in place] == ["b.html"]


def test_apps_registered_their_sections():
    """The domain apps fill the places of the apps below them."""
    assert {"events", "knowledge"} <= set(registry.home_sections.keys())
    municipality = registry.section_registry("municipality_profile").keys()
    for earlier, later in (("knowledge", "events"), ("events", "forum"), ("forum", "matchcentrum")):
        assert municipality.index(earlier) < municipality.index(later)
    assert "matchcentrum" in registry.profile_sections.keys()  # noqa: SIM118
    assert registry.section_registry("practice").keys() == ["matchcentrum"]
    assert "forum" in [entry.key for entry in registry.main_menu]


@pytest.mark.django_db
def test_menu_entries_follow_visibility_and_language():
    registry.main_menu.register(
        "team-only", "Team", "profile", order=1, visible=lambda request: request.user.is_staff
    )
    try:
        request = RequestFactory().get("/")
        request.user = UserFactory(is_staff=False)
        assert "team-only" not in [item["key"] for item in registry.main_menu.for_request(request)]
        request.user = UserFactory(email="staff@example.org", is_staff=True)
        items = registry.main_menu.for_request(request)
        assert items[0] == {"key": "team-only", "title": "Team", "url": "/profiel/"}
    finally:
        registry.main_menu.unregister("team-only")


@pytest.mark.django_db
def test_a_menu_entry_whose_url_does_not_resolve_is_left_out():
    registry.main_menu.register("gone", "Gone", "no-such-url-name")
    try:
        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        assert "gone" not in [item["key"] for item in registry.main_menu.for_request(request)]
    finally:
        registry.main_menu.unregister("gone")


@pytest.mark.django_db
def test_running_hashtags_are_unique_and_without_hash():
    registry.running_hashtags.register("a", lambda: ["#2MiljoenStemmen", "Inclusie"])
    registry.running_hashtags.register("b", lambda: ["2MiljoenStemmen"])
    try:
        current = registry.running_hashtags.current()
        assert current.count("2MiljoenStemmen") == 1 and "Inclusie" in current
        assert current.index("2MiljoenStemmen") < current.index("Inclusie")
    finally:
        registry.running_hashtags.unregister("a")
        registry.running_hashtags.unregister("b")


@pytest.mark.django_db
def test_account_deletion_handlers_run_before_the_user_is_gone():
    user = UserFactory(email="weg@example.org")
    seen = []
    register_account_deletion_handler("test", lambda person: seen.append(person.pk))
    try:
        pk = user.pk
        delete_account(user)
    finally:
        deletion_handlers.pop("test")
    assert seen == [pk]
    assert not type(user).objects.filter(pk=pk).exists()


@pytest.mark.django_db
def test_a_failing_handler_keeps_the_account():
    user = UserFactory(email="blijft@example.org")

    def refuse(person):
        raise RuntimeError("cannot anonymise")

    register_account_deletion_handler("test", refuse)
    try:
        with pytest.raises(RuntimeError):
            delete_account(user)
    finally:
        deletion_handlers.pop("test")
    assert type(user).objects.filter(pk=user.pk).exists()


UPPER_APPS = {
    "network": ["taxonomy", "municipalities", "knowledge", "events", "forum", "matchcentrum"],
    "municipalities": ["knowledge", "events", "forum", "matchcentrum"],
    "knowledge": ["events", "forum", "matchcentrum"],
}


@pytest.mark.parametrize("app", sorted(UPPER_APPS))
def test_lower_templates_name_no_upper_app(app):
    """Includes, extends and URL names in a lower app's templates point only down."""
    folders = [ROOT / "templates" / app]
    if app == "network":
        folders += [ROOT / "templates" / "components"]
        files = [ROOT / "templates" / "base.html", ROOT / "templates" / "404.html"]
    else:
        files = []
    for folder in folders:
        files += sorted(folder.rglob("*.html"))
    pattern = re.compile(
        r"{%\s*(?:include|extends|url)\s+[\"'](" + "|".join(UPPER_APPS[app]) + r")[/:]"
    )
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in files
        for match in pattern.finditer(path.read_text())
    ]
    assert offenders == []
