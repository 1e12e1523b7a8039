"""The team enters voices on someone's behalf in the admin; the demo data is as the issue asks."""

import io

import pytest
from django.utils import timezone

from voices import demo
from voices.factories import VoiceFactory
from voices.models import Organisation, Voice


@pytest.mark.django_db
def test_team_enters_a_voice_on_behalf_and_who_entered_it_is_recorded(client, team_member):
    client.force_login(team_member)
    assert client.get("/admin/snippets/voices/voice/add/").status_code == 200
    response = client.post(
        "/admin/snippets/voices/voice/add/",
        {
            "title": "Per telefoon ontvangen",
            "body_markdown": "Ik heb geen computer. Ik wil dat de gemeente mij belt.",
            "easy_read_markdown": "",
            "date": timezone.localdate().isoformat(),
            "name": "Gerrit Jansen",
            "display": "first",
            "image_alt": "",
            "transcript": "",
            "tags": "2MiljoenStemmen",
            "consent_publish": "on",
            "contact_details": "",
            "consent_method": "phone",
            "consent_given_by": "Gerrit Jansen zelf, aan de telefoon",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    voice = Voice.objects.get(title="Per telefoon ontvangen")
    assert voice.entered_by == team_member
    assert voice.author is None
    assert voice.consent_method == "phone"
    assert [tag.name for tag in voice.tags.all()] == ["2MiljoenStemmen"]
    assert "<p>Ik heb geen computer." in voice.body_html


@pytest.mark.django_db
def test_members_and_moderators_cannot_enter_voices_in_the_admin(client, member, moderator):
    VoiceFactory(title="Bestaande stem")
    client.force_login(member)
    assert client.get("/admin/snippets/voices/voice/add/").status_code in (302, 403)
    client.force_login(moderator)
    assert client.get("/admin/snippets/voices/voice/add/").status_code in (302, 403)


@pytest.mark.django_db
def test_demo_data_is_realistic_and_idempotent():
    demo.load(scale=1, stdout=io.StringIO())
    demo.load(scale=1, stdout=io.StringIO())
    published = Voice.objects.published()
    assert published.count() >= 30
    assert Voice.objects.count() == len(demo.VOICES)
    assert published.exclude(easy_read_markdown="").count() >= 5
    assert Voice.objects.filter(author__isnull=True, entered_by__isnull=False).count() >= 3
    assert published.filter(tags__name="2MiljoenStemmen").count() >= 10
    assert published.filter(display=Voice.Display.ANONYMOUS).count() >= 3
    assert Voice.objects.filter(status=Voice.Status.PENDING).exists()
    assert Organisation.objects.count() == 6
    assert Organisation.objects.filter(status="pending").count() == 1
