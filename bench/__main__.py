"""Runs the benchmarks on a fresh PostgreSQL database and prints one table.

Each `bench/bench_<area>.py` module defines `run(report: Report) -> None`; it builds the data it
needs (through factories or `load_demo_data --scale`) and adds rows to the report.
"""

import argparse
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="Only these areas, e.g. municipalities events")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.bench")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    # Imported here, not at the top: only after the settings module and sys.path are set.
    import django

    django.setup()
    # Imported here, not at the top: only after the settings module and sys.path are set.
    from django.db import connection
    from django.test.utils import setup_test_environment

    # Imported here, not at the top: only after the settings module and sys.path are set.
    from bench.utils import Report

    setup_test_environment()
    # A database of its own, created fresh, so the figures never depend on leftovers.
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    report = Report()
    started = time.perf_counter()
    try:
        # Imported here, not at the top: only after the settings module and sys.path are set.
        from network.pages import ensure_home_page

        ensure_home_page()
        # The municipalities first: the import is timed into an empty tree, and other areas
        # load the municipalities through the demo data.
        names = sorted(
            (
                m.name
                for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                if m.name.startswith("bench_")
            ),
            key=lambda name: (name != "bench_municipalities", name),
        )
        for name in names:
            area = name.removeprefix("bench_")
            if args.only and area not in args.only:
                continue
            print(f"… {area}", file=sys.stderr, flush=True)
            module = importlib.import_module(f"bench.{name}")
            module.run(report)
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
    report.print()
    print(f"\n(database: {connection.vendor}; total {time.perf_counter() - started:.0f} s)")
    return 0 if report.all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
