"""Demo data of the news: 12 articles over the years, the #2MiljoenStemmen campaign, reactions.

Every person named here is made up.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from forum.models import Post
from forum.services import post_approve, post_hide, post_moderate
from municipalities.models import MunicipalityPage
from network.factories import UserFactory
from network.models import User
from network.pages import ensure_home_page
from taxonomy.models import Theme

from .models import CampaignIndexPage, CampaignPage, NewsArticlePage, NewsCategory, NewsIndexPage
from .services import reaction_create

CATEGORIES = [
    ("uit-het-netwerk", "Uit het netwerk", "From the network"),
    ("verkiezingen", "Verkiezingen", "Elections"),
    ("kennis-en-praktijk", "Kennis en praktijk", "Knowledge and practice"),
]

REACTORS = [
    ("fenna.fictief@example.org", "Fenna Fictief"),
    ("bram.bedacht@example.org", "Bram Bedacht"),
    ("yara.verzonnen@example.org", "Yara Verzonnen"),
]


def _p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def _qa(*pairs: tuple[str, str]) -> list[dict]:
    return [{"type": "question_answer", "value": {"question": q, "answer": a}} for q, a in pairs]


# slug, title, date, author, category, tags, introduction, body, easy read, theme articles
ARTICLES = [
    (
        "nieuw-netwerk-iedereen-doet-mee",
        "Nieuw netwerk 'Iedereen doet mee!'",
        date(2020, 9, 15),
        "",
        "uit-het-netwerk",
        ["netwerk", "vn-verdrag"],
        "In september 2020 begon het netwerk 'Iedereen doet mee!'. Zo ging dat.",
        _p(
            "Op 15 september 2020 kwamen de eerste gemeenten bij elkaar. Ze wilden samen werken "
            "aan het VN-verdrag Handicap. Dat verdrag zegt: mensen met een beperking doen mee, "
            "net als ieder ander.",
            "Vanaf het begin waren ervaringsdeskundigen erbij. Zij weten wat werkt en wat niet. "
            "De VNG hielp met kennis en met een projectteam. Zo begon het netwerk dat nu veel "
            "gemeenten verbindt.",
        ),
        "In 2020 begon een netwerk van gemeenten. Zij willen dat iedereen mee kan doen.",
        [4],
    ),
    (
        "lokale-inclusie-agenda-zo-begint-u",
        "Lokale Inclusie Agenda: zo begint u",
        date(2025, 1, 14),
        "Tessa Testbeeld",
        "kennis-en-praktijk",
        ["lia", "handreiking"],
        "Een nieuwe handreiking helpt gemeenten op weg met hun Lokale Inclusie Agenda.",
        _p(
            "Veel gemeenten willen een Lokale Inclusie Agenda maken. Maar waar begint u? De "
            "nieuwe handreiking zet de stappen op een rij.",
            "Begin met een gesprek met inwoners met een beperking. Vraag wat zij nodig hebben. "
            "Schrijf daarna samen op wat de gemeente gaat doen.",
        ),
        "",
        [4, 19],
    ),
    (
        "ervaringsdeskundigen-krijgen-vergoeding",
        "Ervaringsdeskundigen krijgen een eerlijke vergoeding",
        date(2025, 3, 3),
        "",
        "kennis-en-praktijk",
        ["ervaringsdeskundigen", "vergoeding"],
        "Steeds meer gemeenten betalen ervaringsdeskundigen voor hun werk.",
        _p(
            "Ervaringsdeskundigen geven hun tijd en kennis. Dat is werk, en werk verdient een "
            "vergoeding. Steeds meer gemeenten regelen dat goed.",
        ),
        "",
        [4],
    ),
    (
        "stembureaus-toegankelijker",
        "Stembureaus worden toegankelijker",
        date(2025, 5, 20),
        "",
        "verkiezingen",
        ["verkiezingen", "stembureau"],
        "Gemeenten leren van elkaar hoe een stembureau voor iedereen open is.",
        _p(
            "Een drempel bij de deur, een stemhokje dat te hoog is: het zijn kleine dingen. "
            "Maar ze houden mensen weg bij het stembureau.",
            "In het netwerk delen gemeenten hun checklists. Zo kan elke gemeente haar "
            "stembureaus nalopen.",
        ),
        "",
        [29],
    ),
    (
        "terugblik-netwerkdag-2025",
        "Terugblik op de netwerkdag 2025",
        date(2025, 6, 12),
        "Sanne Schijnnaam",
        "uit-het-netwerk",
        ["netwerkdag", "bijeenkomst"],
        "Meer dan 200 mensen kwamen naar de netwerkdag. Een verslag.",
        _p(
            "Ambtenaren, wethouders en ervaringsdeskundigen spraken een dag met elkaar. Er was "
            "een tolk gebarentaal en een prikkelarme ruimte.",
        ),
        "",
        [],
    ),
    (
        "makkelijke-taal-in-brieven",
        "Brieven van de gemeente in makkelijke taal",
        date(2025, 9, 8),
        "",
        "kennis-en-praktijk",
        ["makkelijke taal", "communicatie"],
        "Een brief die u niet begrijpt, helpt niemand. Gemeenten schrijven daarom eenvoudiger.",
        _p(
            "Korte zinnen, gewone woorden en één boodschap per brief. Met die regels maken "
            "gemeenten hun brieven beter te lezen voor iedereen.",
        ),
        "Gemeenten schrijven brieven met korte zinnen en gewone woorden.",
        [9, 21],
    ),
    (
        "vijf-jaar-netwerk",
        "Vijf jaar 'Iedereen doet mee!'",
        date(2025, 9, 15),
        "",
        "uit-het-netwerk",
        ["netwerk", "jubileum"],
        "Het netwerk bestaat vijf jaar. Wat is er bereikt?",
        _p(
            "Vijf jaar geleden begon het netwerk met een handvol gemeenten. Nu doen er veel "
            "meer mee. Bijna de helft heeft een Lokale Inclusie Agenda.",
        ),
        "",
        [4],
    ),
    (
        "oproep-gemeenteraadsverkiezingen-2026",
        "Oproep: maak de gemeenteraadsverkiezingen van 2026 voor iedereen",
        date(2025, 11, 4),
        "",
        "verkiezingen",
        ["verkiezingen", "2miljoenstemmen"],
        "In maart 2026 kiest Nederland nieuwe gemeenteraden. Zorg dat iedereen kan stemmen.",
        _p(
            "Ongeveer twee miljoen kiezers hebben een beperking. Zij hebben hetzelfde recht om "
            "te stemmen als ieder ander. Daarom roepen wij alle gemeenten op: maak stembureaus, "
            "stempassen en uitleg toegankelijk.",
            "Zet de inclusie van mensen met een beperking ook in uw verkiezingsprogramma. En "
            "doe mee met de campagne #2MiljoenStemmen.",
        ),
        "Iedereen mag stemmen. Gemeenten moeten zorgen dat dat ook kan.",
        [29],
    ),
    (
        "stemhulp-in-makkelijke-taal",
        "Stemhulp in makkelijke taal",
        date(2026, 2, 10),
        "",
        "verkiezingen",
        ["verkiezingen", "makkelijke taal"],
        "Een stemhulp helpt kiezers die lezen lastig vinden.",
        _p(
            "Met de stemhulp in makkelijke taal kunnen kiezers zelf kiezen. De vragen zijn kort "
            "en er staan plaatjes bij.",
        ),
        "",
        [29, 21],
    ),
    (
        "na-de-verkiezingen",
        "Na de verkiezingen: wat staat in de coalitieakkoorden?",
        date(2026, 5, 19),
        "Tessa Testbeeld",
        "verkiezingen",
        ["verkiezingen", "coalitieakkoord"],
        "Veel nieuwe coalitieakkoorden noemen inclusie. Nu komt het aan op uitvoeren.",
        _p(
            "Wij lazen de akkoorden van tientallen gemeenten. In veel akkoorden staat de Lokale "
            "Inclusie Agenda. Dat is een goed begin.",
        ),
        "",
        [4, 29],
    ),
    (
        "interview-stemmen-is-een-recht",
        "Interview: 'Stemmen is een recht, geen gunst'",
        date(2026, 2, 24),
        "Sanne Schijnnaam",
        "verkiezingen",
        ["2miljoenstemmen", "interview"],
        "Noor Naamloos is ervaringsdeskundige en helpt haar gemeente met toegankelijke verkiezingen.",
        _qa(
            (
                "Waarom doet u mee met #2MiljoenStemmen?",
                "Omdat ik vroeger niet zelf kon stemmen. Het stemhokje was te hoog voor mijn rolstoel.",
            ),
            (
                "Wat is er veranderd?",
                "De gemeente heeft alle stembureaus laten nalopen. Ik mocht meekijken.",
            ),
            (
                "Wat is uw tip voor andere gemeenten?",
                "Vraag het de mensen zelf. Wij zien dingen die u niet ziet.",
            ),
        ),
        "",
        [29],
    ),
    (
        "interview-samen-met-de-raad",
        "Interview: 'De raad luistert nu echt'",
        date(2026, 3, 3),
        "",
        "verkiezingen",
        ["2miljoenstemmen", "interview"],
        "Daan Denkbeeld is lid van een panel van ervaringsdeskundigen in zijn gemeente.",
        _qa(
            ("Wat doet het panel?", "Wij lezen plannen van de gemeente en zeggen wat beter kan."),
            (
                "Hoe helpt u bij de verkiezingen?",
                "Wij gaven uitleg over stemmen in makkelijke taal, in de bibliotheek en online.",
            ),
        ),
        "",
        [29],
    ),
]
INTERVIEWS = {"interview-stemmen-is-een-recht", "interview-samen-met-de-raad"}

LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" role="img">'
    "<title>#2MiljoenStemmen</title>"
    '<rect width="200" height="60" fill="#1d3f72"/>'
    '<text x="10" y="38" font-size="20" fill="#fff">#2MiljoenStemmen</text></svg>'
)


def _index(home, model, slug: str, dutch: tuple[str, str], english: tuple[str, str]):
    page = model.objects.first()
    if page is None:
        (title, introduction), (title_en, introduction_en) = dutch, english
        page = home.add_child(
            instance=model(
                title=title,
                slug=slug,
                introduction=introduction,
                title_en=title_en,
                introduction_en=introduction_en,
            )
        )
        page.save_revision().publish()
    return page


def _campaign(index: CampaignIndexPage) -> CampaignPage:
    campaign = CampaignPage.objects.filter(slug="2miljoenstemmen").first()
    if campaign is not None:
        return campaign
    logo = Document(title="Logo #2MiljoenStemmen")
    logo.file.save("2miljoenstemmen-logo.svg", ContentFile(LOGO_SVG.encode()), save=False)
    logo.save()
    today = timezone.localdate()
    campaign = index.add_child(
        instance=CampaignPage(
            title="#2MiljoenStemmen",
            slug="2miljoenstemmen",
            hashtag="2MiljoenStemmen",
            introduction=(
                "Ongeveer twee miljoen kiezers hebben een beperking. Met deze campagne laten wij "
                "zien: hun stem telt, bij elke verkiezing."
            ),
            start_date=today - timedelta(days=30),
            end_date=today + timedelta(days=120),
            why=(
                "<p>Stemmen is een recht. Toch kan niet iedereen zelfstandig stemmen. Een "
                "stembureau is niet toegankelijk, of de uitleg is te moeilijk.</p>"
                "<p>Na de gemeenteraadsverkiezingen van 2026 gaat de campagne door, op weg naar "
                "de volgende verkiezingen.</p>"
            ),
            take_part_persons=(
                "<ul><li>Deel online waarom stemmen voor u belangrijk is, met #2MiljoenStemmen."
                "</li><li>Zit u niet op sociale media? Mail uw verhaal naar "
                "campagne@example.org. Wij delen het voor u, als u dat wilt.</li>"
                "<li>Deel uw verhaal als stem op deze site.</li></ul>"
            ),
            take_part_organisations=(
                "<ul><li>Roep uw leden op om mee te doen.</li>"
                "<li>Zet de campagne op uw website en in uw nieuwsbrief.</li>"
                "<li>Deel uw eigen standpunten met #2MiljoenStemmen.</li></ul>"
            ),
            newsletter_text=(
                "Twee miljoen kiezers hebben een beperking. Hun stem telt. Doet u mee? Deel "
                "waarom stemmen belangrijk is met #2MiljoenStemmen, of vraag uw gemeente hoe "
                "toegankelijk de stembureaus zijn."
            ),
            logo=logo,
            logo_licence="CC BY 4.0: u mag het logo gebruiken als u de campagne noemt.",
        )
    )
    campaign.save_revision().publish()
    return campaign


def _reactions(article: NewsArticlePage) -> None:
    """Reactions in several states: approved, waiting, hidden and removed."""
    moderator = User.objects.filter(email="moderator@example.org").first()
    people = [UserFactory(email=email, display_name=name) for email, name in REACTORS]
    if moderator is None:
        return
    reaction_create(
        article=article,
        author=moderator,
        body_markdown="Fijn dat er een checklist is. Deel uw ervaringen gerust hieronder.",
    )
    approved = reaction_create(
        article=article,
        author=people[0],
        body_markdown="In onze gemeente is nu elk stembureau **drempelvrij**. Dat scheelt veel!",
    )
    post_approve(post=approved, moderator=moderator, reason="Past binnen de regels.")
    reaction_create(
        article=article,
        author=people[1],
        body_markdown="Hoe zit het met stemmen per brief? Dat zou ook helpen.",
    )  # stays waiting for a moderator
    hidden = reaction_create(
        article=article,
        author=people[2],
        body_markdown="Kijk op mijn site voor goedkope aanbiedingen.",
    )
    post_hide(post=hidden, moderator=moderator, reason="Reclame hoort niet bij een reactie.")
    removed = reaction_create(
        article=article, author=people[2], body_markdown="Dit is een reactie die niet klopt."
    )
    post_moderate(
        post=removed, moderator=moderator, action="remove", reason="Op verzoek van de schrijver."
    )


def load(*, scale: int, stdout) -> None:
    home = ensure_home_page()
    categories = {}
    for order, (slug, name, name_en) in enumerate(CATEGORIES):
        categories[slug], _created = NewsCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    news = _index(
        home,
        NewsIndexPage,
        "nieuws",
        ("Nieuws", "Nieuws uit het netwerk Iedereen doet mee!"),
        ("News", "News from the network Iedereen doet mee!"),
    )
    campaigns = _index(
        home,
        CampaignIndexPage,
        "campagnes",
        ("Campagnes", "Campagnes van het netwerk en zijn partners."),
        ("Campaigns", "Campaigns of the network and its partners."),
    )
    campaign = _campaign(campaigns)
    themes = {t.article: t for t in Theme.objects.all()}
    municipalities = list(MunicipalityPage.objects.order_by("title")[:3])
    created = 0
    for number, row in enumerate(ARTICLES):
        slug, title, day, author, category, tags, intro, body, easy, articles = row
        if NewsArticlePage.objects.filter(slug=slug).exists():
            continue
        page = NewsArticlePage(
            title=title,
            slug=slug,
            date=day,
            author_name=author,
            category=categories[category],
            introduction=intro,
            body=body,
            easy_read_summary=easy,
            kind=NewsArticlePage.Kind.INTERVIEW
            if slug in INTERVIEWS
            else NewsArticlePage.Kind.NEWS,
            campaign=campaign if "2miljoenstemmen" in tags else None,
        )
        page.tags.set(tags)
        page.themes.set([themes[a] for a in articles if a in themes])
        if number % 4 == 3 and municipalities:
            page.municipalities.set(municipalities[: 1 + number % 3])
        news.add_child(instance=page)
        page.save_revision().publish()
        created += 1
        if slug == "stembureaus-toegankelijker":
            _reactions(page)
        if slug == "na-de-verkiezingen":
            page.reactions_closed = True
            page.save_revision().publish()
    stdout.write(
        f"  news: {created} articles created, {NewsArticlePage.objects.count()} in total, "
        f"{Post.objects.filter(topic__category__slug='reacties-op-nieuws').count()} reactions"
    )
