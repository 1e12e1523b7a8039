"""A voice's page shows practices on the same themes, through the place the library fills."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from taxonomy.models import Theme
from voices.factories import VoiceFactory


@pytest.mark.django_db
def test_voice_page_lists_live_practices_on_its_themes(client, home_page):
    housing, work = Theme.objects.get(article=19), Theme.objects.get(article=27)
    library = PracticeIndexPageFactory(parent=home_page)
    PracticePageFactory(parent=library, title="Wonen met begeleiding in Zwolle", themes=[housing])
    PracticePageFactory(parent=library, title="Banenafspraak bij de gemeente", themes=[work])
    PracticePageFactory(parent=library, title="Concept over wonen", themes=[housing], live=False)
    voice = VoiceFactory(title="Een eigen huis", themes=[housing])
    response = client.get(voice.get_absolute_url())
    assertContains(response, "Praktijkvoorbeelden over deze thema’s")
    assertContains(response, "Wonen met begeleiding in Zwolle")
    assertNotContains(response, "Banenafspraak bij de gemeente")
    assertNotContains(response, "Concept over wonen")


@pytest.mark.django_db
def test_voice_without_themes_shows_no_practices(client):
    voice = VoiceFactory(title="Zonder thema")
    assertNotContains(client.get(voice.get_absolute_url()), "Praktijkvoorbeelden")
