"""The places on an event page where apps above `events` add sections."""

from network.registry import section_registry

event_sections = section_registry("event")
"""Sections after an event's practical information (context: `page` = the EventPage), for
example the priorities that came out of a dialogue moment."""
