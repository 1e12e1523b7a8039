"""Benchmarks: production-like (no debug), on the DATABASE_URL that `make bench` starts."""

from .test import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
