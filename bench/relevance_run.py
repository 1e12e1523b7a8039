"""Evaluate the practice search on a fresh database of its own and print the figures as JSON.

`python -m bench.relevance_run sqlite` uses a temporary SQLite file; `postgresql` a new
database beside the one in DATABASE_URL (dropped afterwards).
"""

import json
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    vendor = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
    if vendor == "sqlite":
        folder = tempfile.mkdtemp(prefix="idm-relevance-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/relevance.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.bench")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    # Django is ready only now, so the project's modules are imported here.
    from django.core.management import call_command
    from django.db import connection

    from bench.relevance import evaluate, load_demo
    from network.demo import ensure_home_page

    created = None
    if vendor == "sqlite":
        call_command("migrate", verbosity=0)
    else:
        connection.settings_dict.setdefault("TEST", {})
        connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_rel"
        created = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        ensure_home_page()
        load_demo()
        figures = evaluate()
    finally:
        if created is not None:
            connection.creation.destroy_test_db(created, verbosity=0)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
