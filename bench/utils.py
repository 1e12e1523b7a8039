"""Helpers for benchmarks: time requests through the test client and count their queries."""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Row:
    area: str
    measure: str
    value: str
    target: str = ""
    ok: bool | None = None


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(
        self, area: str, measure: str, value: str, target: str = "", ok: bool | None = None
    ) -> None:
        self.rows.append(Row(area, measure, value, target, ok))
        print(
            f"  {area}: {measure} = {value} {('(target ' + target + ')') if target else ''}",
            flush=True,
        )

    @property
    def all_ok(self) -> bool:
        return all(row.ok is not False for row in self.rows)

    def print(self) -> None:
        headers = ("area", "measure", "value", "target", "ok")
        table = [
            (
                r.area,
                r.measure,
                r.value,
                r.target,
                "" if r.ok is None else ("yes" if r.ok else "NO"),
            )
            for r in self.rows
        ]
        widths = [max(len(str(x)) for x in col) for col in zip(headers, *table, strict=False)]
        line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
        print()
        print(line)
        print("-+-".join("-" * w for w in widths))
        for row in table:
            print(" | ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


@dataclass
class Timing:
    times_ms: list[float]
    queries: int
    status: int

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_get(
    url: str, *, repeat: int = 20, warmup: int = 2, client: Client | None = None
) -> Timing:
    """GET a URL repeatedly; server time per request in ms, and the queries of the last one."""
    client = client or Client()
    for _ in range(warmup):
        client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return Timing(times, len(queries), response.status_code)


def time_call(func, *, repeat: int = 20) -> Timing:
    """Call a function repeatedly; time per call in ms, and the queries of the last call."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        func()
    return Timing(times, len(queries), 200)
