"""Officials keep their municipality's contact up to date; the team imports contacts by CSV."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from municipalities.factories import (
    MunicipalityIndexPageFactory,
    MunicipalityMembershipFactory,
    MunicipalityPageFactory,
)
from municipalities.models import MunicipalityPage


@pytest.fixture
def almere(home_page):
    index = MunicipalityIndexPageFactory(parent=home_page)
    return MunicipalityPageFactory(parent=index, title="Almere", cbs_code="GM0034")


def _url(page):
    return reverse("municipalities:contact_edit", args=[page.slug])


def _data(**overrides):
    data = {
        "inclusion_contact_name": "Team inclusie",
        "inclusion_contact_email": "inclusie@almere.example.org",
        "lia_document_url": "https://www.almere.nl/lia",
        "willing_to_be_asked": "on",
    }
    data.update(overrides)
    return data


def test_official_of_the_municipality_saves_the_contact(client, official, almere):
    MunicipalityMembershipFactory(user=official, municipality=almere)
    client.force_login(official)
    assert client.get(_url(almere)).status_code == 200
    response = client.post(_url(almere), _data())
    assert response.status_code == 302
    almere.refresh_from_db()
    assert almere.inclusion_contact_email == "inclusie@almere.example.org"
    assert almere.lia_document_url == "https://www.almere.nl/lia"
    # Saved as a revision, so the admin's history shows it and a later publish keeps it.
    assert almere.latest_revision.user == official
    profile = client.get(reverse("municipalities:profile", args=[almere.slug]))
    assertContains(profile, "inclusie@almere.example.org")


def test_official_uploads_the_lia_document(client, official, almere, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    MunicipalityMembershipFactory(user=official, municipality=almere)
    client.force_login(official)
    upload = SimpleUploadedFile("lia.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(_url(almere), _data(lia_document_url="", lia_document_file=upload))
    assert response.status_code == 302
    almere.refresh_from_db()
    assert almere.lia_document is not None


def test_wrong_file_type_answers_400_and_keeps_the_input(client, official, almere):
    MunicipalityMembershipFactory(user=official, municipality=almere)
    client.force_login(official)
    upload = SimpleUploadedFile("lia.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(_url(almere), _data(lia_document_file=upload))
    assertContains(response, "Upload een PDF-, docx-, odt- of txt-bestand.", status_code=400)
    assertContains(response, "inclusie@almere.example.org", status_code=400)


def test_the_lia_summary_and_its_easy_language_show_on_the_profile(client, official, almere):
    MunicipalityMembershipFactory(user=official, municipality=almere)
    client.force_login(official)
    summary = "Almere werkt aan een stad zonder drempels."
    easy = "Bij elk plan kijken inwoners mee.\nZij zeggen wat beter moet."
    response = client.post(_url(almere), _data(lia_summary=summary, lia_summary_easy_read=easy))
    assert response.status_code == 302
    almere.refresh_from_db()
    assert (almere.lia_summary, almere.lia_summary_easy_read) == (summary, easy)
    profile = reverse("municipalities:profile", args=[almere.slug])
    assertContains(profile_page := client.get(profile), f"<p>{summary}</p>", html=True)
    assertContains(profile_page, "<summary>Lees over de LIA in makkelijke taal</summary>")
    assertContains(profile_page, "Bij elk plan kijken inwoners mee.<br>Zij zeggen wat beter moet.")
    english = client.get("/en" + profile)
    assertContains(english, f'<p lang="nl">{summary}</p>')


def test_a_too_long_lia_summary_answers_400_and_keeps_the_input(client, official, almere):
    MunicipalityMembershipFactory(user=official, municipality=almere)
    client.force_login(official)
    response = client.post(_url(almere), _data(lia_summary="woord " * 300))
    assertContains(response, "1500", status_code=400)
    assertContains(response, "inclusie@almere.example.org", status_code=400)
    almere.refresh_from_db()
    assert almere.lia_summary == ""


@pytest.mark.parametrize("role", ["member", "official", "expert", "moderator"])
def test_others_may_not_change_the_contact(client, almere, role, request):
    # An official of another municipality (no membership here) is refused too.
    client.force_login(request.getfixturevalue(role))
    response = client.post(_url(almere), _data())
    assert response.status_code == 403
    almere.refresh_from_db()
    assert almere.inclusion_contact_email == ""


def test_team_may_change_any_contact(client, team_member, almere):
    client.force_login(team_member)
    assert client.post(_url(almere), _data()).status_code == 302


def test_anonymous_is_sent_to_log_in(client, almere):
    assert client.get(_url(almere)).status_code == 302


CSV = (
    "cbs_code,contact_name,contact_email,open_for_questions,lia_document_url\n"
    "GM0034,Team inclusie,inclusie@almere.example.org,ja,https://www.almere.nl/lia\n"
    "GM9999,Onbekend,iemand@example.org,ja,\n"
    "GM0034,Dubbel,dubbel@example.org,nee,\n"
    ",Leeg,leeg@example.org,,\n"
)


def _import(tmp_path, text, *args):
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_municipality_contacts", str(path), *args, stdout=out)
    return out.getvalue()


def test_csv_dry_run_reports_refused_rows_and_changes_nothing(tmp_path, almere):
    output = _import(tmp_path, CSV, "--dry-run")
    assert "Would update 1 municipalities." in output
    assert "Refused line 3: no municipality has the CBS code GM9999" in output
    assert "Refused line 4: GM0034 appears more than once" in output
    assert "Refused line 5: the column cbs_code is empty" in output
    almere.refresh_from_db()
    assert almere.inclusion_contact_email == ""


def test_csv_import_saves_good_rows(tmp_path, almere):
    output = _import(tmp_path, CSV)
    assert "Updated 1 municipalities." in output
    assert "Refused 3 row(s)." in output
    almere = MunicipalityPage.objects.get(pk=almere.pk)
    assert almere.inclusion_contact_email == "inclusie@almere.example.org"
    assert almere.willing_to_be_asked is True


def test_csv_refuses_bad_email_and_answer(tmp_path, almere):
    text = (
        "cbs_code,contact_email,open_for_questions\n"
        "GM0034,geen-adres,ja\n"
        "gm0034,inclusie@almere.example.org,misschien\n"
    )
    output = _import(tmp_path, text, "--dry-run")
    assert "Refused line 2: 'geen-adres' is not a valid email address" in output
    assert "Refused line 3: open_for_questions must be 'ja' or 'nee', not 'misschien'" in output
