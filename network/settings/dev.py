"""Local development: debug on, console email, tasks run immediately."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
DEMO_DATA_PRINT_ACCOUNTS = True
# Pages render afresh while you work on them; PAGE_CACHE_ENABLED=1 to try the page cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
# `make run` serves plain HTTP on localhost; browsers allow WebAuthn there.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
