"""Municipality profiles and their Local Inclusion Agenda (LIA) status history.

Two layers in one app: `records.py` (LIA status history, memberships, the route, stakeholders)
is what the forms, services and overview build on; `pages.py` (the overview and the profile)
builds on those in turn, so a profile can validate, record and render a status without a
circular import.
"""

from .pages import MunicipalityIndexPage, MunicipalityPage
from .records import (
    MANIFEST_LAPSED_ON,
    LiaStatus,
    LiaStatusChange,
    MunicipalityMembership,
    RouteProgressEntry,
    RouteStatus,
    RouteStep,
    RouteStepLink,
    RouteStepState,
    SizeClass,
    Stakeholder,
    StakeholderKind,
    municipality_model,
)

__all__ = [
    "MANIFEST_LAPSED_ON",
    "LiaStatus",
    "LiaStatusChange",
    "MunicipalityIndexPage",
    "MunicipalityMembership",
    "MunicipalityPage",
    "RouteProgressEntry",
    "RouteStatus",
    "RouteStep",
    "RouteStepLink",
    "RouteStepState",
    "SizeClass",
    "Stakeholder",
    "StakeholderKind",
    "municipality_model",
]
