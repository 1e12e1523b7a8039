"""What the practice library shows on pages of the apps below it (registered in `ready`)."""

from municipalities.registry import profile_sections
from network.registry import home_sections

home_sections.register("knowledge", "knowledge/includes/home_section.html", order=20)
profile_sections.register("knowledge", "knowledge/includes/municipality_section.html", order=10)
