"""Under /en/, Dutch text on the demo site is always inside an element marked lang="nl".

WCAG 3.1.2 (language of parts): a screen reader reads text in the language the page says.
The check looks, outside `[lang=nl]`, for Dutch words that do not occur in English or in
the names of places, people and organisations; a whole sentence of Dutch always has some.
"""

import re

import pytest

DUTCH_WORDS = (
    "een|het|niet|zijn|worden|wordt|ook|maar|naar|wij|voor|met|deze|kunnen|heeft|hebben|uw|"
    "wat|hoe|onze|gemeenten|ervaringsdeskundigen"
)

UNMARKED_DUTCH = """(words) => {
    const pattern = new RegExp(`(^|[^\\\\p{L}])(${words})(?=$|[^\\\\p{L}])`, "u");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, template, [hidden]")) continue;
        const marked = parent.closest("[lang]");
        if (marked && marked.getAttribute("lang").startsWith("nl")) continue;
        const text = node.textContent.replace(/\\s+/g, " ").trim();
        if (pattern.test(text)) found.push(text.slice(0, 120));
    }
    return found;
}"""

SECTIONS = [
    "/en/",
    "/en/over-het-netwerk/",
    "/en/manifest/",
    "/en/toegankelijkheid/",
    "/en/privacy/",
    "/en/overzicht-van-de-site/",
    "/en/gemeenten/amsterdam/",
    "/en/gemeenten/amsterdam/route/",
    "/en/gemeenten/amsterdam/prioriteiten/",
    "/en/gemeenten/amsterdam/toezeggingen/",
    "/en/toezeggingen/",
    "/en/route/",
    "/en/agenda/",
    "/en/kennisbank/",
    "/en/nieuws/",
    "/en/campagnes/",
    "/en/stemmen/",
    "/en/organisaties/",
    "/en/inclusiestage/",
    "/en/forum/",
]
# From these lists, the first item's own page is checked too.
DETAIL = {
    "/en/gemeenten/amsterdam/toezeggingen/": r"^/en/gemeenten/amsterdam/toezeggingen/\d+/$",
    "/en/agenda/": r"^/en/agenda/[^/?]+/$",
    "/en/kennisbank/": r"^/en/kennisbank/[^/?]+/$",
    "/en/nieuws/": r"^/en/nieuws/[^/?]+/$",
    "/en/campagnes/": r"^/en/campagnes/[^/?]+/$",
    "/en/stemmen/": r"^/en/stemmen/\d+/$",
    "/en/organisaties/": r"^/en/organisaties/[^/?]+/$",
    "/en/inclusiestage/": r"^/en/inclusiestage/\d+/$",
    "/en/forum/": r"^/en/forum/categorie/[^/?]+/$",
}


def _unmarked(page) -> list[str]:
    return page.evaluate(UNMARKED_DUTCH, DUTCH_WORDS)


def test_the_check_finds_unmarked_dutch(page):
    page.goto("/en/")
    page.evaluate(
        """() => { const p = document.createElement("p");
        p.textContent = "Wij zoeken een ervaringsdeskundige."; document.body.append(p);
        const q = document.createElement("p"); q.lang = "nl";
        q.textContent = "Dit is goed gemarkeerd."; document.body.append(q); }"""
    )
    assert _unmarked(page) == ["Wij zoeken een ervaringsdeskundige."]


@pytest.mark.parametrize("path", SECTIONS)
def test_dutch_is_marked_on_english_pages(page, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "en"
    found = {path: _unmarked(page)}
    if path in DETAIL:
        hrefs = page.locator("main a[href]").evaluate_all("links => links.map(a => a.pathname)")
        detail = next(href for href in hrefs if re.match(DETAIL[path], href))
        page.goto(detail)
        found[detail] = _unmarked(page)
        if path == "/en/agenda/":
            page.goto(detail + "aanmelden/")
            found[detail + "aanmelden/"] = _unmarked(page)
    assert {url: texts for url, texts in found.items() if texts} == {}
