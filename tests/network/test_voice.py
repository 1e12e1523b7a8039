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


TEMPLATES = sorted(ROOT.glob("templates/**/*.html")) + sorted(ROOT.glob("templates/**/*.txt"))
MARKUP = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]+>", re.DOTALL)


def test_templates_say_u_in_running_text():
    """Interface text lives in the catalogues; text written straight into a template says 'u' too."""
    assert len(TEMPLATES) > 100
    informal = [
        (path.relative_to(ROOT), match.group())
        for path in TEMPLATES
        for match in INFORMAL.finditer(MARKUP.sub(" ", path.read_text(encoding="utf-8")))
    ]
    assert informal == []


def _demo_texts():
    """Every string in the apps' demo modules and demo data files."""
    import ast
    import json

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for path in sorted(ROOT.glob("*/demo.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path.relative_to(ROOT), node.value
    for path in sorted(ROOT.glob("*/data/*.json")):
        for text in strings(json.loads(path.read_text(encoding="utf-8"))):
            yield path.relative_to(ROOT), text


def test_demo_content_says_u():
    texts = list(_demo_texts())
    assert len({str(path) for path, _text in texts}) >= 8  # every app's demo is read
    informal = [(path, text[:80]) for path, text in texts if INFORMAL.search(text)]
    assert informal == []


def _untranslated(po_path: Path) -> list[str]:
    """Entries of a .po file without a Dutch text, or marked fuzzy (then Django ignores them)."""
    missing = []
    for entry in po_path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        parts: dict[str, str] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith(("msgid ", "msgid_plural ", "msgstr")):
                key, _space, rest = line.partition(" ")
                parts[key] = rest.strip().strip('"')
            elif key and line.startswith('"'):
                parts[key] += line.strip().strip('"')
        msgid = parts.get("msgid", "")
        if not msgid:
            continue  # the header
        texts = [value for name, value in parts.items() if name.startswith("msgstr")]
        if fuzzy or not texts or not all(texts):
            missing.append(msgid)
    return missing


@pytest.mark.parametrize(
    "po_path",
    sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"))
    + [ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"],
    ids=lambda path: path.parts[-4],
)
def test_every_interface_text_has_its_dutch(po_path):
    assert _untranslated(po_path) == []


def test_the_check_finds_a_missing_or_fuzzy_translation(tmp_path):
    po_path = tmp_path / "django.po"
    po_path.write_text(
        'msgid ""\nmsgstr ""\n"Language: nl\\n"\n\n'
        'msgid "Done"\nmsgstr "Klaar"\n\n'
        'msgid "Open"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Closed"\nmsgstr "Dicht"\n\n'
        'msgid "one step"\nmsgid_plural "%(n)s steps"\nmsgstr[0] "een stap"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    assert _untranslated(po_path) == ["Open", "Closed", "one step"]
