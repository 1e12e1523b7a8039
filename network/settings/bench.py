"""Benchmarks: production-like (no debug), on the DATABASE_URL that `make bench` starts."""

from .test import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The in-process benches time what a page costs to build, with its queries; a page answered
# from the page cache would show 0 queries. The HTTP bench (bench/http_load.py) measures the
# page cache, with production settings.
PAGE_CACHE_ENABLED = False
