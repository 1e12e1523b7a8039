"""Markdown rendering and sanitising, and the XSS corpus posted through the real form."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from forum.models import Post
from network.markdown import render_markdown

from .xss_corpus import XSS_PAYLOADS

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6",
}  # fmt: skip
SAFE_SCHEMES = ("http://", "https://", "mailto:")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_safe(html: str) -> None:
    """No tag outside the allowlist, no handler or style, only http(s)/mailto links."""
    parser = _Collector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, f"<{tag}> survived in {html!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name} handler survived in {html!r}"
            assert name in {"href", "title", "rel", "start"}, f"{name} survived in {html!r}"
            if name == "href":
                assert value.strip().lower().startswith(SAFE_SCHEMES), f"unsafe href {value!r}"
    assert "<script" not in html.lower()


def test_markdown_basics_render():
    html = render_markdown("# Kop\n\n**vet** en *schuin*\n\n- een\n- twee\n\n> citaat")
    assert "<h3>Kop</h3>" in html
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<li>een</li>" in html
    assert "<blockquote>" in html


def test_links_get_nofollow_ugc():
    html = render_markdown("[VNG](https://vng.nl) en <https://example.org>")
    assert html.count('rel="nofollow ugc') == 2
    assert 'href="https://vng.nl"' in html


def test_mailto_allowed_but_relative_and_unknown_schemes_dropped():
    html = render_markdown("[mail](mailto:a@example.org) [rel](/admin/) [ftp](ftp://x.org/f)")
    assert 'href="mailto:a@example.org"' in html
    assert "/admin/" not in html
    assert "ftp://" not in html


def test_raw_html_is_shown_as_text():
    html = render_markdown("<b>vet</b>")
    assert "<b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html


def test_images_do_not_load():
    html = render_markdown("![logo](https://example.org/logo.png)")
    assert "<img" not in html
    assert 'href="https://example.org/logo.png"' in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_sanitised_by_renderer(payload):
    assert_safe(render_markdown(payload))


def test_corpus_is_big_enough():
    assert len(XSS_PAYLOADS) >= 50


@pytest.mark.django_db
def test_xss_corpus_through_the_reply_form(client, topic, trusted):
    client.force_login(trusted)
    url = reverse("forum:reply", kwargs={"pk": topic.pk})
    for payload in XSS_PAYLOADS:
        response = client.post(url, {"body_markdown": payload})
        assert response.status_code == 302, payload
        post = Post.objects.filter(author=trusted).latest("pk")
        assert post.body_markdown == payload
        assert post.status == Post.Status.VISIBLE
        assert_safe(post.body_html)
    # and the topic page shows them without any live markup
    page = client.get(reverse("forum:topic", kwargs={"pk": topic.pk}) + "?page=2")
    assert page.status_code == 200
    body = page.content.decode()
    main = body[body.index('<main id="main-content"') : body.index("</main>")]
    assert "<script" not in main.lower()
    assert " onerror=" not in main.lower()
