"""Demo data of the voices app: stories and demands in plain Dutch, and supporting organisations."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from municipalities.models import MunicipalityPage
from network.factories import UserFactory
from network.models import NetworkSettings, User
from taxonomy.models import LifeDomain, Theme

from .models import CAMPAIGN_HASHTAG, Organisation, Position, Voice

ORGANISATIONS = [
    # (slug, name, kind, national, municipality titles, tags, status)
    (
        "ieder-in",
        "Ieder(in) regio Noord",
        "advocacy",
        False,
        ["Groningen", "Assen", "Leeuwarden"],
        [CAMPAIGN_HASHTAG],
        "approved",
    ),
    (
        "clientenraad-zwolle",
        "Cliëntenraad Sociaal Domein Zwolle",
        "client_council",
        False,
        ["Zwolle"],
        [CAMPAIGN_HASHTAG],
        "approved",
    ),
    (
        "adviesraad-utrecht",
        "Adviesraad Sociaal Domein Utrecht",
        "advisory_council",
        False,
        ["Utrecht"],
        [],
        "approved",
    ),
    (
        "zorggroep-de-linde",
        "Zorggroep De Linde",
        "care_provider",
        False,
        ["Apeldoorn", "Deventer"],
        [],
        "approved",
    ),
    (
        "sportclub-samen-sterk",
        "Sportclub Samen Sterk",
        "sports_club",
        False,
        ["Eindhoven"],
        [CAMPAIGN_HASHTAG],
        "approved",
    ),
    (
        "stichting-toegankelijk-nl",
        "Stichting Toegankelijk Nederland",
        "advocacy",
        True,
        [],
        [CAMPAIGN_HASHTAG],
        "pending",
    ),
]

POSITIONS = [
    (
        "ieder-in",
        "position",
        "Vervoer op maat moet op tijd komen",
        "Wij vragen gemeenten om afspraken te maken over **wachttijden** in het doelgroepenvervoer. Een rit die een uur te laat is, betekent een gemiste afspraak.",
    ),
    (
        "ieder-in",
        "action",
        "Stemmen verzamelen op de markt",
        "Op zaterdag staan we op de markt in Groningen. U kunt daar uw verhaal vertellen. Wij schrijven het met u op.",
    ),
    (
        "clientenraad-zwolle",
        "position",
        "Eén loket, één gesprek",
        "Mensen moeten hun verhaal maar één keer hoeven te vertellen. Wij willen dat de gemeente gegevens deelt als u dat goed vindt.",
    ),
]

# (title, body, municipality, CRPD articles, life domain slugs, name, display, easy read,
#  tags, author email or None (entered by the team), organisation slug, status)
VOICES = [
    (
        "Ik wil zelf de bus kunnen nemen",
        "Ik zit in een rolstoel. De bushalte bij mij in de straat heeft geen verhoogde stoep. Daarom moet ik altijd een taxi bellen. Dat kost veel tijd en ik moet een dag van tevoren bellen.\n\nMijn wens: maak alle haltes in mijn wijk toegankelijk.",
        "Groningen",
        [9, 20],
        ["vervoer"],
        "Sanne Mulder",
        "first",
        "Ik zit in een rolstoel.\nDe bushalte is te hoog.\nIk wil zelf met de bus.",
        [CAMPAIGN_HASHTAG],
        "lid@example.org",
        "",
        "published",
    ),
    (
        "Werk dat bij mij past",
        "Ik heb autisme. Ik kan goed werken, maar een sollicitatiegesprek is heel moeilijk voor mij. Ik wil dat de gemeente werkgevers helpt om anders te kijken. Laat mij een proefdag doen in plaats van een gesprek.",
        "Utrecht",
        [27],
        ["werk-en-inkomen"],
        "Daan Visser",
        "full",
        "",
        [CAMPAIGN_HASHTAG],
        "ervaringsdeskundige@example.org",
        "",
        "published",
    ),
    (
        "Een woning waar ik zelfstandig kan wonen",
        "Ik woon nog bij mijn ouders. Ik ben 31. Er zijn bijna geen woningen waar ik met begeleiding zelfstandig kan wonen. De wachtlijst is vijf jaar. Ik vraag de gemeenteraad: bouw meer van dit soort woningen.",
        "Zwolle",
        [19],
        ["wonen"],
        "Mila de Boer",
        "first",
        "Ik ben 31 jaar.\nIk woon nog bij mijn ouders.\nIk wil een eigen huis met hulp.\nDe wachtlijst is heel lang.",
        [CAMPAIGN_HASHTAG],
        None,
        "clientenraad-zwolle",
        "published",
    ),
    (
        "Uitleg in gewone taal",
        "Ik krijg brieven van de gemeente die ik niet begrijp. Ik heb een licht verstandelijke beperking. Ik schaam me om steeds hulp te vragen. Schrijf brieven in makkelijke taal, en zet er een telefoonnummer bij van iemand die het uitlegt.",
        "Eindhoven",
        [21],
        ["participatie"],
        "Kevin",
        "first",
        "Ik krijg brieven.\nIk snap ze niet.\nSchrijf brieven in makkelijke taal.",
        [],
        "lid@example.org",
        "",
        "published",
    ),
    (
        "Stemmen zonder hulp",
        "Bij de vorige verkiezingen kon ik niet zelf stemmen. Ik ben blind. Er was geen mal voor het stembiljet. Ik wil mijn stem geheim houden, net als iedereen.",
        "Amsterdam",
        [29],
        ["participatie"],
        "Yusuf Kaya",
        "full",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Sporten met mijn vrienden",
        "Ik wil graag voetballen bij een gewone club. Maar er is geen trainer die weet hoe hij met mijn beperking om moet gaan. Geef clubs geld om trainers op te leiden.",
        "Eindhoven",
        [30],
        ["vrije-tijd"],
        "Lotte",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "sportclub-samen-sterk",
        "published",
    ),
    (
        "Een school dicht bij huis",
        "Mijn zoon moet elke dag een uur met de taxi naar school. Er is in ons dorp geen school die hem kan helpen. Ik wil dat scholen in de buurt ondersteuning krijgen, zodat hij met zijn buurjongens naar school kan.",
        "Emmen",
        [24],
        ["onderwijs"],
        "Ingrid Smit",
        "first",
        "",
        [],
        None,
        "",
        "published",
    ),
    (
        "Geen drempels in het gemeentehuis",
        "Het loket in het gemeentehuis is te hoog voor mij. Ik moet omhoog praten en niemand ziet mij. Dat voelt niet fijn. Maak een lager loket.",
        "Almere",
        [9],
        ["openbare-ruimte"],
        "",
        "anonymous",
        "",
        [CAMPAIGN_HASHTAG],
        "lid@example.org",
        "",
        "published",
    ),
    (
        "Hulp bij het invullen van formulieren",
        "Ik heb een psychische aandoening. Op slechte dagen lukt het mij niet om formulieren in te vullen. Dan mis ik een termijn en stopt mijn uitkering. Ik vraag om een vast contactpersoon die meedenkt.",
        "Rotterdam",
        [28],
        ["werk-en-inkomen", "zorg-en-ondersteuning"],
        "",
        "anonymous",
        "Soms gaat het niet goed met mij.\nDan lukt een formulier niet.\nIk wil één vaste persoon die helpt.",
        [],
        None,
        "",
        "published",
    ),
    (
        "Toegankelijke speeltuin",
        "Mijn dochter zit in een rolstoel. In onze wijk is geen speeltuin waar zij kan spelen. Ze kijkt altijd toe. Ik wil één speeltuin in elke wijk waar alle kinderen samen kunnen spelen.",
        "Tilburg",
        [7, 30],
        ["vrije-tijd", "openbare-ruimte"],
        "Noura Haddad",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Doven willen ook meepraten",
        "Bij inspraakavonden van de gemeente is nooit een tolk gebarentaal. Ik ben doof. Zo kan ik niet meepraten over mijn eigen buurt. Regel standaard een tolk, en zet de stukken vooraf online.",
        "Nijmegen",
        [21, 29],
        ["participatie"],
        "Bram Koster",
        "full",
        "",
        [CAMPAIGN_HASHTAG],
        "ervaringsdeskundige@example.org",
        "",
        "published",
    ),
    (
        "Vervoer naar mijn dagbesteding",
        "Het busje naar mijn dagbesteding komt vaak te laat. Soms een uur. Dan ben ik onrustig en is mijn dag al niet meer goed. Ik wil dat het busje op tijd komt.",
        "Assen",
        [20],
        ["vervoer", "zorg-en-ondersteuning"],
        "Jan-Willem",
        "first",
        "Het busje komt te laat.\nDat maakt mij onrustig.\nIk wil dat het busje op tijd is.",
        [],
        None,
        "ieder-in",
        "published",
    ),
    (
        "Geld voor een aangepaste fiets",
        "Met een driewielfiets kan ik zelf boodschappen doen. De aanvraag duurt al acht maanden. Ik vraag de gemeente om sneller te beslissen over hulpmiddelen.",
        "Leeuwarden",
        [20, 26],
        ["vervoer"],
        "Hiske",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "ieder-in",
        "published",
    ),
    (
        "Zorg zonder wachtlijst",
        "Ik wacht al een jaar op hulp van een ggz-team. In die tijd ben ik mijn baan kwijtgeraakt. Hulp moet er zijn wanneer iemand die nodig heeft, niet een jaar later.",
        "Den Haag",
        [25],
        ["zorg-en-ondersteuning"],
        "",
        "anonymous",
        "",
        [],
        None,
        "",
        "published",
    ),
    (
        "Samen naar het theater",
        "Ik wil graag naar het theater, maar ik heb een begeleider nodig. Die moet ook een kaartje kopen. Dat is te duur. Geef begeleiders gratis toegang, zoals met de CJP-pas.",
        "Maastricht",
        [30],
        ["vrije-tijd"],
        "Anouk Peters",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Een baan bij de gemeente zelf",
        "De gemeente vraagt werkgevers om mensen met een beperking aan te nemen. Maar hoeveel mensen met een beperking werken er bij de gemeente zelf? Geef het goede voorbeeld.",
        "Apeldoorn",
        [27],
        ["werk-en-inkomen"],
        "Ruben Dijkstra",
        "full",
        "",
        [],
        "lid@example.org",
        "",
        "published",
    ),
    (
        "Stoepen zonder obstakels",
        "Ik ben slechtziend en loop met een stok. Op de stoep staan fietsen, borden en terrasjes. Ik bots er vaak tegenaan. Houd de stoep vrij en zorg voor een geleidelijn.",
        "Haarlem",
        [9, 20],
        ["openbare-ruimte"],
        "Gerda",
        "first",
        "Ik zie slecht.\nOp de stoep staan veel dingen.\nIk bots daar tegen.\nHoud de stoep vrij.",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Meedoen in de gemeenteraad",
        "Ik wil graag in de gemeenteraad. Maar vergaderingen duren tot laat in de avond en ik ben dan te moe door mijn ziekte. Kunnen vergaderingen korter, of overdag?",
        "Breda",
        [29],
        ["participatie"],
        "Femke van Leeuwen",
        "full",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Een vaste begeleider",
        "Elke keer komt er een andere begeleider bij mij thuis. Ik moet steeds opnieuw uitleggen wat ik nodig heb. Dat kost mij veel energie. Ik wil een vast gezicht.",
        "Deventer",
        [19, 26],
        ["zorg-en-ondersteuning", "wonen"],
        "Tom",
        "first",
        "",
        [],
        None,
        "zorggroep-de-linde",
        "published",
    ),
    (
        "Toegankelijke website van de gemeente",
        "Ik gebruik een schermlezer. Op de website van de gemeente kan ik geen afspraak maken, want de knoppen hebben geen naam. Zo moet ik altijd iemand om hulp vragen.",
        "Arnhem",
        [9, 21],
        ["participatie"],
        "Ahmed Bouali",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        "ervaringsdeskundige@example.org",
        "",
        "published",
    ),
    (
        "Niet te veel keukentafelgesprekken",
        "Ik heb een chronische ziekte die niet overgaat. Toch moet ik elk jaar opnieuw bewijzen dat ik hulp nodig heb. Geef mij een indicatie voor langere tijd.",
        "Enschede",
        [28],
        ["zorg-en-ondersteuning"],
        "",
        "anonymous",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Een stageplek voor mij",
        "Ik zit op het praktijkonderwijs. Ik wil stage lopen bij een garage. Maar de garages zeggen dat het te veel werk is om mij te begeleiden. Help bedrijven met een jobcoach.",
        "Lelystad",
        [24, 27],
        ["onderwijs", "werk-en-inkomen"],
        "Mohamed",
        "first",
        "Ik wil stage lopen.\nBij een garage.\nBedrijven hebben hulp nodig om mij te begeleiden.",
        [],
        None,
        "",
        "published",
    ),
    (
        "Een rustige ruimte in de bibliotheek",
        "Ik heb last van veel geluid en licht. In de bibliotheek is het druk. Een stille ruimte zou mij helpen om daar te lezen en te leren.",
        "Zwolle",
        [30],
        ["vrije-tijd"],
        "Eline",
        "first",
        "",
        [],
        None,
        "clientenraad-zwolle",
        "published",
    ),
    (
        "Landelijk: één regeling voor vervoer",
        "Ik woon op de grens van twee gemeenten. In de ene gemeente mag ik met de regiotaxi, in de andere niet. Maak één regeling voor het hele land.",
        None,
        [20],
        ["vervoer"],
        "Wim Hendriks",
        "full",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Landelijk: geen korting op mijn uitkering",
        "Als ik een paar uur per week ga werken, gaat mijn uitkering omlaag en krijg ik ingewikkelde formulieren. Werken moet lonen, ook voor mensen met een beperking.",
        None,
        [27, 28],
        ["werk-en-inkomen"],
        "Saskia",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        "lid@example.org",
        "",
        "published",
    ),
    (
        "Hulp voor mantelzorgers",
        "Ik zorg voor mijn broer met een verstandelijke beperking. Ik ben moe. Ik wil dat de gemeente ook naar mij kijkt, bijvoorbeeld met een logeerplek zodat ik even rust heb.",
        "Groningen",
        [19, 28],
        ["zorg-en-ondersteuning"],
        "Marloes",
        "first",
        "",
        [],
        None,
        "ieder-in",
        "published",
    ),
    (
        "Een toilet dat ik kan gebruiken",
        "In het centrum is geen openbaar toilet voor mensen in een rolstoel. Daarom blijf ik niet lang in de stad. Zorg voor een invalidentoilet dat altijd open is.",
        "Middelburg",
        [9],
        ["openbare-ruimte"],
        "Corrie",
        "first",
        "In de stad is geen wc voor mij.\nDaarom ga ik snel weer naar huis.",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Zelf kiezen wie mij helpt",
        "Met een persoonsgebonden budget kan ik zelf kiezen wie mij helpt. De gemeente maakt dat steeds moeilijker. Ik wil die keuze houden.",
        "Utrecht",
        [19],
        ["zorg-en-ondersteuning"],
        "Peter de Wit",
        "full",
        "",
        [],
        None,
        "adviesraad-utrecht",
        "published",
    ),
    (
        "Meer tijd bij de huisarts",
        "Ik praat langzaam door een hersenbeschadiging. Tien minuten bij de huisarts is te kort. Ik wil een dubbel consult zonder dat ik daar steeds om moet vragen.",
        "Amsterdam",
        [25],
        ["zorg-en-ondersteuning"],
        "",
        "anonymous",
        "",
        [],
        None,
        "",
        "published",
    ),
    (
        "Uitnodigen voor de avond over de wijk",
        "Ik hoor nooit iets over plannen voor mijn wijk. De uitnodigingen komen alleen online. Stuur ook een brief, in makkelijke taal.",
        "Emmen",
        [21, 29],
        ["participatie"],
        "Henk",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        None,
        "",
        "published",
    ),
    (
        "Liften die het doen",
        "De lift op het station is vaak kapot. Dan kan ik niet naar mijn werk. Ik wil dat de gemeente met de NS afspraken maakt over snelle reparatie.",
        "Amersfoort",
        [9, 20],
        ["vervoer"],
        "Ilse",
        "first",
        "",
        [CAMPAIGN_HASHTAG],
        "lid@example.org",
        "",
        "pending",
    ),
    (
        "Toegankelijke vakantie",
        "Ik wil op vakantie in eigen land. Er zijn bijna geen huisjes met een aangepaste badkamer. Kan de gemeente dat bij nieuwe parken verplichten?",
        "Texel",
        [30],
        ["vrije-tijd"],
        "Jolanda",
        "first",
        "",
        [],
        "ervaringsdeskundige@example.org",
        "",
        "pending",
    ),
    (
        "Mijn verhaal over de Wmo",
        "Het gesprek duurde lang en ik voelde mij niet gehoord. Mijn buurman Jansen van nummer 12 had hetzelfde.",
        "Zwolle",
        [19],
        ["zorg-en-ondersteuning"],
        "Lid Lotte",
        "first",
        "",
        [],
        "lid@example.org",
        "",
        "changes_requested",
    ),
]

ON_BEHALF = {
    # voice titles entered by the team: (how consent was given, by whom)
    "Een woning waar ik zelfstandig kan wonen": (
        "meeting",
        "Mila de Boer zelf, op de bijeenkomst in Zwolle",
    ),
    "Stemmen zonder hulp": ("phone", "Yusuf Kaya zelf, aan de telefoon"),
    "Zorg zonder wachtlijst": ("email", "De persoon zelf, per e-mail"),
    "Vervoer naar mijn dagbesteding": ("paper", "Zijn moeder, als wettelijk vertegenwoordiger"),
}


def _municipality(title: str | None):
    if not title:
        return None
    return MunicipalityPage.objects.filter(title=title).first()


def load(*, scale: int, stdout) -> None:
    team = UserFactory(email="team@example.org", display_name="Projectteam VNG")
    # "Geen social media? Mail of bel ons" needs a phone number as well as the email address.
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = NetworkSettings.for_site(site)
        if not contact.contact_phone:
            contact.contact_phone = "0800 123 4567"
            contact.save(update_fields=["contact_phone"])
    organisations = {}
    for slug, name, kind, national, places, tags, status in ORGANISATIONS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=slug,
                name=name,
                kind=kind,
                is_national=national,
                website=f"https://{slug}.example.org",
                description="Wij komen op voor mensen met een beperking en delen hun stemmen.",
                contact_name="Contactpersoon " + name.split()[-1],
                contact_email=f"info@{slug}.example.org",
                status=status,
            )
            organisation.municipalities.set(
                [m for m in (_municipality(title) for title in places) if m is not None]
            )
            organisation.tags.set(tags)
        organisations[slug] = organisation
    lid = User.objects.filter(email="lid@example.org").first()
    if lid is not None:
        organisations["ieder-in"].members.add(lid)
    for slug, kind, title, body in POSITIONS:
        Position.objects.get_or_create(
            organisation=organisations[slug],
            title=title,
            defaults={"kind": kind, "body_markdown": body, "author": team},
        )
    if not Voice.objects.filter(title=VOICES[0][0]).exists():
        _load_voices(organisations, team)
    if scale > 1 and not Voice.objects.filter(title__startswith="Schaaltest").exists():
        bulk_voices(count=1000 * scale)
    stdout.write(
        f"  voices: {Voice.objects.count()} voices, {Organisation.objects.count()} organisations"
    )


def _load_voices(organisations: dict, team) -> None:
    themes = {theme.article: theme for theme in Theme.objects.all()}
    domains = {domain.slug: domain for domain in LifeDomain.objects.all()}
    today = timezone.localdate()
    for index, row in enumerate(VOICES):
        (
            title,
            body,
            place,
            articles,
            domain_slugs,
            name,
            display,
            easy,
            tags,
            email,
            org,
            status,
        ) = row
        author = UserFactory(email=email) if email else None
        method, given_by = ON_BEHALF.get(
            title, ("online", author.get_full_name() if author else "")
        )
        if author is None and title not in ON_BEHALF:
            method, given_by = ("meeting", f"{name or 'De persoon'} zelf, op een bijeenkomst")
        voice = Voice(
            title=title,
            body_markdown=body,
            easy_read_markdown=easy,
            municipality=_municipality(place),
            date=today - timedelta(days=index * 2),
            name=name,
            display=display,
            consent_publish=True,
            consent_contact=index % 3 == 0,
            contact_details="via het projectteam" if index % 3 == 0 else "",
            consent_method=method,
            consent_given_by=given_by,
            status=status,
            author=author,
            entered_by=None if author else team,
            organisation=organisations.get(org) if org else None,
            published_at=timezone.now() - timedelta(days=index * 2)
            if status == "published"
            else None,
        )
        if status == "changes_requested":
            voice.moderation_note = (
                "Wilt u de naam van uw buurman weghalen? Dan publiceren we uw stem."
            )
        voice.full_clean()
        voice.save()
        voice.themes.set([themes[a] for a in articles if a in themes])
        voice.life_domains.set([domains[s] for s in domain_slugs if s in domains])
        voice.tags.set(tags)


def bulk_voices(*, count: int) -> None:
    """Many published voices at once (benchmarks): spread over municipalities and themes."""
    municipalities = list(MunicipalityPage.objects.values_list("pk", flat=True)[:400]) or [None]
    themes = list(Theme.objects.all())
    today = timezone.localdate()
    now = timezone.now()
    voices = [
        Voice(
            title=f"Schaaltest {number}",
            body_markdown="Ik wil meedoen, net als iedereen. Dit is een testverhaal.",
            body_html="<p>Ik wil meedoen, net als iedereen. Dit is een testverhaal.</p>",
            municipality_id=municipalities[number % len(municipalities)],
            date=today - timedelta(days=number % 700),
            name="Test Persoon",
            display=Voice.Display.FIRST_NAME,
            consent_publish=True,
            status=Voice.Status.PUBLISHED,
            published_at=now,
        )
        for number in range(count)
    ]
    created = Voice.objects.bulk_create(voices, batch_size=1000)
    if themes:
        Through = Voice.themes.through
        Through.objects.bulk_create(
            [
                Through(voice_id=voice.pk, theme_id=themes[i % len(themes)].pk)
                for i, voice in enumerate(created)
            ],
            batch_size=2000,
        )
