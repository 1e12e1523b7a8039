"""Demo data of the forum: believable threads, a few posts waiting for a moderator, reports."""

from datetime import timedelta

from django.utils import timezone

from municipalities.models import MunicipalityPage
from network.factories import UserFactory
from network.markdown import render_markdown
from network.models import User

from .models import Category, Flag, ModerationAction, Post, Topic, WatchedWord
from .services import topic_refresh

CATEGORIES = [
    {
        "slug": "toegankelijke-verkiezingen",
        "name": "Toegankelijke verkiezingen",
        "description": "Stembureaus, stempassen en uitleg: hoe kan iedereen zelfstandig stemmen?",
        "name_en": "Accessible elections",
        "description_en": "Polling stations, voting passes and explanations: how can everyone vote independently?",
        "order": 10,
    },
    {
        "slug": "ervaringsdeskundigen-betrekken",
        "name": "Ervaringsdeskundigen betrekken",
        "description": "Panels, vergoedingen en samenwerken op gelijke voet.",
        "name_en": "Involving experts by experience",
        "description_en": "Panels, fees and working together as equals.",
        "order": 20,
    },
    {
        "slug": "lokale-inclusie-agenda",
        "name": "Lokale Inclusie Agenda",
        "description": "Van verkenning tot evaluatie: ervaringen met het opstellen en uitvoeren van een LIA.",
        "name_en": "Local Inclusion Agenda",
        "description_en": "From first steps to evaluation: experiences with writing and carrying out a LIA.",
        "order": 30,
    },
    {
        "slug": "vragen-aan-het-projectteam",
        "name": "Vragen aan het projectteam",
        "description": "Stel uw vraag aan het projectteam van de VNG. Een moderator leest elk bericht eerst.",
        "name_en": "Questions for the project team",
        "description_en": "Ask the VNG project team your question. A moderator reads every post first.",
        "order": 40,
        "requires_approval": True,
    },
    {
        "slug": "ambtenarenoverleg",
        "name": "Ambtenarenoverleg",
        "description": "Voor leden: afstemming tussen beleidsmedewerkers, niet openbaar.",
        "name_en": "Officials' consultation",
        "description_en": "For members: coordination between policy officers, not public.",
        "order": 50,
        "is_public": False,
    },
]

EXTRA_MEMBERS = [
    ("jeroen.bakker@example.org", "Jeroen Bakker (gemeente Zwolle)"),
    ("fatima.elamrani@example.org", "Fatima El Amrani"),
    ("petra.devries@example.org", "Petra de Vries"),
    ("nieuw.lid@example.org", "Nieuw Lid Noor"),
]

# (category slug, title, municipality title or None, posts as (author email, text))
THREADS = [
    (
        "toegankelijke-verkiezingen",
        "Hoe maken jullie stembureaus toegankelijk voor rolstoelgebruikers?",
        "Utrecht",
        [
            (
                "ambtenaar@example.org",
                "Bij de laatste verkiezingen bleken drie van onze stembureaus een drempel te hebben. "
                "Welke checklist gebruiken jullie bij het **schouwen** van locaties?",
            ),
            (
                "ervaringsdeskundige@example.org",
                "Wij lopen elke locatie samen met ervaringsdeskundigen na. Let naast drempels ook op:\n\n"
                "- een verlaagd stemhokje\n- voldoende draairuimte\n- een loep en een leesliniaal\n\n"
                "De checklist van [ProDemos](https://prodemos.nl) is een goed begin.",
            ),
            (
                "jeroen.bakker@example.org",
                "In Zwolle hebben we mobiele hellingbanen aangeschaft die per stembureau worden "
                "geplaatst. Kosten vielen mee, ongeveer 300 euro per stuk.",
            ),
        ],
    ),
    (
        "toegankelijke-verkiezingen",
        "Stemmen met een leesbeperking: ervaringen met de stemmal?",
        None,
        [
            (
                "fatima.elamrani@example.org",
                "Heeft iemand al ervaring met de stemmal voor blinde en slechtziende kiezers? "
                "Hoe hebben jullie de stembureauleden getraind?",
            ),
            (
                "ervaringsdeskundige@example.org",
                "Ja! Oefen vooral vooraf met de mal, en leg bij de ingang uit dat hij er is. "
                "Een audio-uitleg van de kandidatenlijst helpt ook enorm.",
            ),
        ],
    ),
    (
        "ervaringsdeskundigen-betrekken",
        "Welke vergoeding geven jullie aan het ervaringsdeskundigenpanel?",
        "Almere",
        [
            (
                "ambtenaar@example.org",
                "We willen ons panel een passende vergoeding geven zonder dat dit gevolgen heeft "
                "voor een uitkering. Hoe pakken andere gemeenten dit aan?",
            ),
            (
                "petra.devries@example.org",
                "Wij werken met een vrijwilligersvergoeding binnen de fiscale grens, en bespreken "
                "vooraf met ieder panellid wat past. Belangrijk: vraag het na bij de afdeling "
                "Werk en Inkomen.",
            ),
            (
                "ervaringsdeskundige@example.org",
                "Als ervaringsdeskundige vind ik het vooral belangrijk dat de vergoeding gelijk is "
                "aan die van andere adviesraden. *Gelijkwaardigheid* begint daar.",
            ),
        ],
    ),
    (
        "ervaringsdeskundigen-betrekken",
        "Ervaringsdeskundigen vanaf het begin betrekken: hoe vroeg is vroeg?",
        None,
        [
            (
                "jeroen.bakker@example.org",
                "Vaak worden ervaringsdeskundigen pas gevraagd als het plan al klaar is. Wie heeft "
                "een voorbeeld van betrekken in de verkenningsfase?",
            ),
            (
                "ervaringsdeskundige@example.org",
                "> Wie heeft een voorbeeld van betrekken in de verkenningsfase?\n\n"
                "In onze gemeente schreven we samen de vraagstelling van de LIA. Dat gaf meteen "
                "vertrouwen.",
            ),
        ],
    ),
    (
        "lokale-inclusie-agenda",
        "Lokale Inclusie Agenda: hoe houden jullie de uitvoering levend?",
        "Utrecht",
        [
            (
                "ambtenaar@example.org",
                "Onze LIA is vastgesteld, maar na een jaar zakt de aandacht weg. Hoe zorgen jullie "
                "dat de agenda op de kaart blijft?",
            ),
            (
                "petra.devries@example.org",
                "Wij rapporteren elk half jaar aan de raad, samen met het panel. En we hebben per "
                "afdeling een *inclusie-ambassadeur*.",
            ),
            (
                "jeroen.bakker@example.org",
                "Goed idee van die ambassadeurs. Wij koppelen de LIA aan de begrotingscyclus, dan "
                "moet er wel over gesproken worden.",
            ),
        ],
    ),
    (
        "lokale-inclusie-agenda",
        "Evaluatie van de LIA: welke indicatoren gebruiken jullie?",
        None,
        [
            (
                "fatima.elamrani@example.org",
                "We gaan onze LIA evalueren. Naast cijfers willen we ook verhalen ophalen. Wie "
                "heeft een goede aanpak?",
            ),
        ],
    ),
    (
        "vragen-aan-het-projectteam",
        "Is er een landelijke bijeenkomst over het VN-verdrag dit najaar?",
        None,
        [
            (
                "petra.devries@example.org",
                "Ik hoorde dat er een landelijke dag komt. Weet het projectteam al een datum?",
            ),
            (
                "team@example.org",
                "Zeker, de datum staat binnenkort in de agenda. We laten het hier weten.",
            ),
        ],
    ),
    (
        "ambtenarenoverleg",
        "Afstemming regionale aanpak arbeidsmarktregio",
        None,
        [
            (
                "ambtenaar@example.org",
                "Zullen we in de arbeidsmarktregio één gezamenlijke aanpak voor werkgevers maken?",
            ),
            (
                "jeroen.bakker@example.org",
                "Graag. Ik plan een overleg in en stuur een uitnodiging.",
            ),
        ],
    ),
]

WATCHED_WORDS = [
    ("casino*", WatchedWord.Action.BLOCK),
    ("viagra", WatchedWord.Action.BLOCK),
    ("bsn", WatchedWord.Action.QUEUE),
    ("burgerservicenummer", WatchedWord.Action.QUEUE),
]


def _user(email: str) -> User:
    user = User.objects.filter(email=email).first()
    return user or UserFactory(email=email)


def load(*, scale: int, stdout) -> None:
    for spec in CATEGORIES:
        Category.objects.get_or_create(slug=spec["slug"], defaults=spec)
    for word, action in WATCHED_WORDS:
        WatchedWord.objects.get_or_create(word=word, defaults={"action": action})
    for email, name in EXTRA_MEMBERS:
        UserFactory(email=email, display_name=name)
    if not Topic.objects.filter(title=THREADS[0][1]).exists():
        _load_threads()
    if scale > 1 and not Topic.objects.filter(title__startswith="Schaaltest").exists():
        category = Category.objects.get(slug="lokale-inclusie-agenda")
        authors = list(User.objects.filter(email__in=[e for e, _n in EXTRA_MEMBERS]))
        bulk_topics(category=category, count=200 * scale, posts_per_topic=5, authors=authors)
    stdout.write(f"  forum: {Topic.objects.count()} topics, {Post.objects.count()} posts")


def _load_threads() -> None:
    now = timezone.now()
    Theme = Topic.themes.field.related_model
    themes = list(Theme.objects.all()[:3])
    for index, (slug, title, municipality_title, posts) in enumerate(THREADS):
        started = now - timedelta(days=30 - index * 3)
        municipality = (
            MunicipalityPage.objects.filter(title=municipality_title).first()
            if municipality_title
            else None
        )
        topic = Topic.objects.create(
            category=Category.objects.get(slug=slug),
            title=title,
            author=_user(posts[0][0]),
            municipality=municipality,
            created=started,
            last_activity_at=started,
        )
        if themes and index % 2 == 0:
            topic.themes.set(themes[index % len(themes) :][:2])
        for number, (email, text) in enumerate(posts):
            Post.objects.create(
                topic=topic,
                author=_user(email),
                body_markdown=text,
                status=Post.Status.VISIBLE,
                created=started + timedelta(hours=5 * number),
            )
        topic_refresh(topic)
    _load_moderation_examples(now)


def _load_moderation_examples(now) -> None:
    """Posts waiting for approval and reported posts, so the moderation queue has work."""
    vote = Topic.objects.get(title=THREADS[0][1])
    lia = Topic.objects.get(title=THREADS[4][1])
    newcomer = _user("nieuw.lid@example.org")
    member = _user("lid@example.org")
    Post.objects.create(
        topic=vote,
        author=newcomer,
        body_markdown="Wij hebben ook goede ervaringen met een stembureau aan huis. Wie nog meer?",
        status=Post.Status.PENDING,
        created=now - timedelta(hours=20),
    )
    Post.objects.create(
        topic=lia,
        author=member,
        body_markdown="Mijn buurman heeft BSN 123456782 en wil graag meedoen aan het panel.",
        status=Post.Status.PENDING,
        created=now - timedelta(hours=8),
    )
    reported = Post.objects.create(
        topic=lia,
        author=_user("petra.devries@example.org"),
        body_markdown="Bezoek mijn webwinkel voor de beste hulpmiddelen: [klik hier](https://example.com).",
        status=Post.Status.VISIBLE,
        created=now - timedelta(hours=6),
        flag_count=2,
    )
    for email, reason in (
        ("ambtenaar@example.org", Flag.Reason.SPAM),
        ("jeroen.bakker@example.org", Flag.Reason.OFF_TOPIC),
    ):
        Flag.objects.create(post=reported, user=_user(email), reason=reason)
    hidden = Post.objects.create(
        topic=vote,
        author=_user("fatima.elamrani@example.org"),
        body_markdown="Dit is allemaal onzin, stop ermee.",
        status=Post.Status.HIDDEN,
        created=now - timedelta(hours=4),
        flag_count=3,
    )
    for email in (
        "ambtenaar@example.org",
        "jeroen.bakker@example.org",
        "petra.devries@example.org",
    ):
        Flag.objects.create(post=hidden, user=_user(email), reason=Flag.Reason.OFFENSIVE)
    ModerationAction.objects.create(
        action=ModerationAction.Action.AUTO_HIDE,
        post=hidden,
        target_user=hidden.author,
        reason="Automatisch verborgen na 3 meldingen, tot een moderator beslist.",
    )
    for topic in (vote, lia):
        topic_refresh(topic)


def bulk_topics(*, category: Category, count: int, posts_per_topic: int, authors: list) -> list:
    """Many topics with posts at once (bulk_create), for --scale and the benchmarks."""
    now = timezone.now()
    body = (
        "Een bijdrage aan het gesprek over **inclusie**: wat werkt in onze gemeente, en wat "
        "kunnen we van elkaar leren? Zie ook [de kennisbank](https://example.org/kennisbank/)."
    )
    html = render_markdown(body)
    topics = Topic.objects.bulk_create(
        [
            Topic(
                category=category,
                title=f"Schaaltest onderwerp {n + 1}",
                author=authors[n % len(authors)] if authors else None,
                created=now - timedelta(minutes=count - n + posts_per_topic),
                last_activity_at=now - timedelta(minutes=count - n),
                visible_post_count=posts_per_topic,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    bulk_posts(
        topics=topics, posts_per_topic=posts_per_topic, authors=authors, body=body, html=html
    )
    return topics


def bulk_posts(
    *, topics: list, posts_per_topic: int, authors: list, body: str = "", html: str = ""
):
    """Visible posts for existing topics, rendered once and copied (bulk_create skips save())."""
    body = body or "Dank voor het delen. Wij herkennen dit en proberen het ook."
    html = html or render_markdown(body)
    now = timezone.now()
    batch = []
    for topic in topics:
        for number in range(posts_per_topic):
            batch.append(
                Post(
                    topic=topic,
                    author=authors[number % len(authors)] if authors else None,
                    body_markdown=body,
                    body_html=html,
                    status=Post.Status.VISIBLE,
                    created=now - timedelta(minutes=posts_per_topic - number),
                )
            )
            if len(batch) >= 5000:
                Post.objects.bulk_create(batch)
                batch = []
    if batch:
        Post.objects.bulk_create(batch)
