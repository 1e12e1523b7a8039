"""What the agenda shows on pages of the apps below it (registered in `ready`)."""

from municipalities.registry import profile_sections
from network.privacy import register_data_exporter
from network.registry import home_sections

from .privacy import export_registrations

home_sections.register("events", "events/includes/home_section.html", order=10)
profile_sections.register("events", "events/includes/municipality_section.html", order=20)
register_data_exporter("events", export_registrations)
