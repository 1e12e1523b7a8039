"""Demo data of the foundation: the page tree, site settings and one account per role."""

from django.conf import settings
from wagtail.models import Site

from .factories import DEFAULT_PASSWORD, UserFactory
from .models import NetworkSettings, StandardPage, User
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
        "introduction": "Gemeenten die het manifest ondertekenen, maken werk van het VN-verdrag Handicap.",
        "show_in_menus": True,
        "body": [
            _rich(
                "<p>De ondertekenaars beloven onder meer: ervaringsdeskundigen vanaf het begin te "
                "betrekken, een Lokale Inclusie Agenda op te stellen en uit te voeren, en van elkaar "
                "te leren.</p>"
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
                "<p>Wij verwerken alleen wat nodig is: uw account, uw aanmeldingen en uw berichten. "
                "Toegankelijkheidswensen bij een aanmelding bewaren we alleen met uw toestemming en "
                "wissen we na afloop van de bijeenkomst. Via uw profiel kunt u uw gegevens downloaden "
                "of uw account verwijderen.</p>"
            )
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheidsverklaring",
        "introduction": "Deze website wil voor iedereen bruikbaar zijn en voldoet aan WCAG 2.2 niveau AA.",
        "show_in_menus": False,
        "body": [
            _rich(
                "<p>Elke paginasoort en elk formulier wordt automatisch getest met axe-core en de "
                "W3C Nu HTML Checker, en met het toetsenbord doorlopen. Loopt u toch tegen een "
                "probleem aan? Laat het ons weten via het contactadres onderaan de pagina.</p>"
            )
        ],
    },
]


def load(*, scale: int, stdout) -> None:
    home = ensure_home_page()
    for spec in STANDARD_PAGES:
        if not StandardPage.objects.filter(slug=spec["slug"]).exists():
            home.add_child(instance=StandardPage(**spec)).save_revision().publish()
    site = Site.objects.get(is_default_site=True)
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
