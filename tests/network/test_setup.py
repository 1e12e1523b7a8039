"""Settings and demo data of the foundation."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from network.models import StandardPage, User

ROOT = Path(__file__).resolve().parents[2]


def _check_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "network.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _check_production({"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = _check_production(
        {
            "SECRET_KEY": "x" * 20 + "-a-long-and-random-enough-production-key",
            "ALLOWED_HOSTS": "example.org",
        }
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_demo_data_is_idempotent(capsys, settings):
    settings.DEMO_DATA_PRINT_ACCOUNTS = False
    call_command("load_demo_data", only=["network"])
    counts = (User.objects.count(), StandardPage.objects.count(), Page.objects.count())
    call_command("load_demo_data", only=["network"])
    assert (User.objects.count(), StandardPage.objects.count(), Page.objects.count()) == counts
    assert User.objects.filter(email="admin@example.org", is_superuser=True).exists()
    assert "Iedereen-doet-mee-2026" not in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_accounts_are_printed_in_dev_only(capsys, settings):
    settings.DEMO_DATA_PRINT_ACCOUNTS = True
    call_command("load_demo_data", only=["network"])
    out = capsys.readouterr().out
    assert "team@example.org" in out and "Iedereen-doet-mee-2026" in out


@pytest.mark.django_db
def test_demo_pages_are_served(client):
    call_command("load_demo_data", only=["network"])
    for path in ["/", "/over-het-netwerk/", "/manifest/", "/privacy/", "/toegankelijkheid/"]:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_the_demo_site_answers_at_the_public_address(settings):
    """Links made outside a request (XML sitemap, calendar files) use the site's address."""
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo_data", only=["network"])
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert StandardPage.objects.get(slug="privacy").full_url == "http://127.0.0.1:8000/privacy/"
    settings.WAGTAILADMIN_BASE_URL = "https://iedereendoetmee.example.nl"
    call_command("load_demo_data", only=["network"])
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("iedereendoetmee.example.nl", 443)
