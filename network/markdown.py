"""Markdown written by members (forum posts, voices): CommonMark without raw HTML, then an allowlist sanitiser."""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Headings inside a post must not compete with the page's own h1/h2 structure.
HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Images would let a post load content from anywhere (tracking pixels); they become links.
    parser.disable("image")

    def heading_open(renderer, tokens, idx, options, env):
        return f"<{HEADING_SHIFT[tokens[idx].tag]}>"

    def heading_close(renderer, tokens, idx, options, env):
        return f"</{HEADING_SHIFT[tokens[idx].tag]}>\n"

    parser.add_render_rule("heading_open", heading_open)
    parser.add_render_rule("heading_close", heading_close)
    return parser


def render_markdown(text: str) -> str:
    """Markdown to safe HTML: links are nofollow ugc and only http, https or mailto."""
    return _cleaner().clean(_parser().render(text or ""))


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        clean_content_tags={"script", "style"},
        strip_comments=True,
        # Relative links would point into our own site with the reader's session; not needed.
        url_relative="deny",
    )
