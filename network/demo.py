"""Demo data of the foundation: the page tree, site settings and one account per role."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from .factories import DEFAULT_PASSWORD, UserFactory
from .models import (
    AccessibilityGap,
    AccessibilityStatementPage,
    BasePage,
    ComplianceStatus,
    NetworkSettings,
    StandardPage,
    User,
)
from .pages import ensure_home_page
from .roles import EXPERT_BY_EXPERIENCE, MODERATOR, MUNICIPAL_OFFICIAL, PROJECT_TEAM

ACCOUNTS = [
    ("admin@example.org", "Beheerder", [], True),
    ("team@example.org", "Projectteam VNG", [PROJECT_TEAM], False),
    ("moderator@example.org", "Moderator Mo", [MODERATOR], False),
    ("ambtenaar@example.org", "Anne Ambtenaar", [MUNICIPAL_OFFICIAL], False),
    ("ervaringsdeskundige@example.org", "Eva Ervaring", [EXPERT_BY_EXPERIENCE], False),
    ("lid@example.org", "Lid Lotte", [], False),
]


def _rich(text: str) -> dict:
    return {"type": "paragraph", "value": text}


STANDARD_PAGES = [
    {
        "slug": "over-het-netwerk",
        "title": "Over het netwerk",
        "introduction": "Iedereen doet mee! verbindt gemeenten die werken aan een inclusieve samenleving.",
        "show_in_menus": True,
        "body": [
            _rich(
                "<p>Het VN-verdrag Handicap vraagt gemeenten om ervoor te zorgen dat mensen met een "
                "beperking volwaardig mee kunnen doen. Met een Lokale Inclusie Agenda (LIA) maakt een "
                "gemeente zichtbaar hoe zij dat aanpakt, samen met ervaringsdeskundigen.</p>"
            )
        ],
    },
    {
        "slug": "manifest",
        "title": "Manifest Iedereen doet mee!",
        "introduction": (
            "Voorloper-gemeenten schreven het manifest 'Iedereen doet mee!'. Gemeenten die het "
            "tekenden, beloofden werk te maken van het VN-verdrag Handicap."
        ),
        "easy_read_summary": (
            "Het manifest was een belofte van gemeenten.\n"
            "De gemeente beloofde: mensen met een beperking doen overal mee.\n"
            "De gemeente praat eerst met mensen met een beperking. Daarna maakt zij een plan.\n"
            "Dat plan heet de Lokale Inclusie Agenda.\n"
            "Sinds 2020 tekenen gemeenten het manifest niet meer. Het netwerk gaat door met het werk."
        ),
        "show_in_menus": True,
        "body": [
            _rich(
                "<p>De gemeenten beloofden om in hun eigen gemeente te werken aan het VN-verdrag "
                "Handicap. Ze beloofden:</p><ul><li>een Lokale Inclusie Agenda te maken, samen met "
                "mensen met een beperking;</li><li>ervaringsdeskundigen te betrekken bij elke "
                "stap;</li><li>gebouwen, informatie, werk en vrije tijd toegankelijk te maken voor "
                "iedereen;</li><li>van elkaar te leren en te delen wat werkt.</li></ul>"
            )
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacyverklaring",
        "introduction": "Welke gegevens wij verwerken, waarom, en welke rechten u heeft.",
        "show_in_menus": False,
        "body": [
            _rich(
                "<p>Wij verwerken alleen wat nodig is voor het netwerk. Hieronder staat per soort "
                "gegeven wat we bewaren, waarom en hoe lang. Via uw profiel kunt u al uw gegevens "
                "downloaden of uw account verwijderen.</p>"
            ),
            _rich(
                "<ul>"
                "<li><b>Uw account</b>: naam, e-mailadres, organisatie, rol en taal. Nodig om in "
                "te loggen en u berichten te sturen. We bewaren het tot u uw account verwijdert."
                "</li>"
                "<li><b>Inschrijvingen voor bijeenkomsten</b>: naam, e-mailadres, organisatie en "
                "rol. We bewaren ze zolang de bijeenkomst in de agenda staat.</li>"
                "<li><b>Toegankelijkheidswensen</b> (zoals een tolk NGT of een prikkelarme "
                "ruimte): dit zijn gegevens over uw gezondheid. We bewaren ze alleen met uw "
                "toestemming, alleen de organisator en het projectteam zien ze, en we wissen ze "
                "7 dagen na de bijeenkomst. Elke keer dat iemand ze bekijkt of downloadt, leggen "
                "we vast wie dat was en wanneer.</li>"
                "<li><b>Stemmen</b>: uw verhaal, uw naam zoals u die kiest (uw naam, alleen uw "
                "voornaam of anoniem) en uw contactgegevens. We tonen een stem alleen met uw "
                "toestemming. Bij een anonieme stem staat uw naam nergens op de site, niet in "
                "feeds en niet in exports. Uw contactgegevens ziet alleen het projectteam. U kunt "
                "een stem altijd intrekken; verwijdert u uw account, dan trekken we uw stemmen in "
                "en halen we uw naam en contactgegevens eruit.</li>"
                "<li><b>Matchaanvragen</b>: de vraag van uw gemeente en de naam en het "
                "e-mailadres van de contactpersoon. Het projectteam en de gemeenten in de match "
                "zien ze. Verwijdert u uw account, dan blijven uw contactgegevens bij de aanvraag "
                "staan zolang de match loopt, zodat de andere gemeente u kan bereiken; vraag het "
                "projectteam als u ze eerder weg wilt hebben.</li>"
                "<li><b>Forumberichten, steun voor prioriteiten en gevolgde gemeenten</b>: wat u "
                "schrijft en volgt, met uw naam. We bewaren het tot u het verwijdert of uw account "
                "verwijdert.</li>"
                "<li><b>Sollicitaties op stageplaatsen</b>: uw motivatie en eventuele "
                "toegankelijkheidswensen. De wensen wissen we 30 dagen nadat de stage is "
                "afgelopen.</li>"
                "<li><b>Inloggen</b>: voor het projectteam, moderatoren en beheerders leggen we "
                "vast wanneer zij inloggen, omdat zij gevoelige gegevens kunnen zien.</li>"
                "</ul>"
            ),
            _rich(
                "<p>U heeft het recht om uw gegevens in te zien, te verbeteren en te laten "
                "verwijderen. Heeft u een vraag of een klacht over uw gegevens? Mail het "
                "projectteam. Komen we er samen niet uit, dan kunt u een klacht indienen bij de "
                "Autoriteit Persoonsgegevens.</p>"
            ),
        ],
    },
]


STATEMENT_SLUG = "toegankelijkheid"

# The known gaps are real gaps of this site today: problem and criterion in Dutch and English,
# and in how many days each is fixed.
KNOWN_GAPS = [
    (
        "Pagina's, praktijkvoorbeelden en categorieën zijn nog niet allemaal in het Engels. Op "
        "de Engelse site staat dan de Nederlandse tekst, en niet overal is die als Nederlands "
        "gemarkeerd.",
        "3.1.2 Taal van onderdelen",
        "Not all pages, practices and categories are in English yet. The English site then "
        "shows the Dutch text, and it is not marked as Dutch everywhere.",
        "3.1.2 Language of Parts",
        365,
    ),
    (
        "Documenten die gemeenten zelf uploaden, zoals hun Lokale Inclusie Agenda als PDF, zijn "
        "niet altijd toegankelijk. We vragen gemeenten om ook een webpagina of een toegankelijke "
        "PDF.",
        "1.1.1 Niet-tekstuele content; 1.3.1 Info en relaties",
        "Documents that municipalities upload themselves, such as their Local Inclusion Agenda "
        "as a PDF, are not always accessible. We ask municipalities for a web page or an "
        "accessible PDF as well.",
        "1.1.1 Non-text Content; 1.3.1 Info and Relationships",
        180,
    ),
    (
        "Niet bij elke pagina staat al een samenvatting in makkelijke taal of een video in "
        "Nederlandse Gebarentaal.",
        "",
        "Not every page has a summary in easy language or a video in Sign Language of the "
        "Netherlands yet.",
        "",
        270,
    ),
]


def _accessibility_statement(home, contact_email: str) -> None:
    """The statement in the Dutch model format; an older text page at its address stays."""
    if (
        AccessibilityStatementPage.objects.exists()
        or home.get_children().filter(slug=STATEMENT_SLUG).exists()
    ):
        return
    today = timezone.localdate()
    checked = today - datetime.timedelta(days=30)
    page = AccessibilityStatementPage(
        title="Toegankelijkheidsverklaring",
        slug=STATEMENT_SLUG,
        introduction=(
            "Iedereen doet mee! wil dat iedereen deze website kan gebruiken. Hier leest u hoe "
            "toegankelijk de site is, wat nog niet goed gaat en waar u een probleem meldt."
        ),
        status=ComplianceStatus.B,
        scope="iedereendoetmee.example.org: alle openbare pagina's, formulieren en het forum.",
        statement_date=today,
        checked_on=checked,
        check_method=(
            "Het projectteam test elke paginasoort en elk formulier bij elke wijziging "
            "automatisch met axe-core (WCAG 2.2 niveau A en AA) en de W3C Nu HTML Checker, in "
            "Chromium. Ook doorlopen we elke taak alleen met het toetsenbord. Twee keer per jaar "
            "testen ervaringsdeskundigen de site met een schermlezer, vergroting en spraak."
        ),
        contact_email=contact_email,
        response_days=5,
        complaint_route=(
            "<p>Bent u niet tevreden over ons antwoord? Dan kunt u een klacht indienen bij de "
            "VNG. Helpt dat ook niet, dan kunt u terecht bij de Nationale ombudsman.</p>"
        ),
    )
    for order, (description, criterion, description_en, criterion_en, days) in enumerate(
        KNOWN_GAPS
    ):
        page.gaps.add(
            AccessibilityGap(
                sort_order=order,
                description=description,
                criterion=criterion,
                description_en=description_en,
                criterion_en=criterion_en,
                planned_fix=today + datetime.timedelta(days=days),
            )
        )
    home.add_child(instance=page).save_revision().publish()


HOME_EASY_READ = (
    "Op deze website werken gemeenten samen.\n"
    "Zij willen dat iedereen mee kan doen. Ook mensen met een beperking.\n"
    "Hier vindt u voorbeelden van andere gemeenten.\n"
    "U kunt naar een bijeenkomst komen.\n"
    "U kunt een vraag stellen op het forum.\n"
    "En u kunt vertellen wat u belangrijk vindt in uw gemeente."
)


# The English of the main pages, by slug ("home" for the home page).
ENGLISH_JSON = Path(__file__).resolve().parent / "data" / "demo_english.json"


def _add_english(page: BasePage, english: dict) -> None:
    """Publishes the English of a demo page once; an editor's own translation is kept."""
    page = page.specific
    if page.title_en:
        return
    for field, value in english.items():
        if field == "body_en":
            value = [_rich(html) for html in value]
        setattr(page, field, value)
    page.save_revision().publish()


def load(*, scale: int, stdout) -> None:
    home = ensure_home_page()
    if not home.easy_read_summary:
        home.easy_read_summary = HOME_EASY_READ
        home.save_revision().publish()
    for spec in STANDARD_PAGES:
        if not StandardPage.objects.filter(slug=spec["slug"]).exists():
            home.add_child(instance=StandardPage(**spec)).save_revision().publish()
    _accessibility_statement(home, "iedereendoetmee@example.org")
    with ENGLISH_JSON.open(encoding="utf-8") as handle:
        english = json.load(handle)
    for page in home.get_children().filter(slug__in=list(english)).specific():
        _add_english(page, english[page.slug])
    _add_english(home, english["home"])
    site = Site.objects.get(is_default_site=True)
    _site_at_public_address(site)
    network_settings = NetworkSettings.for_site(site)
    network_settings.contact_email = "iedereendoetmee@example.org"
    network_settings.footer_text = (
        "<p>Een netwerk van gemeenten, ervaringsdeskundigen en de VNG.</p>"
    )
    network_settings.save()

    for email, name, roles, is_superuser in ACCOUNTS:
        user = UserFactory(email=email, display_name=name, roles=roles)
        if is_superuser and not user.is_superuser:
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
    if settings.DEMO_DATA_PRINT_ACCOUNTS:
        stdout.write(f"Accounts (password for all: {DEFAULT_PASSWORD}):")
        for email, _name, roles, is_superuser in ACCOUNTS:
            label = "superuser" if is_superuser else (", ".join(roles) or "member")
            stdout.write(f"  {email:36} {label}")
    stdout.write(
        f"  {User.objects.count()} accounts, {StandardPage.objects.count()} standard pages"
    )


def _site_at_public_address(site: Site) -> None:
    """Give the site the configured public address, not Wagtail's first `localhost`.

    Page links outside a request (the XML sitemap, calendar files) use the site's address.
    """
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not address.hostname:
        return
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save(update_fields=["hostname", "port"])
