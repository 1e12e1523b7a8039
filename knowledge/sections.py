"""What the practice library shows on pages of the apps below it (registered in `ready`)."""

from municipalities.registry import profile_sections
from network.registry import home_sections, voice_sections

from .models import PracticePage

home_sections.register("knowledge", "knowledge/includes/home_section.html", order=20)
profile_sections.register(
    "knowledge",
    "knowledge/includes/municipality_section.html",
    order=10,
    cached_on=("knowledge",),
)


def voice_context(*, request=None, themes=(), **kwargs) -> dict | None:
    """Practices on the same CRPD themes as a voice (the voices app renders this place)."""
    if not themes:
        return None
    practices = list(
        PracticePage.objects.live()
        .public()
        .filter(themes__in=list(themes))
        .distinct()
        .only("id", "title", "title_en", "url_path", "depth", "path")
        .order_by("-first_published_at")[:3]
    )
    return {"related_practices": practices} if practices else None


voice_sections.register(
    "knowledge", "knowledge/includes/voice_section.html", order=10, context=voice_context
)
