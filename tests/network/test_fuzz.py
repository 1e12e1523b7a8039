"""Bad input never breaks the site: every URL pattern, page and form against generated values.

The test builds a small tree (a municipality, a practice, events, a forum thread, a match),
walks every URL pattern of the site and every page reachable from it as anonymous, member,
official and project team, finds the forms (GET and POST) in the HTML the server sent, and
throws Hypothesis-generated values at them: huge and negative integers, NUL and control
characters, invalid UTF-8 percent-encoding, 100k-character strings, repeated parameters,
unknown choices, impossible dates, emoji and right-to-left text, search operators and quotes.

What must hold for every answer: no 5xx; a 4xx is a page in the site's layout with a message;
a form that failed shows again what was typed. The CI profile is small and deterministic;
`make fuzz` runs the `fuzz` profile (HYPOTHESIS_PROFILE=fuzz) with many more examples.
"""

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from matchcentrum.factories import MatchFactory, MatchRequestFactory
from municipalities.factories import (
    MunicipalityIndexPageFactory,
    MunicipalityMembershipFactory,
    MunicipalityPageFactory,
)
from network.factories import StandardPageFactory, UserFactory
from network.roles import MUNICIPAL_OFFICIAL, PROJECT_TEAM
from taxonomy.factories import LifeDomainFactory, ThemeFactory

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3")),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    derandomize=False,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
CRAWL_LIMIT = int(os.environ.get("FUZZ_CRAWL_LIMIT", "80"))

# Never followed or submitted: they end the session or the account the run works as, or are
# the Wagtail admin (its own product, tested upstream), static files and documents.
# Wagtail's /_util/ views (its own login for private pages) are not used: private pages send
# people to allauth's login (WAGTAIL_FRONTEND_LOGIN_URL).
SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/django-admin/", "/_util/")
SKIP_PARTS = ("logout", "uitloggen", "profiel/verwijderen", "/en/")

NASTY_TEXT = [
    "99999999999999999999",
    "-99999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "\x00",
    "a\x00b",
    "\x0c\x1b\x7f",
    "2026-02-30",
    "0000-00-00",
    "9999-99-99T99:99",
    "2026-13",
    "😀🏳️‍🌈",
    "\u202eשלום مرحبا",
    '"foo AND (',
    "' OR 1=1 --",
    "*",
    "NEAR(a b)",
    "a:b^2 {x} [y] -z +w ~",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%",
    "\\",
    " ",
]
HUGE = "a" * 100_000
INVALID_UTF8 = object()  # a marker: send the raw bytes %FF%FE instead of an encoded value


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, dict] = field(default_factory=dict)  # name -> {"type", "options"}


class FormParser(HTMLParser):
    """Collects links and forms (with their fields and options) from a page."""

    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        elif tag == "form":
            self._form = Form(
                method=a.get("method", "get").lower(),
                action=urljoin(self.base, a.get("action") or self.base),
            )
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and a.get("name"):
            kind = a.get("type", tag).lower() if tag == "input" else tag
            entry = self._form.fields.setdefault(a["name"], {"type": kind, "options": []})
            if a.get("value"):
                entry["options"].append(a["value"])
            if tag == "select":
                self._select = a["name"]
        elif tag == "option" and self._form is not None and self._select:
            self._form.fields[self._select]["options"].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def local_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIP_PREFIXES) or any(p in parts.path for p in SKIP_PARTS):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def url_patterns(resolver=None, prefix: str = "") -> list[tuple[str, list[str]]]:
    """Every route of the site as (regex-ish route, names of its parameters)."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += url_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            found.append((route, list(entry.pattern.converters)))
    return found


def fill_route(route: str, samples: dict[str, str]) -> str | None:
    """A concrete path for a route, its parameters filled from the demo-like objects."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    if "(?P" in route or route.startswith(("admin/", "documents/")):
        return None  # Wagtail's own catch-alls: its pages are reached through the tree
    route = route.replace("^", "")

    def sample(match: re.Match) -> str:
        return samples.get(match.group(2), samples.get(match.group(1), "1"))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", sample, route)


@pytest.fixture
def tree(home_page):
    """Demo-like objects: one of each thing a URL can point to, with awkward stored text."""
    theme, domain = ThemeFactory(), LifeDomainFactory()
    municipalities = MunicipalityIndexPageFactory(parent=home_page)
    asking = MunicipalityPageFactory(parent=municipalities, title="Almere")
    offering = MunicipalityPageFactory(parent=municipalities, title="Zwolle")
    library = PracticeIndexPageFactory(parent=home_page)
    PracticePageFactory(parent=library, municipalities=[offering], themes=[theme])
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, capacity=2)
    start = timezone.now() - timedelta(days=40)
    EventPageFactory(parent=agenda, start=start, end=start + timedelta(hours=2))
    registration = RegistrationFactory(
        event=event, name="Form\x0cfeed", needs=["wheelchair"], needs_consent=True
    )
    StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    category = CategoryFactory(slug="algemeen")
    author = UserFactory(email="author@example.org")
    topic = TopicFactory(category=category, author=author, title="Een\x0conderwerp")
    post = PostFactory(topic=topic, author=author, body_markdown="Uit PDF\x0cgeplakt \x01")
    request = MatchRequestFactory(municipality=asking, themes=[theme], life_domains=[domain])
    match = MatchFactory(request=request, offering_municipality=offering)
    return {
        "asking": asking,
        "samples": {
            "slug": category.slug,
            "key": category.slug,
            "token": registration.token,
            "pk": str(topic.pk),
            "user_id": str(author.pk),
            "side": "asking",
            "request": str(request.pk),
            "match": str(match.pk),
            "post": str(post.pk),
        },
        "overrides": {
            # routes whose <pk> is not a topic
            "bericht/": str(post.pk),
            "aanvragen/": str(request.pk),
            "matches/": str(match.pk),
            "gemeenten/": asking.slug,
            "antwoord/": match.token if hasattr(match, "token") else "x" * 32,
        },
    }


def seeds(tree) -> list[str]:
    paths = []
    for route, _params in url_patterns():
        samples = dict(tree["samples"])
        for marker, value in tree["overrides"].items():
            if marker in route:
                samples.update({"pk": value, "slug": value, "token": value})
        path = fill_route(route, samples)
        if path and local_path(path):
            paths.append(path)
    paths += [page.url for page in Page.objects.live().specific() if page.url]
    return paths


def user_for(role: str, tree):
    if role == "anonymous":
        return None
    if role == "member":
        return UserFactory(email="fuzz-member@example.org")
    if role == "official":
        user = UserFactory(email="fuzz-official@example.org", roles=[MUNICIPAL_OFFICIAL])
        MunicipalityMembershipFactory(user=user, municipality=tree["asking"])
        return user
    return UserFactory(email="fuzz-team@example.org", roles=[PROJECT_TEAM])


def encode(pairs: list[tuple[str, object]]) -> str:
    out = []
    for name, value in pairs:
        if value is INVALID_UTF8:
            out.append(f"{quote(name)}=%FF%FE%C3%28")
        else:
            out.append(f"{quote(name)}={quote(str(value), safe='')}")
    return "&".join(out)


def check(response, where: str, sent: list[tuple[str, object]], form: Form | None) -> None:
    status = response.status_code
    assert status < 500, f"{status} at {where} with {sent!r:.500}"
    if status < 400 or status == 405:
        return
    body = response.content.decode("utf-8", "replace")
    assert body.strip(), f"{status} without a message at {where}"
    if "html" in response.get("Content-Type", ""):
        assert "<main" in body and 'lang="' in body, (
            f"{status} at {where} is not a page in the site's layout"
        )
    if form is None or form.method != "post" or "html" not in response.get("Content-Type", ""):
        return
    # A failed form keeps what was typed: every plain text value shown again (the last one
    # of a repeated parameter, which is the one a form reads).
    for name, value in dict(sent).items():
        kind = form.fields.get(name, {}).get("type")
        if kind not in ("text", "textarea", "email", "search", "url", "tel"):
            continue
        if not isinstance(value, str) or not value.isprintable() or value != value.strip():
            continue
        if not value or len(value) > 300 or f'name="{name}"' not in body:
            continue
        assert escape(value) in body or value in unescape(body), (
            f"{where}: the form lost what was typed in {name!r}: {value!r}"
        )


def values_for(spec: dict) -> st.SearchStrategy:
    options = [o for o in spec["options"] if o]
    choices = [*NASTY_TEXT, HUGE, INVALID_UTF8]
    strategies = [st.sampled_from(choices), st.text(max_size=40)]
    if options:
        strategies.append(st.sampled_from(options))
        strategies.append(st.sampled_from(options).map(lambda o: o + "9"))
    return st.one_of(*strategies)


def payloads(form: Form) -> st.SearchStrategy:
    names = sorted(form.fields) + ["page"]
    specs = {**form.fields, "page": {"type": "text", "options": ["1", "2"]}}

    @st.composite
    def build(draw):
        pairs = []
        for name in names:
            if name == "csrfmiddlewaretoken":
                continue
            repeat = draw(st.integers(min_value=0, max_value=2))
            pairs += [(name, draw(values_for(specs[name]))) for _ in range(repeat)]
        # one 100k-character value at most per request keeps the run fast
        huge = [i for i, (_n, v) in enumerate(pairs) if v is HUGE]
        for i in huge[1:]:
            pairs[i] = (pairs[i][0], "x")
        return pairs

    return build()


def check_page_rule(client, path: str) -> None:
    """The site's one page rule (network.pagination): not a number shows page 1, a number past
    the end the last page; both are ordinary pages, never an error."""
    for raw in ("abc", "-1", "0", "999999", "99999999999999999999"):
        response = client.get(path, {"page": raw})
        assert response.status_code == 200, f"{path}?page={raw} answered {response.status_code}"


def crawl(client, start: list[str]) -> tuple[set[str], list[Form]]:
    seen_paths, visited, forms, queue = set(), set(), {}, list(start)
    while queue and len(visited) < CRAWL_LIMIT:
        path = queue.pop(0)
        bare = path.split("?")[0]
        if path in visited or (bare in seen_paths and "?" in path):
            continue
        visited.add(path)
        seen_paths.add(bare)
        response = client.get(path)
        check(response, f"GET {path}", [], None)
        if "html" not in response.get("Content-Type", "") or response.status_code != 200:
            continue
        parser = FormParser(f"http://testserver{path}")
        parser.feed(response.content.decode())
        if "?" not in path and any("page=" in link for link in parser.links):
            check_page_rule(client, path)
        for form in parser.forms:
            action = local_path(form.action)
            if action is None:
                continue
            form.action = action.split("?")[0]
            key = (form.method, form.action, tuple(sorted(form.fields)))
            forms.setdefault(key, form)
        queue += [p for p in map(local_path, parser.links) if p and p not in visited]
    return visited, list(forms.values())


@pytest.mark.slow
@pytest.mark.parametrize("role", ["anonymous", "member", "official", "team"])
def test_no_server_error_on_any_input(client, tree, role):
    user = user_for(role, tree)
    if user is not None:
        client.force_login(user)
    visited, forms = crawl(client, seeds(tree))
    # Every page also gets the query parameters anyone can type, such as ?page=.
    bare_pages = {
        p.split("?")[0] for p in visited if not p.endswith((".csv", ".json", ".ics", ".xml"))
    }
    forms += [Form("get", p, {"page": {"type": "text", "options": []}}) for p in bare_pages]
    assert len(forms) > 10, "the crawl found too few forms to mean anything"

    for form in forms:
        fuzz_form(client, user, form)


def fuzz_form(client, user, form: Form) -> None:
    """Submit `form` with generated values; every answer must pass `check`."""

    @PROFILE
    @given(pairs=payloads(form))
    def submit(pairs):
        if user is not None:
            client.force_login(user)
        body = encode(pairs)
        if form.method == "post":
            response = client.post(
                form.action, body, content_type="application/x-www-form-urlencoded"
            )
        else:
            response = client.get(f"{form.action}?{body}")
        check(response, f"{form.method.upper()} {form.action}", pairs, form)

    submit()
