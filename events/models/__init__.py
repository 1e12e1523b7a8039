"""The agenda: events of the network, their speakers and the registrations for them.

Two layers in one app: `registrations.py` (provisions, registrations, speakers) is what the
forms, services and calendar export build on; `pages.py` (the agenda and its events) builds on
those in turn, so its routes can validate, write and render without a circular import.
"""

from .pages import (
    LIST_DEFERRED,
    EventIndexPage,
    EventPage,
    add_months,
    month_grid,
    needs_summary,
)
from .registrations import (
    PROVINCES,
    PROVISION_HELP,
    PROVISION_ICONS,
    PROVISION_SHORT,
    RESERVED_SLUGS,
    EventFormat,
    EventKind,
    EventScope,
    EventSpeaker,
    LiaPresentation,
    Provision,
    Registration,
    new_token,
    settings_needs_retention_days,
    validate_needs,
    with_confirmed_count,
)

__all__ = [
    "LIST_DEFERRED",
    "PROVINCES",
    "PROVISION_HELP",
    "PROVISION_ICONS",
    "PROVISION_SHORT",
    "RESERVED_SLUGS",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventScope",
    "EventSpeaker",
    "LiaPresentation",
    "Provision",
    "Registration",
    "add_months",
    "month_grid",
    "needs_summary",
    "new_token",
    "settings_needs_retention_days",
    "validate_needs",
    "with_confirmed_count",
]
