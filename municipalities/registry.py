"""The places on a municipality's profile where apps above `municipalities` add sections."""

from network.registry import section_registry

profile_sections = section_registry("municipality_profile")
"""Sections at the end of a municipality's profile (context: `page` = the MunicipalityPage)."""

route_step_sections = section_registry("route_step")
"""Sections under each step of the route page `/route/` (context: `step` = the RouteStep), for
example practices from the library that help with that step."""
