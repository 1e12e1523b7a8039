"""Wires the site together: the only module of `network` that knows the domain apps."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import serving, views

handler400 = "network.views.bad_request"
handler403 = "network.views.permission_denied"
handler404 = "network.views.page_not_found"
handler500 = "network.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("mijn-netwerk/", views.start, name="start"),
    path("profiel/", views.profile, name="profile"),
    path("profiel/verwijderen/", views.profile_delete, name="profile_delete"),
    path("profiel/mijn-gegevens.json", views.profile_export, name="profile_export"),
    path("zoeken/", views.search, name="search"),
    path("overzicht-van-de-site/", views.site_overview, name="site_overview"),
    path("", include("municipalities.urls")),
    path("", include("knowledge.urls")),
    path("", include("events.urls")),
    path("forum/", include("forum.urls")),
    path("", include("voices.urls")),
    path("matchcentrum/", include("matchcentrum.urls")),
    path("inclusiestage/", include("internships.urls")),
    path("", include("news.urls")),
    path("", include("commitments.urls")),
    # Wagtail's own URLs, with its serve view behind a cheaper route lookup (network.serving).
    path(
        "",
        include(
            [
                *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
                re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve"),
            ]
        ),
    ),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
