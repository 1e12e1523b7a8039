"""House style in the templates: symbols that need no font, dates with the month written out."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(ROOT.glob("templates/**/*.html"))
# Geometric shapes, dingbats, emoji: they show as empty boxes without the right font.
SYMBOLS = re.compile("[\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
SHORT_MONTH = re.compile(r"""date:["'][^"']*\bM\b""")


def test_templates_draw_symbols_as_svg_not_characters():
    assert len(TEMPLATES) > 100
    found = [
        (str(path.relative_to(ROOT)), match.group())
        for path in TEMPLATES
        for match in SYMBOLS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_finds_symbols_and_short_months():
    assert SYMBOLS.search("<span>✓</span>") and SYMBOLS.search("●") and SYMBOLS.search("🎧")
    assert not SYMBOLS.search("Volgende maand →")  # arrows are in every font
    assert SHORT_MONTH.search('{{ when|date:"j M Y, H:i" }}')
    assert not SHORT_MONTH.search('{{ when|date:"j F Y" }}')


def test_dates_write_the_month_out():
    """`j M Y` shows "7 Nov 2026" in Dutch too; `j F Y` gives "7 november 2026"."""
    found = [
        str(path.relative_to(ROOT))
        for path in TEMPLATES
        if SHORT_MONTH.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
