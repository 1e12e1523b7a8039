"""Reading the route: the steps, one municipality's progress, counts per step, who is stuck."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch
from django.utils import timezone

from .models import MunicipalityPage, RouteStatus, RouteStep, RouteStepLink, RouteStepState
from .services import map_cache_version

# After this long on one step the project team offers help.
STUCK_AFTER = datetime.timedelta(days=365)


def route_steps() -> list[RouteStep]:
    """All steps in order, with their links (two queries)."""
    return list(
        RouteStep.objects.prefetch_related(
            Prefetch("links", queryset=RouteStepLink.objects.order_by("sort_order", "pk"))
        )
    )


@dataclass
class StepProgress:
    """One step as one municipality stands on it."""

    step: RouteStep
    number: int
    state: RouteStepState | None = None

    @property
    def status(self) -> str:
        return self.state.status if self.state else RouteStatus.NOT_STARTED

    @property
    def status_label(self) -> str:
        return RouteStatus(self.status).label

    @property
    def is_done(self) -> bool:
        return self.status == RouteStatus.DONE


@dataclass
class MunicipalityRoute:
    """A municipality's progress: every step with its state, and 'n of m steps done'."""

    steps: list[StepProgress] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for item in self.steps if item.is_done)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def current(self) -> StepProgress | None:
        """The first step that is not done: where the municipality is now."""
        return next((item for item in self.steps if not item.is_done), None)

    @property
    def started(self) -> bool:
        return any(item.state for item in self.steps)


def municipality_route(municipality: MunicipalityPage, steps: list[RouteStep]) -> MunicipalityRoute:
    """The municipality's state on each step (one query, with the entry behind each state)."""
    states = {
        state.step_id: state
        for state in RouteStepState.objects.filter(municipality=municipality).select_related(
            "entry", "entry__evidence_document"
        )
    }
    return MunicipalityRoute(
        steps=[
            StepProgress(step=step, number=number, state=states.get(step.pk))
            for number, step in enumerate(steps, start=1)
        ]
    )


def _states_by_municipality() -> dict[int, dict[int, tuple[str, datetime.date]]]:
    by_municipality: dict[int, dict[int, tuple[str, datetime.date]]] = defaultdict(dict)
    rows = RouteStepState.objects.filter(
        municipality__live=True, municipality__retired_on__isnull=True
    ).values_list("municipality_id", "step_id", "status", "date")
    for municipality_id, step_id, status, date in rows:
        by_municipality[municipality_id][step_id] = (status, date)
    return by_municipality


def _current_step(step_ids: list[int], states: dict[int, tuple[str, datetime.date]]):
    """The first step not done, and since when the municipality has been on it (or None)."""
    since = None
    for step_id in step_ids:
        status, date = states.get(step_id, (RouteStatus.NOT_STARTED, None))
        if status != RouteStatus.DONE:
            return step_id, date or since
        since = date if since is None else max(since, date)
    return None, since


def step_counts(steps: list[RouteStep]) -> dict[int, dict[str, int]]:
    """Per step: how many municipalities are on it now ('here') and how many finished it."""
    counts = {step.pk: {"here": 0, "done": 0} for step in steps}
    step_ids = [step.pk for step in steps]
    for states in _states_by_municipality().values():
        for step_id, (status, _date) in states.items():
            if status == RouteStatus.DONE and step_id in counts:
                counts[step_id]["done"] += 1
        current, _since = _current_step(step_ids, states)
        if current is not None:
            counts[current]["here"] += 1
    return counts


@dataclass
class StuckMunicipality:
    municipality: MunicipalityPage
    step: RouteStep
    since: datetime.date

    @property
    def months(self) -> int:
        today = timezone.localdate()
        return (today.year - self.since.year) * 12 + today.month - self.since.month


def route_step_ids() -> list[int]:
    """The steps' ids in route order.

    The team's header counts the stuck municipalities on every page; the steps change only in
    the admin, and every step change bumps the version in the key (signals.py).
    """
    key = f"municipalities:route-step-ids:{map_cache_version()}"
    step_ids = cache.get(key)
    if step_ids is None:
        step_ids = list(RouteStep.objects.values_list("pk", flat=True))
        cache.set(key, step_ids, 60 * 60)
    return step_ids


def stuck_municipalities(today: datetime.date | None = None) -> list[StuckMunicipality]:
    """Municipalities on the route that have been on the same step for more than 12 months,
    longest first (one query, and two more when any are stuck)."""
    today = today or timezone.localdate()
    step_ids = route_step_ids()
    found: list[tuple[int, int, datetime.date]] = []
    for municipality_id, states in _states_by_municipality().items():
        current, since = _current_step(step_ids, states)
        if current is not None and since is not None and since <= today - STUCK_AFTER:
            found.append((municipality_id, current, since))
    if not found:
        return []
    pages = MunicipalityPage.objects.in_bulk([item[0] for item in found])
    by_pk = RouteStep.objects.in_bulk([item[1] for item in found])
    result = [
        StuckMunicipality(municipality=pages[mid], step=by_pk[sid], since=since)
        for mid, sid, since in found
        if mid in pages
    ]
    return sorted(result, key=lambda item: (item.since, item.municipality.title))


def stuck_count(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    step_ids = route_step_ids()
    count = 0
    for states in _states_by_municipality().values():
        current, since = _current_step(step_ids, states)
        if current is not None and since is not None and since <= today - STUCK_AFTER:
            count += 1
    return count
