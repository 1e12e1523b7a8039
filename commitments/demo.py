"""Demo data of the accountability cycle: priorities and commitments of fourteen municipalities,
histories with kept and broken promises, and the 2026 election with party answers."""

import datetime
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import PROVINCES, EventIndexPage, EventKind, EventPage, EventScope
from municipalities.models import MunicipalityPage
from network.factories import UserFactory
from network.roles import MODERATOR, MUNICIPAL_OFFICIAL, PROJECT_TEAM
from taxonomy.models import LifeDomain, Theme
from voices.models import Organisation, Voice

from . import services
from .models import (
    Commitment,
    CommitmentStatus,
    Election,
    Endorsement,
    Follow,
    Party,
    PartyAnswer,
    Position,
    Priority,
)

S = CommitmentStatus
EXPERTS = Priority.Source.EXPERTS
ORGANISATION = Priority.Source.ORGANISATION
DIALOGUE = Priority.Source.DIALOGUE
COUNCIL = Commitment.MadeBy.COUNCIL
COLLEGE = Commitment.MadeBy.COLLEGE
COALITION = Commitment.MadeBy.COALITION
PARTY = Commitment.MadeBy.PARTY

# Per municipality: its website, its priorities and the commitments made to it.
#
# A priority: (key, title, explanation, source, organisation slug, CRPD articles,
#   life domain slugs, titles of supporting voices, day it was added).
# A commitment: (title, description, made by, party, term, source title, source path on the
#   municipality's website or "", promised on, priority keys, history). The history holds
#   (status, when, note, evidence path or "") after the first 'promised': `when` is a date, or
#   a number of days before today (for progress that stays recent whenever the demo is loaded).
MUNICIPALITIES = [
    {
        "title": "Utrecht",
        "website": "https://www.utrecht.nl",
        "priorities": [
            (
                "panel",
                "Het VN-panel van ervaringsdeskundigen praat vanaf het begin mee",
                "Mensen met een beperking weten zelf het beste wat zij nodig hebben. Utrecht "
                "heeft sinds 2024 een VN-panel. Dat is een goede stap. Maar het panel hoort "
                "plannen vaak pas als ze bijna klaar zijn. Wij vragen: laat het panel meepraten "
                "**voordat** de gemeenteraad besluit, en laat zien wat er met elk advies "
                "gebeurt.\n\nZo hoort u niet pas achteraf wat er is besloten.",
                DIALOGUE,
                "",
                [4, 29],
                ["participatie"],
                [],
                date(2025, 10, 8),
            ),
            (
                "werk",
                "Werk bij de gemeente voor mensen met een beperking",
                "De gemeente vraagt werkgevers om mensen met een beperking aan te nemen. Dan moet "
                "de gemeente zelf het goede voorbeeld geven. Wij vragen om meer banen bij de "
                "gemeente, met een jobcoach als dat nodig is. Een proefdag kan in plaats van een "
                "sollicitatiegesprek.",
                ORGANISATION,
                "adviesraad-utrecht",
                [27],
                ["werk-en-inkomen"],
                ["Werk dat bij mij past"],
                date(2025, 9, 24),
            ),
            (
                "brieven",
                "Brieven van de gemeente die iedereen begrijpt",
                "Veel mensen begrijpen de brieven van de gemeente niet. Daardoor missen zij geld "
                "of hulp waar zij recht op hebben. Schrijf brieven in eenvoudige taal (B1). Zet "
                "bovenaan wat u moet doen en voor wanneer. Zet er een telefoonnummer bij van "
                "iemand die het uitlegt.",
                EXPERTS,
                "",
                [21],
                ["participatie"],
                [],
                date(2025, 10, 15),
            ),
            (
                "pgb",
                "Zelf kiezen wie u helpt, met een persoonsgebonden budget",
                "Met een persoonsgebonden budget (pgb) kiest u zelf wie u helpt en wanneer. Voor "
                "veel mensen is dat de enige manier om zelfstandig te wonen. De gemeente maakt "
                "het pgb steeds moeilijker. Wij vragen: houd het pgb als volwaardige keuze.",
                ORGANISATION,
                "adviesraad-utrecht",
                [19],
                ["zorg-en-ondersteuning"],
                ["Zelf kiezen wie mij helpt"],
                date(2025, 11, 5),
            ),
        ],
        "commitments": [
            (
                "Utrecht richt een VN-panel op met twaalf ervaringsdeskundigen",
                "Het college zet een panel op dat gevraagd en ongevraagd advies geeft over alle "
                "plannen die mensen met een beperking raken. De leden krijgen een vergoeding.",
                COALITION,
                "",
                "2022-2026",
                "Coalitieakkoord 2022-2026",
                "/bestuur-en-organisatie/college-van-b-en-w/coalitieakkoord",
                date(2022, 6, 2),
                ["panel"],
                [
                    (
                        S.PREPARING,
                        date(2022, 11, 10),
                        "De gemeente zoekt leden via de Adviesraad Sociaal Domein en via "
                        "wijkcentra. Er komen 41 aanmeldingen binnen.",
                        "",
                    ),
                    (
                        S.IN_PROGRESS,
                        date(2023, 4, 20),
                        "Het panel is gestart met tien leden. Het eerste advies ging over de "
                        "nieuwe regels voor de Wmo.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2024, 3, 14),
                        "Het panel heeft twaalf vaste leden. Het geeft elk jaar zes adviezen. "
                        "Het college reageert binnen zes weken op elk advies.",
                        "/zorg-en-onderwijs/vn-panel",
                    ),
                ],
            ),
            (
                "In 2025 werken 40 mensen met een arbeidsbeperking bij de gemeente",
                "Nu zijn dat er 18. De gemeente maakt banen op maat en zet jobcoaches in.",
                COLLEGE,
                "",
                "2022-2026",
                "Uitvoeringsprogramma Inclusief werkgeverschap",
                "",
                date(2022, 9, 15),
                ["werk"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 9, 7),
                        "Er zijn 9 nieuwe banen, vooral in de groenploegen en bij de balie van "
                        "de bibliotheek.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2026, 1, 22),
                        "Eind 2025 werkten 31 mensen met een arbeidsbeperking bij de gemeente. "
                        "Dat is meer dan eerst, maar minder dan de beloofde 40.",
                        "/nieuws/jaarverslag-inclusief-werkgeverschap-2025",
                    ),
                ],
            ),
            (
                "Alle standaardbrieven van de gemeente worden herschreven in eenvoudige taal",
                "De raad nam een motie aan: binnen twee jaar zijn alle 300 standaardbrieven "
                "herschreven op taalniveau B1, samen met inwoners die de brieven lezen.",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Brieven die iedereen begrijpt'",
                "",
                date(2023, 2, 9),
                ["brieven"],
                [
                    (
                        S.PREPARING,
                        date(2023, 6, 1),
                        "Er is een projectgroep met twee tekstschrijvers en vijf inwoners die "
                        "meelezen.",
                        "",
                    ),
                    (
                        S.IN_PROGRESS,
                        date(2024, 5, 16),
                        "De eerste 120 brieven zijn herschreven. Het gaat om brieven over "
                        "bijstand en de Wmo.",
                        "",
                    ),
                ],
            ),
            (
                "Het pgb blijft een volwaardige keuze naast zorg in natura",
                "De gemeente maakt de pgb-regeling samen met budgethouders. Het tarief voor "
                "hulp uit uw eigen omgeving gaat niet omlaag.",
                COALITION,
                "",
                "2026-2030",
                "Coalitieakkoord 2026-2030",
                "/bestuur-en-organisatie/college-van-b-en-w/coalitieakkoord",
                date(2026, 6, 11),
                ["pgb"],
                [
                    (
                        S.PREPARING,
                        90,
                        "Acht budgethouders schrijven mee aan de nieuwe regeling. De raad "
                        "bespreekt die in het voorjaar.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Amsterdam",
        "website": "https://www.amsterdam.nl",
        "priorities": [
            (
                "stembureaus",
                "Toegankelijke stembureaus in elke buurt",
                "Iedereen moet zelf en in het geheim kunnen stemmen. Toch zijn veel stembureaus "
                "niet goed te bereiken met een rolstoel. Er is niet altijd een stemmal voor "
                "mensen die blind zijn. Wij vragen: maak elk stembureau toegankelijk, en zeg "
                "vooraf op de website wat een stembureau heeft.",
                EXPERTS,
                "",
                [29],
                ["participatie"],
                ["Stemmen zonder hulp"],
                date(2025, 9, 3),
            ),
            (
                "prikkelarm",
                "Een prikkelarme ruimte in elk stadsloket",
                "Voor mensen met autisme of hersenletsel is een druk loket moeilijk. Er is veel "
                "geluid en licht. Een rustige ruimte om te wachten en te praten helpt. Dan kunt u "
                "uw zaken regelen zonder dat u daarna uitgeput bent.",
                EXPERTS,
                "",
                [9],
                ["openbare-ruimte"],
                [],
                date(2025, 10, 1),
            ),
            (
                "parkeren",
                "Meer gehandicaptenparkeerplaatsen bij zorgcentra en winkels",
                "Wie slecht ter been is, kan niet ver lopen. Bij gezondheidscentra, apotheken en "
                "winkelcentra zijn te weinig gehandicaptenparkeerplaatsen. Wij vragen om meer "
                "plaatsen, dicht bij de ingang, en om betere controle op foutparkeren.",
                EXPERTS,
                "",
                [20],
                ["vervoer"],
                [],
                date(2025, 11, 12),
            ),
        ],
        "commitments": [
            (
                "Alle stembureaus zijn toegankelijk en hebben een stemmal",
                "Bij elke verkiezing is elk stembureau te bereiken met een rolstoel. Elk "
                "stembureau heeft een stemmal en een loep.",
                COLLEGE,
                "",
                "2022-2026",
                "Raadsinformatiebrief Toegankelijk stemmen",
                "/verkiezingen/toegankelijk-stemmen",
                date(2022, 9, 15),
                ["stembureaus"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 3, 16),
                        "Bij de Provinciale Statenverkiezingen was 82 procent van de "
                        "stembureaus toegankelijk.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2026, 3, 20),
                        "Bij de gemeenteraadsverkiezingen van 18 maart waren alle stembureaus "
                        "toegankelijk. Ze hadden allemaal een stemmal en een loep.",
                        "/verkiezingen/evaluatie-gemeenteraadsverkiezingen-2026",
                    ),
                ],
            ),
            (
                "Een prikkelarme ruimte in de stadsloketten Centrum en Nieuw-West",
                "Bij de verbouwing van de twee stadsloketten komt een rustige wacht- en "
                "spreekkamer.",
                COLLEGE,
                "",
                "2022-2026",
                "Programma Amsterdam Toegankelijk",
                "",
                date(2023, 5, 10),
                ["prikkelarm"],
                [
                    (
                        S.PREPARING,
                        date(2023, 10, 2),
                        "Er is een ontwerp gemaakt samen met mensen met autisme.",
                        "",
                    ),
                    (
                        S.NOT_REALISED,
                        date(2025, 12, 4),
                        "De verbouwing van de stadsloketten is uitgesteld tot na 2027. De "
                        "prikkelarme ruimtes zijn er niet gekomen. Een tijdelijke oplossing is "
                        "er ook niet.",
                        "",
                    ),
                ],
            ),
            (
                "Vijftig extra gehandicaptenparkeerplaatsen bij zorgcentra",
                "De raad vraagt het college om in twee jaar vijftig algemene "
                "gehandicaptenparkeerplaatsen bij te maken, vooral bij gezondheidscentra.",
                COUNCIL,
                "",
                "2026-2030",
                "Motie 'Parkeren dicht bij de zorg'",
                "",
                date(2026, 7, 2),
                ["parkeren"],
                [
                    (
                        S.IN_PROGRESS,
                        40,
                        "De eerste 14 plaatsen zijn klaar, in Noord en in Zuidoost.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Rotterdam",
        "website": "https://www.rotterdam.nl",
        "priorities": [
            (
                "contactpersoon",
                "Eén vaste contactpersoon voor hulp bij formulieren",
                "Op slechte dagen lukt het veel mensen niet om formulieren in te vullen. Dan "
                "missen zij een termijn en stopt hun uitkering. Wij vragen om één vaste "
                "contactpersoon die u kent en die met u meedenkt.",
                EXPERTS,
                "",
                [28],
                ["werk-en-inkomen", "zorg-en-ondersteuning"],
                ["Hulp bij het invullen van formulieren"],
                date(2025, 9, 10),
            ),
            (
                "haltes",
                "Toegankelijke bushaltes en tramhaltes",
                "Veel tramhaltes zijn te smal of te laag. Met een rolstoel of rollator kunt u "
                "dan niet instappen. Maak alle haltes hoog genoeg en breed genoeg, met een "
                "geleidelijn voor mensen die slecht zien.",
                EXPERTS,
                "",
                [9, 20],
                ["vervoer", "openbare-ruimte"],
                [],
                date(2025, 10, 22),
            ),
            (
                "woningen",
                "Aangepaste woningen in nieuwe wijken",
                "Er zijn te weinig woningen waar u met een rolstoel kunt wonen. De wachtlijst is "
                "lang. Wij vragen: bouw in elke nieuwe wijk woningen die zonder verbouwing "
                "geschikt zijn voor een rolstoel.",
                EXPERTS,
                "",
                [19],
                ["wonen"],
                [],
                date(2025, 11, 19),
            ),
        ],
        "commitments": [
            (
                "Iedereen met een uitkering krijgt een vaste contactpersoon",
                "Wie een bijstandsuitkering heeft, krijgt één vaste medewerker die u kunt bellen "
                "en mailen.",
                COLLEGE,
                "",
                "2022-2026",
                "Coalitieakkoord 2022-2026",
                "",
                date(2022, 7, 7),
                ["contactpersoon"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 6, 15),
                        "In Feijenoord, Charlois en Delfshaven is gestart met vaste "
                        "contactpersonen.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2026, 2, 10),
                        "In drie van de veertien gebieden werkt het. In de andere gebieden is "
                        "het niet gelukt door een tekort aan personeel.",
                        "",
                    ),
                ],
            ),
            (
                "Alle tramhaltes in het centrum zijn in 2025 toegankelijk",
                "De raad nam een motie aan om samen met de RET alle tramhaltes in het centrum "
                "te verhogen en te verbreden.",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Instappen zonder hulp'",
                "",
                date(2022, 11, 10),
                ["haltes"],
                [
                    (
                        S.PREPARING,
                        date(2023, 3, 9),
                        "De gemeente en de RET hebben een lijst gemaakt van 46 haltes die "
                        "aangepast moeten worden.",
                        "",
                    ),
                    (
                        S.IN_PROGRESS,
                        date(2024, 8, 29),
                        "Twaalf haltes zijn aangepast. Daarna is het werk gestopt, omdat het "
                        "geld voor de andere haltes nog niet geregeld is.",
                        "",
                    ),
                ],
            ),
            (
                "In elk nieuwbouwproject is één op de tien woningen geschikt voor een rolstoel",
                "Dit komt in de afspraken met woningcorporaties en projectontwikkelaars.",
                COALITION,
                "",
                "2026-2030",
                "Coalitieakkoord 2026-2030",
                "",
                date(2026, 6, 18),
                ["woningen"],
                [
                    (
                        S.PREPARING,
                        30,
                        "De gemeente praat met de corporaties over de nieuwe prestatieafspraken.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Groningen",
        "website": "https://gemeente.groningen.nl",
        "priorities": [
            (
                "haltes",
                "Toegankelijke bushaltes in alle wijken",
                "Veel bushaltes in de wijken hebben geen verhoogde stoep. Met een rolstoel kunt u "
                "dan niet zelf de bus in. U moet een taxi bellen, een dag van tevoren. In vier "
                "wijken zijn de haltes aangepast. Wij vragen: maak ook de haltes in de andere "
                "wijken en in de dorpen toegankelijk.",
                ORGANISATION,
                "ieder-in",
                [9, 20],
                ["vervoer"],
                ["Ik wil zelf de bus kunnen nemen"],
                date(2025, 9, 17),
            ),
            (
                "vervoer",
                "Doelgroepenvervoer dat op tijd komt",
                "Het busje naar werk of dagbesteding komt vaak te laat, soms een uur. Dan mist u "
                "een afspraak of begint uw dag onrustig. Wij vragen om vaste afspraken over "
                "wachttijden, en om gevolgen als de vervoerder die niet nakomt.",
                ORGANISATION,
                "ieder-in",
                [20],
                ["vervoer", "zorg-en-ondersteuning"],
                [],
                date(2025, 10, 1),
            ),
            (
                "logeren",
                "Een logeerplek zodat mantelzorgers even rust hebben",
                "Mantelzorgers zorgen dag en nacht voor iemand met een beperking. Zij raken "
                "uitgeput. Een logeerhuis geeft hen een weekend rust. Er is nu één logeerhuis "
                "voor de hele gemeente, met een lange wachtlijst.",
                EXPERTS,
                "",
                [19, 28],
                ["zorg-en-ondersteuning"],
                ["Hulp voor mantelzorgers"],
                date(2025, 10, 29),
            ),
            (
                "tolk",
                "Een gebarentolk bij raadsvergaderingen",
                "Doven en slechthorenden kunnen de gemeenteraad nu niet volgen. Wij vragen om een "
                "tolk Nederlandse Gebarentaal en ondertiteling bij elke raadsvergadering, ook in "
                "de uitzending op internet.",
                EXPERTS,
                "",
                [21, 29],
                ["participatie"],
                [],
                date(2025, 11, 26),
            ),
        ],
        "commitments": [
            (
                "Zestig bushaltes worden verhoogd en krijgen een geleidelijn",
                "Het gaat om de haltes in Beijum, Lewenborg, Selwerd en Vinkhuizen.",
                COLLEGE,
                "",
                "2022-2026",
                "Mobiliteitsvisie Groningen",
                "",
                date(2022, 6, 23),
                ["haltes"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 5, 11),
                        "De eerste twintig haltes in Beijum en Lewenborg zijn klaar.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2025, 10, 30),
                        "Alle zestig haltes zijn verhoogd en hebben een geleidelijn. "
                        "Ervaringsdeskundigen hebben ze samen met de gemeente getest.",
                        "/nieuws/alle-bushaltes-in-vier-wijken-toegankelijk",
                    ),
                ],
            ),
            (
                "Ritten in het doelgroepenvervoer zijn nooit meer dan vijftien minuten te laat",
                "Dit komt in het nieuwe contract met de vervoerder, met een boete als het vaak "
                "misgaat.",
                COLLEGE,
                "",
                "2022-2026",
                "Aanbesteding doelgroepenvervoer 2023",
                "",
                date(2022, 10, 6),
                ["vervoer"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 9, 14),
                        "De nieuwe vervoerder rijdt sinds 1 september. De gemeente meet elke "
                        "maand hoe laat de ritten zijn.",
                        "",
                    ),
                    (
                        S.NOT_REALISED,
                        date(2026, 1, 15),
                        "Uit de klachtenrapportage van 2025 blijkt: één op de vijf ritten kwam "
                        "meer dan een kwartier te laat. De afspraak is niet nagekomen.",
                        "",
                    ),
                ],
            ),
            (
                "Een tweede logeerhuis voor mantelzorgers",
                "De raad vraagt het college om een tweede logeerhuis te openen, in het Ommeland.",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Even op adem komen'",
                "",
                date(2023, 11, 9),
                ["logeren"],
                [
                    (
                        S.PREPARING,
                        date(2024, 6, 20),
                        "De gemeente zoekt een zorgaanbieder en een gebouw.",
                        "",
                    ),
                ],
            ),
            (
                "Elke raadsvergadering krijgt een gebarentolk en ondertiteling",
                "De tolk is in beeld in de uitzending. De ondertiteling komt er ook bij de "
                "opnames.",
                COALITION,
                "",
                "2026-2030",
                "Coalitieakkoord 2026-2030",
                "",
                date(2026, 5, 28),
                ["tolk"],
                [
                    (
                        S.IN_PROGRESS,
                        60,
                        "Sinds september is bij elke raadsvergadering een tolk. De ondertiteling "
                        "volgt in het voorjaar.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Zwolle",
        "website": "https://www.zwolle.nl",
        "priorities": [
            (
                "wonen",
                "Meer woningen waar u met begeleiding zelfstandig kunt wonen",
                "Veel jongvolwassenen met een beperking wonen nog bij hun ouders. Niet omdat zij "
                "dat willen, maar omdat er geen plek is. De wachtlijst voor een woning met "
                "begeleiding is vijf jaar. Bouw meer van deze woningen, verspreid over de stad.",
                ORGANISATION,
                "clientenraad-zwolle",
                [19],
                ["wonen"],
                ["Een woning waar ik zelfstandig kan wonen"],
                date(2025, 11, 13),
            ),
            (
                "loket",
                "Eén vaste contactpersoon blijft, ook als de gemeente moet bezuinigen",
                "Sinds 2025 kunt u in Zwolle één vaste contactpersoon krijgen voor zorg, werk en "
                "geld. U hoeft uw verhaal dan maar één keer te vertellen. Dat werkt goed. Wij "
                "vragen de gemeente om dit te houden, ook als er bezuinigd moet worden. En om "
                "het ook te regelen voor jongeren die 18 worden.",
                DIALOGUE,
                "",
                [28],
                ["zorg-en-ondersteuning", "werk-en-inkomen"],
                [],
                date(2025, 11, 13),
            ),
            (
                "stilte",
                "Een stille ruimte in de bibliotheek en het stadskantoor",
                "Veel geluid en fel licht maken het voor sommige mensen onmogelijk om ergens te "
                "blijven. Een stille ruimte helpt om te lezen, te leren of rustig te wachten op "
                "uw afspraak.",
                ORGANISATION,
                "clientenraad-zwolle",
                [9, 30],
                ["vrije-tijd", "openbare-ruimte"],
                ["Een rustige ruimte in de bibliotheek"],
                date(2025, 11, 13),
            ),
            (
                "parkeren",
                "Gehandicaptenparkeerplaatsen dicht bij de binnenstad",
                "In de binnenstad zijn de gehandicaptenparkeerplaatsen vaak bezet of ver van de "
                "winkels. Wie niet ver kan lopen, gaat daarom niet meer naar de stad. Maak meer "
                "plaatsen, dicht bij de Grote Markt en het Melkmarktplein.",
                EXPERTS,
                "",
                [20],
                ["vervoer"],
                [],
                date(2025, 12, 3),
            ),
        ],
        "commitments": [
            (
                "Tweehonderd woningen voor mensen die met begeleiding zelfstandig wonen",
                "Samen met de woningcorporaties en zorgaanbieders bouwt de gemeente 200 "
                "woningen, verspreid over de wijken.",
                COALITION,
                "",
                "2022-2026",
                "Coalitieakkoord 2022-2026",
                "/bestuur-en-organisatie/coalitieakkoord",
                date(2022, 6, 9),
                ["wonen"],
                [
                    (
                        S.PREPARING,
                        date(2022, 12, 8),
                        "De gemeente heeft afspraken gemaakt met drie corporaties.",
                        "",
                    ),
                    (
                        S.IN_PROGRESS,
                        date(2024, 2, 8),
                        "De eerste 48 woningen in Stadshagen zijn opgeleverd.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2026, 2, 26),
                        "Er zijn 120 van de 200 woningen klaar. De rest is vertraagd door "
                        "bezwaren en hoge bouwkosten.",
                        "/nieuws/voortgang-wonen-met-begeleiding",
                    ),
                ],
            ),
            (
                "Eén contactpersoon voor alle vragen over zorg, werk en inkomen",
                "Wie meer dan één vraag heeft, krijgt één medewerker die alles regelt met de "
                "andere afdelingen.",
                COLLEGE,
                "",
                "2022-2026",
                "Uitvoeringsagenda Sociaal Domein",
                "",
                date(2022, 9, 22),
                ["loket"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 10, 19),
                        "Proef in Holtenbroek en Diezerpoort: 140 huishoudens hebben één "
                        "contactpersoon.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2025, 6, 12),
                        "In de hele stad kunt u nu één vaste contactpersoon krijgen. De "
                        "Cliëntenraad is positief over de eerste resultaten.",
                        "",
                    ),
                ],
            ),
            (
                "Een prikkelarme ruimte in het stadskantoor",
                "De raad vraagt om een rustige wachtruimte in het stadskantoor, met gedempt licht "
                "en zonder omroep.",
                COUNCIL,
                "",
                "2026-2030",
                "Motie 'Rust in het stadskantoor'",
                "",
                date(2026, 7, 9),
                ["stilte"],
                [],
            ),
            (
                "Twintig extra gehandicaptenparkeerplaatsen in de binnenstad",
                "Deze belofte staat in het verkiezingsprogramma van de partij.",
                PARTY,
                "ChristenUnie",
                "2026-2030",
                "Verkiezingsprogramma 2026-2030",
                "",
                date(2026, 1, 15),
                ["parkeren"],
                [],
            ),
        ],
    },
    {
        "title": "Tilburg",
        "website": "https://www.tilburg.nl",
        "priorities": [
            (
                "speeltuin",
                "Een speeltuin in elke wijk waar alle kinderen samen spelen",
                "Kinderen in een rolstoel kijken vaak toe als andere kinderen spelen. Er is nu "
                "één speeltuin voor alle kinderen in elk stadsdeel. Voor veel gezinnen is dat te "
                "ver weg. Wij vragen in elke wijk zo'n speeltuin: met een vlakke ondergrond, een "
                "rolstoelschommel en rustige plekken.",
                EXPERTS,
                "",
                [7, 30],
                ["vrije-tijd", "openbare-ruimte"],
                ["Toegankelijke speeltuin"],
                date(2025, 9, 30),
            ),
            (
                "werk",
                "Werk bij de gemeente voor mensen met een beperking",
                "De gemeente heeft minder garantiebanen dan zij had beloofd. Wij vragen de "
                "gemeente om zelf meer mensen met een beperking aan te nemen, met goede "
                "begeleiding op de werkplek.",
                DIALOGUE,
                "",
                [27],
                ["werk-en-inkomen"],
                [],
                date(2025, 10, 16),
            ),
            (
                "website",
                "Een website van de gemeente die werkt met een schermlezer",
                "Mensen die blind zijn gebruiken een schermlezer. Op de website van de gemeente "
                "kunt u dan vaak geen afspraak maken of een formulier invullen. Maak de website "
                "toegankelijk, en test hem met mensen die hem echt gebruiken.",
                EXPERTS,
                "",
                [9, 21],
                ["participatie"],
                [],
                date(2025, 11, 20),
            ),
        ],
        "commitments": [
            (
                "Vijf inclusieve speeltuinen, één in elk stadsdeel",
                "Elke speeltuin wordt ontworpen samen met ouders en kinderen met een beperking.",
                COLLEGE,
                "",
                "2022-2026",
                "Programma Spelen en bewegen",
                "",
                date(2022, 7, 14),
                ["speeltuin"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 8, 31),
                        "De eerste twee speeltuinen zijn open, in Tilburg-Noord en Oud-Zuid.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2025, 9, 18),
                        "De vijfde speeltuin in Reeshof is geopend. Nu heeft elk stadsdeel een "
                        "speeltuin voor alle kinderen.",
                        "/nieuws/vijfde-inclusieve-speeltuin-open",
                    ),
                ],
            ),
            (
                "Het aantal garantiebanen bij de gemeente gaat van 30 naar 60",
                "De gemeente maakt nieuwe functies op maat, bijvoorbeeld in de groenvoorziening "
                "en de facilitaire dienst.",
                COLLEGE,
                "",
                "2022-2026",
                "Coalitieakkoord 2022-2026",
                "",
                date(2022, 7, 14),
                ["werk"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 11, 2),
                        "Er zijn 36 mensen aan het werk op een garantiebaan.",
                        "",
                    ),
                    (
                        S.NOT_REALISED,
                        date(2026, 2, 5),
                        "Eind 2025 waren er 28 garantiebanen, minder dan bij de start. Door een "
                        "reorganisatie zijn functies verdwenen.",
                        "",
                    ),
                ],
            ),
            (
                "De website van de gemeente voldoet aan de toegankelijkheidseisen",
                "Alle formulieren en de afsprakenmodule werken met een schermlezer en met "
                "alleen een toetsenbord.",
                COLLEGE,
                "",
                "2026-2030",
                "Collegeprogramma 2026-2030",
                "",
                date(2026, 6, 25),
                ["website"],
                [
                    (
                        S.IN_PROGRESS,
                        75,
                        "Een testpanel van zes mensen met een visuele beperking test elke nieuwe "
                        "versie van de afsprakenmodule.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Almere",
        "website": "https://www.almere.nl",
        "priorities": [
            (
                "stadhuis",
                "Een lager loket in het stadhuis",
                "Het loket in het stadhuis is te hoog voor mensen in een rolstoel. U moet omhoog "
                "praten en de medewerker ziet u niet goed. Dat voelt niet fijn. Maak een lager "
                "loket, zodat u de medewerker recht in de ogen kunt kijken.",
                EXPERTS,
                "",
                [9],
                ["openbare-ruimte"],
                ["Geen drempels in het gemeentehuis"],
                date(2025, 9, 25),
            ),
            (
                "adviesraad",
                "Een adviesraad van ervaringsdeskundigen",
                "Almere heeft geen vaste groep ervaringsdeskundigen die de gemeente advies geeft. "
                "Daardoor worden mensen met een beperking pas gevraagd als een plan al klaar is. "
                "Wij vragen om een adviesraad die vanaf het begin meedenkt.",
                EXPERTS,
                "",
                [4, 29],
                ["participatie"],
                [],
                date(2025, 10, 30),
            ),
        ],
        "commitments": [
            (
                "Het stadhuis wordt toegankelijk: lager loket, ringleiding en duidelijke borden",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Uitvoeringsplan Lokale Inclusie Agenda",
                "",
                date(2022, 10, 13),
                ["stadhuis"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 4, 13),
                        "De ringleiding is geplaatst in de publiekshal en de raadzaal.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2024, 11, 21),
                        "Ook de nieuwe borden met pictogrammen hangen. Het lagere loket is er "
                        "niet gekomen: dat wacht op de verbouwing van de publiekshal.",
                        "",
                    ),
                ],
            ),
            (
                "Almere start een adviesraad van ervaringsdeskundigen",
                "De raad nam een motie aan om binnen een jaar een adviesraad op te richten.",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Niets over ons zonder ons'",
                "",
                date(2023, 1, 26),
                ["adviesraad"],
                [
                    (
                        S.PREPARING,
                        date(2023, 9, 7),
                        "De gemeente heeft een voorstel gemaakt voor de opzet van de adviesraad.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Leeuwarden",
        "website": "https://www.leeuwarden.nl",
        "priorities": [
            (
                "hulpmiddelen",
                "Sneller beslissen over hulpmiddelen, zoals een aangepaste fiets",
                "Een aanvraag voor een hulpmiddel duurt vaak maanden. In die tijd kunt u niet "
                "zelf boodschappen doen of naar uw werk. Wij vragen: beslis binnen acht weken, "
                "zoals de wet zegt.",
                ORGANISATION,
                "ieder-in",
                [20, 26],
                ["vervoer", "zorg-en-ondersteuning"],
                ["Geld voor een aangepaste fiets"],
                date(2025, 9, 11),
            ),
            (
                "taal",
                "Informatie in makkelijke taal, in het Nederlands en het Fries",
                "De informatie van de gemeente is vaak moeilijk. Wij vragen om informatie in "
                "makkelijke taal, ook in het Fries. Zet er plaatjes bij en bied een filmpje aan "
                "met uitleg.",
                DIALOGUE,
                "",
                [21],
                ["participatie"],
                [],
                date(2025, 10, 9),
            ),
            (
                "stembureaus",
                "Toegankelijke stembureaus, ook in de dorpen",
                "In de dorpen zijn stembureaus vaak in oude gebouwen met een drempel of een "
                "trap. Wij vragen: maak ook daar elk stembureau toegankelijk, met een stemmal en "
                "een verlaagd stemhokje.",
                EXPERTS,
                "",
                [29],
                ["participatie"],
                [],
                date(2025, 11, 6),
            ),
        ],
        "commitments": [
            (
                "Binnen acht weken een besluit over een hulpmiddel",
                "Het college belooft om aanvragen voor hulpmiddelen binnen de wettelijke termijn "
                "af te handelen.",
                COLLEGE,
                "",
                "2022-2026",
                "Beleidsplan Wmo 2022-2026",
                "",
                date(2022, 6, 30),
                ["hulpmiddelen"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 2, 16),
                        "Er zijn twee extra consulenten aangenomen om de achterstand weg te "
                        "werken.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2025, 12, 11),
                        "Gemiddeld duurt een besluit nu tien weken. Dat is sneller dan eerst, "
                        "maar nog niet binnen acht weken.",
                        "",
                    ),
                ],
            ),
            (
                "Elk stembureau in de dorpen heeft een stemmal en een verlaagd stemhokje",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Stemmen in het eigen dorp'",
                "",
                date(2023, 3, 2),
                ["stembureaus"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2024, 3, 7),
                        "De gemeente heeft 40 stemmallen en 25 verlaagde stemhokjes gekocht.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2026, 3, 20),
                        "Bij de verkiezingen van 18 maart hadden alle stembureaus een stemmal "
                        "en een verlaagd stemhokje, ook in de dorpen.",
                        "",
                    ),
                ],
            ),
            (
                "Alle brieven over zorg en inkomen komen er ook in makkelijke taal",
                "",
                COLLEGE,
                "",
                "2026-2030",
                "Collegeprogramma 2026-2030",
                "",
                date(2026, 6, 4),
                ["taal"],
                [
                    (
                        S.PREPARING,
                        100,
                        "Een groep inwoners leest mee met de eerste tien brieven.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Maastricht",
        "website": "https://www.gemeentemaastricht.nl",
        "priorities": [
            (
                "begeleider",
                "Gratis toegang voor begeleiders, ook bij sport en evenementen",
                "Bij theaters en musea mag uw begeleider sinds 2024 gratis mee. Dat is een goede "
                "stap. Maar bij het zwembad, bij sportwedstrijden en bij evenementen betaalt u "
                "nog steeds twee kaartjes. Dat is te duur, en daardoor blijven mensen thuis. Wij "
                "vragen: laat de begeleiderspas overal gelden waar de gemeente aan meebetaalt.",
                EXPERTS,
                "",
                [30],
                ["vrije-tijd"],
                ["Samen naar het theater"],
                date(2025, 9, 18),
            ),
            (
                "straten",
                "Vlakke looppaden in de binnenstad",
                "De kinderkopjes in de binnenstad zijn mooi, maar met een rolstoel of rollator "
                "kunt u er bijna niet over. Wij vragen om een vlak looppad in de belangrijkste "
                "straten.",
                EXPERTS,
                "",
                [9, 20],
                ["openbare-ruimte"],
                [],
                date(2025, 10, 23),
            ),
        ],
        "commitments": [
            (
                "Een begeleiderspas bij alle culturele instellingen met subsidie",
                "Met de pas heeft uw begeleider gratis toegang.",
                COLLEGE,
                "",
                "2022-2026",
                "Cultuurnota 2022-2026",
                "",
                date(2022, 11, 17),
                ["begeleider"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 6, 22),
                        "Het theater aan het Vrijthof en het Bonnefanten doen mee.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2024, 9, 5),
                        "Alle 14 instellingen met subsidie accepteren nu de begeleiderspas.",
                        "",
                    ),
                ],
            ),
            (
                "De kinderkopjes in de binnenstad krijgen een vlak looppad",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Toegankelijke binnenstad'",
                "",
                date(2022, 12, 15),
                ["straten"],
                [
                    (
                        S.PREPARING,
                        date(2023, 5, 25),
                        "Er is een plan voor looppaden in acht straten.",
                        "",
                    ),
                    (
                        S.NOT_REALISED,
                        date(2026, 1, 29),
                        "Het geld is in de begroting van 2025 niet vrijgemaakt. Er is geen "
                        "looppad aangelegd. Het plan schuift door naar de volgende raad.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Nijmegen",
        "website": "https://www.nijmegen.nl",
        "priorities": [
            (
                "tolk",
                "Een gebarentolk bij raadsvergaderingen en bijeenkomsten in de wijk",
                "Bij inspraakavonden is sinds 2023 een tolk gebarentaal. Dat werkt goed. Maar bij "
                "raadsvergaderingen en bij bijeenkomsten in de wijk is er nog geen tolk. Doven "
                "kunnen dan niet meepraten over hun eigen buurt. Regel daar ook standaard een "
                "tolk.",
                EXPERTS,
                "",
                [21, 29],
                ["participatie"],
                ["Doven willen ook meepraten"],
                date(2025, 9, 4),
            ),
            (
                "meldpunt",
                "Een meldpunt voor drempels in de stad",
                "Een kapotte lift, een te hoge stoep of een bord midden op de stoep: u wilt het "
                "snel kunnen melden. En u wilt horen wat de gemeente ermee doet.",
                EXPERTS,
                "",
                [9],
                ["openbare-ruimte"],
                [],
                date(2025, 10, 2),
            ),
            (
                "jongeren",
                "Woningen voor jongeren met een beperking",
                "Jongeren met een beperking willen ook op zichzelf wonen, net als hun vrienden. "
                "Er zijn bijna geen geschikte woningen. Wij vragen om kleine woningen met hulp "
                "in de buurt.",
                EXPERTS,
                "",
                [19],
                ["wonen"],
                [],
                date(2025, 11, 27),
            ),
        ],
        "commitments": [
            (
                "Bij elke inspraakavond is een tolk gebarentaal",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Iedereen kan meepraten'",
                "",
                date(2022, 9, 29),
                ["tolk"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 1, 19),
                        "De gemeente heeft een vaste afspraak met een tolkenbureau.",
                        "",
                    ),
                    (
                        S.REALISED,
                        date(2023, 10, 12),
                        "Sinds dit najaar is bij elke inspraakavond een tolk. De stukken staan "
                        "een week vooraf online.",
                        "",
                    ),
                ],
            ),
            (
                "Een digitaal meldpunt voor drempels, met antwoord binnen twee weken",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Uitvoeringsprogramma Toegankelijk Nijmegen",
                "",
                date(2023, 4, 13),
                ["meldpunt"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2024, 1, 25),
                        "Het meldpunt is een proef in de binnenstad. Meldingen kunnen via de "
                        "app van de gemeente.",
                        "",
                    ),
                ],
            ),
            (
                "Vijftig woningen voor jongeren met een beperking in Nijmegen-West",
                "",
                COALITION,
                "",
                "2026-2030",
                "Coalitieakkoord 2026-2030",
                "",
                date(2026, 6, 1),
                ["jongeren"],
                [
                    (
                        S.PREPARING,
                        50,
                        "De gemeente heeft een bouwplek gevonden aan de Waalkade.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Ede",
        "website": "https://www.ede.nl",
        "priorities": [
            (
                "vervoer",
                "Vervoer naar werk en dagbesteding vanuit de dorpen",
                "In Lunteren, Otterlo en Harskamp rijdt weinig openbaar vervoer. Wie niet zelf "
                "kan rijden, komt moeilijk op werk of dagbesteding. Wij vragen om vervoer dat "
                "ook in de dorpen rijdt, met plaats voor een rolstoel.",
                EXPERTS,
                "",
                [20],
                ["vervoer"],
                [],
                date(2025, 9, 9),
            ),
            (
                "prikkelarm",
                "Prikkelarme uren in het zwembad, de bibliotheek en de winkels",
                "In het gemeentehuis is sinds 2024 een rustige wachtruimte. Dat helpt mensen met "
                "autisme of hersenletsel veel. Op andere plekken is het nog te druk en te "
                "rumoerig. Wij vragen de gemeente om met het zwembad, de bibliotheek en de "
                "winkeliers afspraken te maken over vaste rustige uren.",
                EXPERTS,
                "",
                [9],
                ["openbare-ruimte"],
                [],
                date(2025, 10, 14),
            ),
        ],
        "commitments": [
            (
                "Een buurtbus met rolstoellift voor Lunteren, Otterlo en Harskamp",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Coalitieakkoord 2022-2026",
                "",
                date(2022, 10, 20),
                ["vervoer"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 7, 6),
                        "De buurtbus rijdt in Lunteren. Er zijn 22 vrijwillige chauffeurs.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2025, 11, 20),
                        "De buurtbus rijdt in Lunteren en Otterlo. In Harskamp zijn te weinig "
                        "chauffeurs gevonden.",
                        "",
                    ),
                ],
            ),
            (
                "Een prikkelarme wachtruimte in het gemeentehuis",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Lokale Inclusie Agenda Ede",
                "",
                date(2023, 6, 8),
                ["prikkelarm"],
                [
                    (
                        S.REALISED,
                        date(2024, 2, 15),
                        "De wachtruimte is open. U kunt bij de receptie vragen of u daar mag "
                        "wachten.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Deventer",
        "website": "https://www.deventer.nl",
        "priorities": [
            (
                "begeleider",
                "Een vaste begeleider in plaats van steeds een nieuw gezicht",
                "Elke keer een andere begeleider: dan moet u steeds opnieuw uitleggen wat u nodig "
                "hebt. Dat kost veel energie. Wij vragen de gemeente om in de contracten met "
                "zorgaanbieders af te spreken dat u een vaste begeleider krijgt.",
                ORGANISATION,
                "zorggroep-de-linde",
                [19, 26],
                ["zorg-en-ondersteuning", "wonen"],
                ["Een vaste begeleider"],
                date(2025, 9, 16),
            ),
            (
                "werk",
                "Werkplekken bij de gemeente voor mensen met een beperking",
                "De gemeente is een grote werkgever. Wij vragen om werkplekken voor mensen met "
                "een beperking, met een jobcoach en aanpassingen als dat nodig is.",
                EXPERTS,
                "",
                [27],
                ["werk-en-inkomen"],
                [],
                date(2025, 10, 21),
            ),
        ],
        "commitments": [
            (
                "In nieuwe zorgcontracten staat: een vaste begeleider waar het kan",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Inkoop Wmo-begeleiding 2024",
                "",
                date(2022, 12, 1),
                ["begeleider"],
                [
                    (
                        S.PREPARING,
                        date(2023, 5, 11),
                        "Cliënten en zorgaanbieders denken mee over de nieuwe contracten.",
                        "",
                    ),
                    (
                        S.IN_PROGRESS,
                        date(2024, 1, 18),
                        "De nieuwe contracten gaan in. Aanbieders melden elk kwartaal hoeveel "
                        "cliënten een vaste begeleider hebben.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2025, 1, 9),
                        "Zes op de tien cliënten hebben nu een vaste begeleider. Bij de grote "
                        "aanbieders lukt het vaak niet, door een tekort aan personeel.",
                        "",
                    ),
                ],
            ),
            (
                "Tien extra werkplekken bij de gemeente voor mensen met een arbeidsbeperking",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Deventer geeft het goede voorbeeld'",
                "",
                date(2023, 3, 16),
                ["werk"],
                [
                    (
                        S.NOT_REALISED,
                        date(2026, 2, 12),
                        "Er zijn geen extra werkplekken gekomen. Het geld is in 2024 gebruikt "
                        "voor bezuinigingen.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Súdwest-Fryslân",
        "website": "https://www.sudwestfryslan.nl",
        "priorities": [
            (
                "regiotaxi",
                "Een regiotaxi waarvoor u niet een dag vooruit hoeft te bellen",
                "Sinds 2023 rijdt de regiotaxi ook 's avonds. Dat is fijn. Maar u moet nog "
                "steeds een dag van tevoren bellen. Zo kunt u niet spontaan naar een vriend of "
                "naar de markt. Wij vragen: laat u een rit ook op dezelfde dag boeken, een uur "
                "van tevoren.",
                EXPERTS,
                "",
                [20, 30],
                ["vervoer", "vrije-tijd"],
                [],
                date(2025, 9, 23),
            ),
            (
                "toilet",
                "Een openbaar toilet voor rolstoelgebruikers in elke stad",
                "In de elf steden van Súdwest-Fryslân is bijna geen toilet voor mensen in een "
                "rolstoel. Daardoor blijven zij maar kort in de stad. Zorg voor een "
                "toegankelijk toilet dat altijd open is.",
                EXPERTS,
                "",
                [9],
                ["openbare-ruimte"],
                [],
                date(2025, 10, 28),
            ),
        ],
        "commitments": [
            (
                "De regiotaxi rijdt ook 's avonds, tot elf uur",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Beleidsplan Vervoer",
                "",
                date(2022, 11, 3),
                ["regiotaxi"],
                [
                    (
                        S.REALISED,
                        date(2023, 9, 1),
                        "Sinds 1 september rijdt de regiotaxi tot 23.00 uur.",
                        "",
                    ),
                ],
            ),
            (
                "Een invalidentoilet in Sneek, Bolsward en Workum",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Motie 'Even naar de wc'",
                "",
                date(2023, 2, 16),
                ["toilet"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2024, 5, 30),
                        "Het toilet in Sneek is geplaatst bij de Waterpoort.",
                        "",
                    ),
                    (
                        S.PARTLY_REALISED,
                        date(2025, 7, 3),
                        "Sneek en Bolsward hebben nu een toilet. In Workum is nog geen plek "
                        "gevonden.",
                        "",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Eindhoven",
        "website": "https://www.eindhoven.nl",
        "priorities": [
            (
                "brieven",
                "Brieven van de gemeente in makkelijke taal",
                "Op de brieven van de gemeente staat nu een naam en een telefoonnummer. Dat helpt. "
                "Maar de brieven zelf zijn nog steeds moeilijk. Veel mensen met een licht "
                "verstandelijke beperking begrijpen ze niet, en zij schamen zich om steeds hulp "
                "te vragen. Schrijf brieven in makkelijke taal, met korte zinnen.",
                EXPERTS,
                "",
                [21],
                ["participatie"],
                ["Uitleg in gewone taal"],
                date(2025, 9, 2),
            ),
            (
                "sport",
                "Hulp voor sportclubs om iedereen mee te laten doen",
                "Veel kinderen en volwassenen met een beperking willen sporten bij een gewone "
                "club. Trainers weten vaak niet hoe. Wij vragen om geld en cursussen voor "
                "trainers, en om aangepast materiaal.",
                ORGANISATION,
                "sportclub-samen-sterk",
                [30],
                ["vrije-tijd"],
                ["Sporten met mijn vrienden"],
                date(2025, 10, 7),
            ),
            (
                "discriminatie",
                "Een meldpunt voor discriminatie vanwege een beperking",
                "Mensen met een beperking worden soms geweigerd in een café, bij een sportclub of "
                "bij een werkgever. Waar kunt u dat melden? Wij vragen om een meldpunt dat ook "
                "deze meldingen aanneemt en er iets mee doet.",
                EXPERTS,
                "",
                [5],
                ["participatie"],
                [],
                date(2025, 11, 18),
            ),
        ],
        "commitments": [
            (
                "Op elke brief staat de naam en het telefoonnummer van een medewerker",
                "",
                COLLEGE,
                "",
                "2022-2026",
                "Programma Dienstverlening",
                "",
                date(2022, 8, 25),
                ["brieven"],
                [
                    (
                        S.REALISED,
                        date(2023, 6, 15),
                        "Alle brieven van Werk en Inkomen en de Wmo hebben nu een naam en een "
                        "direct telefoonnummer.",
                        "",
                    ),
                ],
            ),
            (
                "Een fonds van 100.000 euro per jaar voor aangepast sporten",
                "",
                COUNCIL,
                "",
                "2022-2026",
                "Amendement Sportbegroting 2023",
                "",
                date(2022, 11, 24),
                ["sport"],
                [
                    (
                        S.IN_PROGRESS,
                        date(2023, 5, 4),
                        "Elf clubs kregen geld voor een trainerscursus en aangepast materiaal.",
                        "",
                    ),
                    (
                        S.NOT_REALISED,
                        date(2025, 11, 13),
                        "Het fonds is na één jaar gestopt door bezuinigingen. Clubs kunnen geen "
                        "geld meer aanvragen.",
                        "",
                    ),
                ],
            ),
            (
                "Het meldpunt discriminatie neemt ook meldingen over een beperking aan",
                "",
                COLLEGE,
                "",
                "2026-2030",
                "Collegeprogramma 2026-2030",
                "",
                date(2026, 9, 10),
                ["discriminatie"],
                [
                    (
                        S.IN_PROGRESS,
                        15,
                        "De medewerkers van het meldpunt krijgen een training van "
                        "ervaringsdeskundigen.",
                        "",
                    ),
                ],
            ),
        ],
    },
]

# Dialogue moments where priorities came up, for the municipalities that have them.
DIALOGUES = {
    "Utrecht": ("Stadskantoor Utrecht", "Stadsplateau 1\n3521 AZ Utrecht", date(2025, 10, 8)),
    "Zwolle": ("Stadskantoor Zwolle", "Lübeckplein 2\n8017 JZ Zwolle", date(2025, 11, 13)),
    "Tilburg": ("Stadswinkel Tilburg", "Stadhuisplein 128\n5038 TC Tilburg", date(2025, 10, 16)),
    "Leeuwarden": (
        "Stadskantoor Leeuwarden",
        "Oldehoofsterkerkhof 2\n8911 DH Leeuwarden",
        date(2025, 10, 9),
    ),
}

ELECTION_DATE = date(2026, 3, 18)
ELECTION_INTRODUCTION = (
    "Op 18 maart 2026 kiest u een nieuwe gemeenteraad. Wij vroegen de partijen wat zij vinden "
    "van de prioriteiten die mensen met een beperking in hun gemeente hebben opgesteld. Hier "
    "leest u hun antwoorden. Zo weet u wat u van een partij kunt verwachten. En na de "
    "verkiezingen kunt u hen aan hun woorden houden."
)

A, P, D, N = Position.AGREE, Position.PARTLY, Position.DISAGREE, Position.NO_ANSWER
# Per municipality: (party, programme link or "", [(priority key, position, explanation)]).
ELECTION_PARTIES = {
    "Utrecht": [
        (
            "GroenLinks-PvdA",
            "https://utrecht.groenlinks-pvda.nl/verkiezingsprogramma",
            [
                (
                    "panel",
                    A,
                    "Ja. Het panel moet meepraten vóórdat de raad besluit, en de "
                    "leden krijgen een eerlijke vergoeding.",
                ),
                (
                    "werk",
                    A,
                    "De gemeente moet het goede voorbeeld geven. Wij willen 60 banen in 2030.",
                ),
                (
                    "brieven",
                    A,
                    "Eens. Alle brieven in B1, en een telefoonnummer van een echte persoon.",
                ),
                (
                    "pgb",
                    P,
                    "Wij steunen het pgb. Wel willen we goed controleren of het geld "
                    "bij de zorg terechtkomt.",
                ),
            ],
        ),
        (
            "VVD",
            "https://utrecht.vvd.nl/verkiezingsprogramma",
            [
                (
                    "panel",
                    P,
                    "Meepraten is goed, maar de raad blijft beslissen. Een panel "
                    "mag geen extra vergaderlaag worden.",
                ),
                (
                    "werk",
                    A,
                    "Werk is de beste weg naar meedoen. De gemeente moet hier zelf mee beginnen.",
                ),
                ("brieven", A, "Duidelijke brieven schelen iedereen tijd en ergernis."),
                ("pgb", A, "Eigen regie is belangrijk. Het pgb moet blijven."),
            ],
        ),
        (
            "D66",
            "https://d66utrecht.nl/programma",
            [
                ("panel", A, "Ja. Niets over ons zonder ons: dat geldt ook voor de gemeente."),
                (
                    "werk",
                    P,
                    "Eens met het doel. Een vast aantal banen vinden wij minder "
                    "belangrijk dan goede begeleiding.",
                ),
                ("brieven", A, "Eens. Ook de website moet in begrijpelijke taal."),
                ("pgb", A, "Mensen moeten zelf kunnen kiezen wie hen helpt."),
            ],
        ),
        (
            "Buurtpartij Utrecht",
            "",
            [
                (
                    "panel",
                    D,
                    "Wij vinden dat de gemeenteraad zelf moet luisteren naar "
                    "inwoners, in de wijken. Het panel krijgt van ons geen grotere rol.",
                ),
                ("werk", P, "Meer banen is goed, maar niet ten koste van de wijkbudgetten."),
                ("brieven", A, "Helemaal eens. Te veel mensen snappen de brieven niet."),
                ("pgb", P, "Het pgb moet blijven, maar met minder regels voor de budgethouder."),
            ],
        ),
        (
            "Utrecht Vooruit",
            "",
            [
                ("panel", N, ""),
                ("werk", N, ""),
                ("brieven", N, ""),
                ("pgb", N, ""),
            ],
        ),
    ],
    "Zwolle": [
        (
            "ChristenUnie",
            "https://zwolle.christenunie.nl/verkiezingsprogramma",
            [
                (
                    "wonen",
                    A,
                    "Ja. Wij willen 250 woningen met begeleiding erbij, verspreid over de stad.",
                ),
                ("loket", A, "Eén verhaal, één contactpersoon: dat moet de norm blijven."),
                ("stilte", A, "Een kleine moeite met een groot effect. Wij steunen dit."),
                ("parkeren", A, "Wij beloven twintig extra plaatsen in de binnenstad."),
            ],
        ),
        (
            "GroenLinks-PvdA",
            "https://zwolle.groenlinks-pvda.nl",
            [
                ("wonen", A, "Eens. Corporaties moeten hier vaste afspraken over maken."),
                ("loket", A, "Eens. Het werkt al in de hele stad; dat houden we zo."),
                ("stilte", A, "Ja, in de bibliotheek én in het stadskantoor."),
                (
                    "parkeren",
                    P,
                    "Wij willen een autoluwe binnenstad. Extra plaatsen alleen "
                    "voor mensen met een gehandicaptenkaart, aan de rand van het centrum.",
                ),
            ],
        ),
        (
            "VVD",
            "https://zwolle.vvd.nl",
            [
                (
                    "wonen",
                    P,
                    "Meer bouwen is nodig. Wij willen geen vast aantal, maar snellere procedures.",
                ),
                ("loket", A, "Eens. Minder bureaucratie is goed voor iedereen."),
                ("stilte", P, "In het stadskantoor wel. De bibliotheek beslist daar zelf over."),
                ("parkeren", A, "Eens. De binnenstad moet bereikbaar zijn voor iedereen."),
            ],
        ),
        (
            "Zwolle Samen",
            "",
            [
                ("wonen", A, "Ja. Jongeren moeten in hun eigen stad kunnen blijven wonen."),
                (
                    "loket",
                    P,
                    "Houden, ja. Voor jongeren die 18 worden willen wij eerst weten wat het kost.",
                ),
                (
                    "stilte",
                    D,
                    "Wij geven het geld liever uit aan meer medewerkers aan de "
                    "balie, zodat de wachttijd korter wordt.",
                ),
                ("parkeren", A, "Eens."),
            ],
        ),
    ],
    "Groningen": [
        (
            "GroenLinks-PvdA",
            "https://groningen.groenlinks-pvda.nl/programma",
            [
                ("haltes", A, "Eens. Na de vier wijken moeten ook de dorpen aan de beurt komen."),
                (
                    "vervoer",
                    A,
                    "De vervoerder haalt de afspraken niet. Wij willen strengere boetes.",
                ),
                ("logeren", A, "Ja. Een tweede logeerhuis komt in ons programma."),
                ("tolk", A, "Eens. Ook de commissievergaderingen moeten een tolk krijgen."),
            ],
        ),
        (
            "SP",
            "https://groningen.sp.nl",
            [
                ("haltes", A, "Eens. Toegankelijk vervoer is een recht."),
                (
                    "vervoer",
                    A,
                    "Wij willen het doelgroepenvervoer terug in eigen beheer van de gemeente.",
                ),
                ("logeren", A, "Mantelzorgers verdienen rust. Dit moet er snel komen."),
                (
                    "tolk",
                    P,
                    "Eens met de tolk. Ondertiteling kost veel geld; dat willen we "
                    "eerst uitzoeken.",
                ),
            ],
        ),
        (
            "Groninger Buurtpartij",
            "",
            [
                (
                    "haltes",
                    P,
                    "Eerst de haltes die het meest gebruikt worden. Niet alles tegelijk.",
                ),
                ("vervoer", A, "Eens. Te laat komen mag geen gewoonte zijn."),
                (
                    "logeren",
                    D,
                    "Wij willen meer geld voor respijtzorg thuis, in plaats van een tweede gebouw.",
                ),
                ("tolk", A, "Eens."),
            ],
        ),
        (
            "Stad en Dorp Groningen",
            "",
            [
                ("haltes", A, "Eens, en dan ook in de dorpen van de gemeente."),
                ("vervoer", N, ""),
                (
                    "logeren",
                    P,
                    "Goed plan, maar dan wel in het Ommeland en niet alleen in de stad.",
                ),
                ("tolk", N, ""),
            ],
        ),
    ],
}

FOLLOWERS = [
    ("lid@example.org", ["Groningen", "Utrecht"]),
    ("ervaringsdeskundige@example.org", ["Zwolle", "Utrecht", "Tilburg"]),
    ("ambtenaar@example.org", ["Amsterdam"]),
]


def _municipality(title: str | None):
    if not title:
        return None
    return MunicipalityPage.objects.filter(title=title).first()


def _when(value, today: date) -> date:
    """A fixed date, or a number of days before today."""
    if isinstance(value, int):
        return today - timedelta(days=value)
    return value


def _moment(day: date, hour: int = 10) -> datetime.datetime:
    """A moment on that day, never in the future."""
    moment = datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_default_timezone()
    )
    return min(moment, timezone.now())


def load(*, scale: int, stdout) -> None:
    election = _election()
    if not (
        Commitment.objects.filter(is_demo_data=True).exists()
        or Priority.objects.filter(is_demo_data=True).exists()
    ):
        _load_municipalities()
    _load_parties(election)
    _load_followers()
    municipalities = (
        Priority.objects.filter(is_demo_data=True).values("municipality").distinct().count()
    )
    stdout.write(
        f"  commitments: {Priority.objects.count()} priorities and "
        f"{Commitment.objects.count()} commitments in {municipalities} municipalities, "
        f"{Party.objects.filter(election=election).count()} parties with "
        f"{PartyAnswer.objects.filter(party__election=election).count()} answers"
    )


def _election() -> Election:
    election, _created = Election.objects.get_or_create(
        year=2026,
        defaults={
            "date": ELECTION_DATE,
            "title": "Gemeenteraadsverkiezingen 2026",
            "introduction": ELECTION_INTRODUCTION,
        },
    )
    return election


def _load_municipalities() -> None:
    today = timezone.localdate()
    themes = {theme.article: theme for theme in Theme.objects.all()}
    domains = {domain.slug: domain for domain in LifeDomain.objects.all()}
    organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(status=Organisation.Status.APPROVED)
    }
    # Members and experts by experience support priorities; the team, moderators and officials
    # do not (they weigh or answer them).
    endorsers = list(
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .exclude(groups__name__in=[PROJECT_TEAM, MODERATOR, MUNICIPAL_OFFICIAL])
        .order_by("email")
    )
    team = _team()
    counter = 0
    for row in MUNICIPALITIES:
        municipality = _municipality(row["title"])
        if municipality is None:
            continue
        recorder = _recorder(municipality, team)
        dialogue = _dialogue(municipality)
        priorities = {}
        for (
            key,
            title,
            explanation,
            source,
            org_slug,
            articles,
            domain_slugs,
            voice_titles,
            added,
        ) in row["priorities"]:
            organisation = organisations.get(org_slug) if org_slug else None
            if source == ORGANISATION and organisation is None:
                source = EXPERTS
            if source == DIALOGUE and dialogue is None:
                source = EXPERTS
            priority = services.priority_save(
                municipality=municipality,
                user=None,
                is_demo_data=True,
                themes=[themes[a] for a in articles if a in themes],
                life_domains=[domains[s] for s in domain_slugs if s in domains],
                voices=list(
                    Voice.objects.published().filter(
                        municipality=municipality, title__in=voice_titles
                    )
                ),
                title=title,
                explanation=explanation,
                source=source,
                organisation=organisation,
                dialogue=dialogue if source == DIALOGUE else None,
                created_at=_moment(min(added, today), 19),
            )
            counter += 1
            _endorse(priority, endorsers, organisation, count=2 + (counter * 5) % 7, today=today)
            priorities[key] = priority
        for (
            title,
            description,
            made_by,
            party_name,
            term,
            source_title,
            source_path,
            promised_on,
            keys,
            history,
        ) in row["commitments"]:
            promised_on = min(promised_on, today)
            commitment = services.commitment_save(
                municipality=municipality,
                user=recorder,
                is_demo_data=True,
                priorities=[priorities[key] for key in keys if key in priorities],
                title=title,
                description=description,
                made_by=made_by,
                party_name=party_name,
                term=term,
                source_title=source_title,
                source_url=row["website"] + source_path if source_path else "",
                promised_on=promised_on,
                created_at=_moment(promised_on + timedelta(days=3)),
            )
            previous = promised_on
            for status, when, note, evidence_path in history:
                day = min(max(_when(when, today), previous), today)
                services.status_change_record(
                    commitment=commitment,
                    status=status,
                    date=day,
                    note=note,
                    evidence_url=row["website"] + evidence_path if evidence_path else "",
                    user=recorder,
                    is_demo_data=True,
                )
                previous = day
            # Recorded a day or two after each step, as a team would (not all at loading time).
            for change in commitment.history.all():
                commitment.history.filter(pk=change.pk).update(
                    recorded_at=_moment(change.date + timedelta(days=1), 11)
                )


def _team():
    """Who records commitments where the municipality has no official on the platform.

    Commitments and status changes need someone who recorded them (`created_by` and
    `recorded_by` may not be blank), so the demo cannot pass user=None there.
    """
    members = get_user_model().objects.filter(groups__name=PROJECT_TEAM, is_active=True)
    team = members.filter(email="team@example.org").first() or members.order_by("pk").first()
    return team or UserFactory(
        email="team@example.org", display_name="Projectteam VNG", roles=[PROJECT_TEAM]
    )


def _recorder(municipality: MunicipalityPage, team):
    """The municipality's own official when it has one, as in real life; otherwise the team."""
    official = (
        get_user_model()
        .objects.filter(
            municipality_memberships__municipality=municipality,
            groups__name=MUNICIPAL_OFFICIAL,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )
    if official is not None and services.can_record_commitment(official, municipality):
        return official
    return team


def _endorse(priority, endorsers, organisation, *, count: int, today: date) -> None:
    """A few members support the priority, and the organisation that filed it."""
    if endorsers:
        start = priority.pk % len(endorsers)
        chosen = [endorsers[(start + step) % len(endorsers)] for step in range(count)]
        for step, user in enumerate(dict.fromkeys(chosen)):
            Endorsement.objects.get_or_create(
                priority=priority,
                user=user,
                defaults={
                    "created_by": user,
                    "created_at": _moment(
                        min(priority.created_at.date() + timedelta(days=1 + step * 3), today), 9
                    ),
                },
            )
    if organisation is not None:
        Endorsement.objects.get_or_create(
            priority=priority,
            organisation=organisation,
            defaults={
                "created_by": organisation.members.order_by("pk").first(),
                "created_at": priority.created_at,
            },
        )
    services.endorsement_refresh_count(priority.pk)


def _dialogue(municipality: MunicipalityPage):
    """The municipality's past dialogue moment in the agenda: found, or made once."""
    if municipality.title not in DIALOGUES:
        return None
    existing = (
        EventPage.objects.live()
        .filter(kind=EventKind.DIALOGUE, municipalities=municipality, start__lte=timezone.now())
        .order_by("-start")
        .first()
    )
    if existing is not None:
        return existing
    index = EventIndexPage.objects.first()
    if index is None:
        return None
    venue, address, day = DIALOGUES[municipality.title]
    day = min(day, timezone.localdate() - timedelta(days=1))
    slug = f"dialoogmoment-{municipality.slug}-{day:%Y}"
    if EventPage.objects.filter(slug=slug).exists():
        return None  # taken by a page we did not make: leave it alone
    regional = municipality.province_code in dict(PROVINCES)
    event = index.add_child(
        instance=EventPage(
            title=f"Dialoogmoment {municipality.title}: wat vraagt u van de gemeente?",
            slug=slug,
            introduction=(
                "Inwoners met een beperking kijken terug op vier jaar gemeentebeleid. Samen "
                "kiezen zij wat de gemeente de komende jaren als eerste moet doen."
            ),
            kind=EventKind.DIALOGUE,
            start=_moment(day, 14),
            end=_moment(day, 17),
            venue_name=venue,
            venue_address=address,
            scope=EventScope.REGIONAL if regional else EventScope.NATIONAL,
            province=municipality.province_code if regional else "",
            organiser_name=f"Gemeente {municipality.title} en ervaringsdeskundigen uit de stad",
            audience="Inwoners met een beperking, hun naasten, raadsleden en ambtenaren",
            offers_wheelchair=True,
            offers_ngt=True,
            offers_hearing_loop=True,
            offers_quiet_room=True,
            offers_easy_read=True,
            offers_assistance_animals=True,
            report_summary=(
                "Ruim dertig inwoners kozen samen de prioriteiten voor de gemeente. U vindt ze "
                "op de pagina van de gemeente, bij 'Prioriteiten en beloftes'."
            ),
        )
    )
    event.municipalities.set([municipality])
    event.save_revision().publish()
    return event


def _load_parties(election: Election) -> None:
    answered_on = _moment(min(ELECTION_DATE - timedelta(days=20), timezone.localdate()), 16)
    for title, parties in ELECTION_PARTIES.items():
        municipality = _municipality(title)
        if municipality is None:
            continue
        priorities = {
            priority.title: priority
            for priority in Priority.objects.filter(municipality=municipality, is_demo_data=True)
        }
        rows = next((m["priorities"] for m in MUNICIPALITIES if m["title"] == title), [])
        keys = {row[0]: priorities.get(row[1]) for row in rows}
        for name, programme_url, answers in parties:
            party, _created = Party.objects.get_or_create(
                election=election,
                municipality=municipality,
                name=name,
                defaults={"programme_url": programme_url, "is_demo_data": True},
            )
            for key, position, explanation in answers:
                priority = keys.get(key)
                if (
                    priority is None
                    or PartyAnswer.objects.filter(party=party, priority=priority).exists()
                ):
                    continue
                answer = services.party_answer_save(
                    party=party,
                    priority=priority,
                    position=position,
                    explanation=explanation,
                    via_token=True,
                )
                PartyAnswer.objects.filter(pk=answer.pk).update(answered_at=answered_on)


def _load_followers() -> None:
    User = get_user_model()
    for email, titles in FOLLOWERS:
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            continue
        for title in titles:
            municipality = _municipality(title)
            if municipality is not None:
                Follow.objects.get_or_create(user=user, municipality=municipality)
