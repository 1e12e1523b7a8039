"""Django's database cache, writing an entry in one statement.

Django's `DatabaseCache.set` takes five statements: it counts the whole table before every write
(to cull it when full), then opens a transaction, reads the row, updates or inserts it, and
commits. With the page cache and the fragment caches, a page built for an anonymous visitor
stores one or more entries, so this doubled the queries of a page whose cache had just been
emptied by a write. Here a `set` is one `INSERT ... ON CONFLICT DO UPDATE` (PostgreSQL and
SQLite), and the table is counted at a process's first write and then once every
`CULL_CHECK_EVERY` writes: the table can pass `MAX_ENTRIES` by that many writes per process
before the cull runs, which is what the limit is for (a bound on size, not an exact one).
"""

import base64
import itertools
import pickle
from contextlib import nullcontext
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_CHECK_EVERY = 100
UPSERT_VENDORS = frozenset({"postgresql", "sqlite"})

# Shared by every thread's cache object (Django makes one per thread).
_writes = itertools.count()


class DatabaseCache(DjangoDatabaseCache):
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in UPSERT_VENDORS:
            super().set(key, value, timeout, version)
            return
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        quote = connection.ops.quote_name
        table = quote(self._table)
        with connection.cursor() as cursor:
            if next(_writes) % CULL_CHECK_EVERY == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (a quoted name)
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    self._cull(db, cursor, tz_now().replace(microsecond=0), count)
            try:
                # Inside a transaction a failed write must not break it: a savepoint, as in
                # Django. Outside one the statement is its own transaction.
                with transaction.atomic(using=db) if connection.in_atomic_block else nullcontext():
                    cursor.execute(
                        f"INSERT INTO {table} ({quote('cache_key')}, {quote('value')}, "  # noqa: S608
                        f"{quote('expires')}) VALUES (%s, %s, %s) "
                        f"ON CONFLICT ({quote('cache_key')}) DO UPDATE SET "
                        f"{quote('value')} = EXCLUDED.{quote('value')}, "
                        f"{quote('expires')} = EXCLUDED.{quote('expires')}",
                        [key, encoded, expires],
                    )
            except DatabaseError:
                # As in Django: a cache write may fail (a locked table) without failing the page.
                pass

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        for key, value in data.items():
            self.set(key, value, timeout, version)
        return []
