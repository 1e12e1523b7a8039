"""Plain share links: no third-party script, no tracking, nothing loaded before a click."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


def share_links(*, title: str, url: str) -> list[dict[str, str]]:
    """The 'Deel dit artikel' links: email, LinkedIn, Mastodon and Bluesky (intent URLs)."""
    text = f"{title} {url}"
    return [
        {
            "key": "email",
            "label": _("Email"),
            "url": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        },
        {
            "key": "linkedin",
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}, quote_via=quote),
        },
        {
            "key": "mastodon",
            "label": "Mastodon",
            "url": "https://mastodon.social/share?" + urlencode({"text": text}, quote_via=quote),
        },
        {
            "key": "bluesky",
            "label": "Bluesky",
            "url": "https://bsky.app/intent/compose?" + urlencode({"text": text}, quote_via=quote),
        },
    ]
