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


def _entries(po_path: Path):
    """(msgid, its Dutch texts, fuzzy?) for each entry of a .po file but the header."""
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
        if parts.get("msgid"):
            yield parts["msgid"], [v for k, v in parts.items() if k.startswith("msgstr")], fuzzy


def _untranslated(po_path: Path) -> list[str]:
    """Entries without a Dutch text, or marked fuzzy (then Django ignores them)."""
    return [
        msgid for msgid, texts, fuzzy in _entries(po_path) if fuzzy or not texts or not all(texts)
    ]


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


def _words_we_do_not_use() -> list[str]:
    """The 'not' column of CONTRIBUTING's word table, minus words another row uses."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text[text.index("| English | Dutch | not |") :].splitlines()[2:]
    rows = []
    for line in table:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])

    def words(cell: str) -> set[str]:
        return {re.sub(r"\(.*?\)", "", word).strip() for word in re.split(r"[,/]", cell)} - {""}

    used = {word.lower() for row in rows for word in words(row[1])}
    return sorted({word for row in rows for word in words(row[2]) if word.lower() not in used})


def test_the_interface_uses_one_word_per_thing():
    """The word table in CONTRIBUTING holds: no Dutch interface text uses a word it rules out
    (a word in quotes, such as a name the site refuses, is only mentioned)."""
    avoid = _words_we_do_not_use()
    assert {"evenement", "belofte", "eenvoudige taal", "Registreren"} <= set(avoid)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, avoid)) + r")\b", re.IGNORECASE)
    assert pattern.search("Materiaal in eenvoudige taal")
    assert not pattern.search("Uw toegankelijkheidswensen")
    found = [
        (po_path.parts[-5], text[:80])
        for po_path in sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"))
        for _msgid, texts, _fuzzy in _entries(po_path)
        for text in texts
        if pattern.search(re.sub(r"'[^']*'", "", text))
    ]
    assert found == []
