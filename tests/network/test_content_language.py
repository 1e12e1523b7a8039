"""Under /en/ the pages' own Dutch text says it is Dutch (WCAG 3.1.2), and only there."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from events.factories import EventIndexPageFactory, EventPageFactory
from forum.factories import CategoryFactory, PostFactory, TopicFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from news.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from tests.utils import get_html, outside_dutch
from voices.factories import VoiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    library = PracticeIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    campaigns = CampaignIndexPageFactory(parent=home_page, title="Campagnes")
    return [
        (agenda, "Agenda"),
        (EventPageFactory(parent=agenda, title="Regiodag Oost"), "Regiodag Oost"),
        (library, "Kennisbank"),
        (
            PracticePageFactory(parent=library, title="Toegankelijk stembureau"),
            "Toegankelijk stembureau",
        ),
        (news, "Nieuws"),
        (NewsArticlePageFactory(parent=news, title="Drempels weg"), "Drempels weg"),
        (campaigns, "Campagnes"),
        (CampaignPageFactory(parent=campaigns, title="Stem met gemak"), "Stem met gemak"),
    ]


def test_titles_and_introductions_are_marked_dutch_in_english(client, pages):
    # The Dutch addresses first: a page's url follows the language active in the thread.
    addresses = [(page.url, title) for page, title in pages]
    for url, title in addresses:
        english = get_html(client, "/en" + url)
        assert f'<h1 lang="nl">{title}</h1>' in english, url
        dutch = get_html(client, url)
        assert f"<h1>{title}</h1>" in dutch, url


def test_a_practice_summary_is_marked_too(client, pages):
    practice = pages[3][0]
    english = get_html(client, "/en" + practice.url)
    assert f'<p class="lead" lang="nl">{practice.summary}</p>' in english


def test_no_dutch_content_outside_an_element_marked_dutch_under_en(client, pages):
    """Every content field without a translation is marked, in pages, lists, cards and menus."""
    home = pages[0][0].get_parent()
    home.show_in_menus = True
    for page, _title in pages:
        if page.depth == 3:
            page.show_in_menus = True
            page.save_revision().publish()
    CategoryFactory(name="Toegankelijke verkiezingen", description="Stembureaus en uitleg.")
    dutch = set()
    for page, _title in pages:
        specific = page.specific
        dutch |= {specific.title, specific.introduction, getattr(specific, "summary", "")}
        for field in ("why", "take_part_persons", "take_part_organisations", "report_summary"):
            dutch.add(strip_tags(getattr(specific, field, "")))
    dutch |= {"Toegankelijke verkiezingen", "Stembureaus en uitleg."}
    dutch -= {"", "Agenda"}  # "Agenda" is English too: the interface uses it under /en/
    event = pages[1][0]
    month = f"{pages[0][0].url}maand/?month={timezone.localtime(event.specific.start):%Y-%m}"
    # All addresses first: a page's url follows the language a request leaves active.
    urls = [page.url for page, _title in pages] + ["/", "/forum/", "/overzicht-van-de-site/", month]
    assert event.title in get_html(client, "/en" + month)
    for url in urls:
        text = outside_dutch(get_html(client, "/en" + url))
        leaked = sorted(value for value in dutch if value in text)
        assert not leaked, (url, leaked)


def test_what_members_write_is_marked_dutch_under_en(client, home_page):
    """Topics, posts and voices are written by members in Dutch: under /en/ they say so."""
    topic = TopicFactory(title="Wie heeft ervaring met een prikkelarm stembureau")
    PostFactory(topic=topic, body_markdown="Wij zetten een rustige hoek in de bibliotheek.")
    voice = VoiceFactory(
        title="Ik wil zelf kiezen waar ik woon",
        body_markdown="De woningen voor mij staan altijd aan de rand van het dorp.",
    )
    dutch = {
        topic.title,
        "Wij zetten een rustige hoek in de bibliotheek.",
        voice.heading,
        "De woningen voor mij staan altijd aan de rand van het dorp.",
    }
    # The Dutch page first: a request under /en/ leaves English active for the next.
    dutch_page = get_html(client, topic.get_absolute_url())
    assert f"<h1>{topic.title}</h1>" in dutch_page
    assert 'lang="nl"' not in dutch_page.split("<body", 1)[1]
    urls = [
        topic.get_absolute_url(),
        topic.category.get_absolute_url(),
        "/forum/zoeken/?q=bibliotheek",
        voice.get_absolute_url(),
        "/stemmen/",
    ]
    for url in urls:
        english = get_html(client, "/en" + url)
        leaked = sorted(value for value in dutch if value in outside_dutch(english))
        assert not leaked, (url, leaked)
        shown = [value for value in dutch if value in english]
        assert shown, url  # the page does show member text, so the check means something


def test_easy_language_the_ngt_video_and_the_manifest_are_marked_dutch_under_en(client, home_page):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.rich_text import RichText

    from network.factories import StandardPageFactory

    Document = get_document_model()
    video = Document.objects.create(title="NGT", file=ContentFile(b"webm", name="ngt.webm"))
    captions = Document.objects.create(
        title="Ondertitels", file=ContentFile(b"WEBVTT\n", name="ngt.vtt")
    )
    dutch = {
        "Manifest van gemeenten",
        "Voorlopers schreven het.",
        "Het manifest was een belofte.",
        "Het manifest in gebarentaal",
        "Welkom bij het manifest.",
        "Zij beloofden een agenda.",
    }
    StandardPageFactory(
        parent=home_page,
        slug="manifest",
        title="Manifest van gemeenten",
        introduction="Voorlopers schreven het.",
        easy_read_summary="Het manifest was een belofte.",
        body=[("paragraph", RichText("<p>Zij beloofden een agenda.</p>"))],
        sign_language_video=[
            {
                "type": "video",
                "value": {
                    "title": "Het manifest in gebarentaal",
                    "video": video.pk,
                    "captions": captions.pk,
                    "transcript": "Welkom bij het manifest.",
                },
            }
        ],
    )
    english = get_html(client, "/en/manifest/")
    shown = {value for value in dutch - {"Manifest van gemeenten"} if value in english}
    assert shown == dutch - {"Manifest van gemeenten"}  # all on the page, the title is the view's
    text = outside_dutch(english)
    assert sorted(value for value in dutch if value in text) == []


def test_content_that_exists_only_in_dutch_is_marked_under_en(client, home_page):
    """Events' practical parts, the route, LIA notes, organisations, internships, the footer."""
    import datetime

    from wagtail.models import Site

    from internships.factories import InternshipOfferFactory
    from municipalities import services as municipality_services
    from municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
        RouteStepFactory,
        RouteStepLinkFactory,
    )
    from network.models import NetworkSettings
    from voices.factories import OrganisationFactory, PositionFactory

    settings_ = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.footer_text = "<p>Een netwerk van gemeenten en ervaringsdeskundigen.</p>"
    settings_.save()
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=agenda,
        organiser_name="VNG en gemeente Deventer",
        audience="Ambtenaren sport en sportclubs",
        experts_wanted="Wij zoeken twee sporters die willen vertellen wat werkt.",
    )
    municipality = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home_page), title="Deventer", slug="deventer"
    )
    step = RouteStepFactory(
        title="Draagvlak bij het bestuur",
        slug="draagvlak-bij-het-bestuur",
        explanation="Het college wil werken aan het verdrag.",
        done_when="Het college heeft een besluit genomen.",
    )
    RouteStepLinkFactory(step=step, title="Hoe krijgt u het college mee?")
    municipality_services.route_progress_record(
        municipality=municipality,
        step=step,
        status="done",
        date=datetime.date(2025, 3, 1),
        note="Besproken met het panel van ervaringsdeskundigen.",
        user=None,
    )
    municipality_services.lia_status_record(
        municipality=municipality,
        status="exploring",
        date=datetime.date(2025, 1, 6),
        source="survey",
        note="Verkenning gestart met de adviesraad.",
        user=None,
    )
    organisation = OrganisationFactory(slug="platform-deventer")
    PositionFactory(organisation=organisation, title="Eén loket voor alle hulp")
    offer = InternshipOfferFactory(
        municipality=municipality, title="Stage bij het Wmo-loket", department="Zorg en welzijn"
    )
    dutch_footer = "Een netwerk van gemeenten en ervaringsdeskundigen."
    dutch = {
        dutch_footer,
        event.organiser_name,
        event.audience,
        event.experts_wanted,
        event.title,
        step.title,
        step.explanation,
        step.done_when,
        "Hoe krijgt u het college mee?",
        "Besproken met het panel van ervaringsdeskundigen.",
        "Verkenning gestart met de adviesraad.",
        organisation.description,
        "Eén loket voor alle hulp",
        "Wij vinden dat iedereen mee moet kunnen doen.",  # the position's text
        offer.title,
        offer.department,
        offer.tasks,
    }
    with translation.override("nl"):
        urls = [
            event.url,
            event.url + "aanmelden/",
            "/route/",
            f"/gemeenten/{municipality.slug}/",
            f"/gemeenten/{municipality.slug}/route/",
            organisation.get_absolute_url(),
            "/inclusiestage/",
            reverse("internships:detail", args=[offer.pk]),
        ]
    for url in urls:
        english = get_html(client, "/en" + url)
        assert [value for value in dutch - {dutch_footer} if value in english], url
        text = outside_dutch(english)
        assert sorted(value for value in dutch if value in text) == [], url
