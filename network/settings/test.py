"""Tests: fast hashing, in-memory email, immediate tasks; DATABASE_URL picks SQLite or PostgreSQL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/tmp/idm-test-media"))  # noqa: S108
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
ACCOUNT_RATE_LIMITS = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the apps directly: no collectstatic needed for tests or the e2e server.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test process its own memory cache, emptied before every test (tests/conftest.py): no
# cache queries in the query counts. The shared cache is proven in tests/network/test_cache_shared.py.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests log people in with force_login; tests of two-factor turn this on themselves.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = False
# The cache outlives a test, so limits are off; tests of rate limits set their own.
RATE_LIMITS = {}
