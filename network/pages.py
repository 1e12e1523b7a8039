"""The site's page tree: the home page every other page hangs under."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from .models import HomePage, NetworkSettings


def ensure_home_page() -> HomePage:
    """The home page under Wagtail's root, and the default site pointing at it; created when missing.

    The import of municipalities and the demo data build on it, so it is not demo code.
    """
    home = HomePage.objects.first()
    if home is None:
        # A transactional test empties every table, Wagtail's root page and locale included.
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        if Page.get_first_root_node() is None:
            Page.add_root(
                instance=Page(
                    title="Root",
                    slug="root",
                    content_type=ContentType.objects.get_for_model(Page),
                )
            )
        root = Page.get_first_root_node()
        # The page Wagtail's initial migration creates is replaced by ours.
        for default in Page.objects.filter(depth=2, content_type__model="page"):
            default.delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title="Iedereen doet mee!",
                slug="home",
                introduction=(
                    "Het netwerk van gemeenten die het VN-verdrag Handicap in de praktijk brengen: "
                    "samen met ervaringsdeskundigen, met een Lokale Inclusie Agenda."
                ),
                body=[
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Vind voorbeelden uit andere gemeenten, kom naar een bijeenkomst, "
                            "stel uw vraag op het forum of vraag het projectteam om een match met "
                            "een gemeente die u verder kan helpen.</p>"
                        ),
                    }
                ],
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Iedereen doet mee!"
        site.save()
    # The footer's settings exist from the start, so no visitor's request has to create them.
    NetworkSettings.for_site(site)
    return home
