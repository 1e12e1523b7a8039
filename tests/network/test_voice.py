"""One voice in Dutch: the site says 'u' to everyone, in every app's catalogue."""

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.mo"))
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def test_every_app_has_a_dutch_catalogue():
    apps = {path.parts[len(ROOT.parts)] for path in CATALOGUES}
    assert {"network", "events", "forum", "knowledge", "municipalities"} <= apps


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
