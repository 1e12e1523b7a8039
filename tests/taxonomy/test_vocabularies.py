"""The shared vocabularies: loaded once, idempotent, labelled in the active language."""

import pytest
from django.utils import translation

from taxonomy.models import LifeDomain, TargetGroup, Theme
from taxonomy.vocabularies import LIFE_DOMAINS, TARGET_GROUPS, articles, load_vocabularies


@pytest.mark.django_db
def test_loader_is_idempotent_and_complete():
    load_vocabularies()
    load_vocabularies()
    assert Theme.objects.count() == 50 == len(articles())
    assert LifeDomain.objects.filter(slug__in=[s for s, *_ in LIFE_DOMAINS]).count() == len(
        LIFE_DOMAINS
    )
    assert TargetGroup.objects.filter(slug__in=[s for s, *_ in TARGET_GROUPS]).count() == len(
        TARGET_GROUPS
    )


@pytest.mark.django_db
def test_labels_follow_the_language():
    load_vocabularies()
    theme = Theme.objects.get(article=9)
    assert str(theme) == "art. 9 Toegankelijkheid"
    with translation.override("en"):
        assert str(theme) == "art. 9 Accessibility"
    domain = LifeDomain.objects.get(slug="wonen")
    with translation.override("en"):
        assert domain.label == "Housing"
    assert domain.label == "Wonen"
