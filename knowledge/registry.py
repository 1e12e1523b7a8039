"""The places on a practice page where apps above `knowledge` add sections."""

from network.registry import section_registry

practice_sections = section_registry("practice")
"""Sections after a practice's details (context: `page` = the PracticePage and
`municipality_list`, its live municipalities)."""
