"""One voice in Dutch: the site says 'u' to everyone, in every app's catalogue."""

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each app's catalogue, and the project's overrides of third-party texts (allauth) in locale/.
CATALOGUES = sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.mo")) + [
    ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.mo"
]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def test_every_app_has_a_dutch_catalogue():
    apps = {path.parts[len(ROOT.parts)] for path in CATALOGUES}
    assert {"network", "events", "forum", "knowledge", "municipalities", "commitments"} <= apps


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-4])
def test_dutch_translations_say_u(catalogue):
    with catalogue.open("rb") as file:
        messages = gettext.GNUTranslations(file)._catalog  # noqa: SLF001 - the parsed .mo
    informal = [
        text for text in messages.values() if isinstance(text, str) and INFORMAL.search(text)
    ]
    assert informal == []


def test_the_check_finds_informal_dutch():
    assert INFORMAL.search("Bevestig je aanmelding")
    assert not INFORMAL.search("Bevestig uw aanmelding; jeugdzorg en Jetten blijven")


def test_the_login_word_is_inloggen_and_allauth_says_u(client, db):
    """allauth's own Dutch says 'je' and 'Aanmelden'; the project's overrides win."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("nl"):
        assert gettext("Sign In") == "Inloggen"
        assert gettext("Sign Out") == "Uitloggen"
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Inloggen" in text
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", text))
