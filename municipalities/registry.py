"""The places on a municipality's profile where apps above `municipalities` add sections."""

from network.registry import section_registry

profile_sections = section_registry("municipality_profile")
"""Sections at the end of a municipality's profile (context: `page` = the MunicipalityPage)."""
