"""Gunicorn settings for production; gunicorn reads this file from the working directory.

    DJANGO_SETTINGS_MODULE=network.settings.production gunicorn

Environment: GUNICORN_BIND (default 127.0.0.1:8000, behind a reverse proxy that speaks TLS),
WEB_CONCURRENCY (worker processes, default two per core plus one), GUNICORN_TIMEOUT (seconds),
GUNICORN_ACCESS_LOG ("-" for standard output, empty for none), FORWARDED_ALLOW_IPS (the proxy).
Database connections live on in each worker for CONN_MAX_AGE seconds (network.settings).
"""

import multiprocessing
import os

wsgi_app = "network.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: every request is short (pages come from the shared cache or render in tens of
# milliseconds); slow clients are buffered by the reverse proxy.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Replace workers now and then, so a slow leak never grows; jitter keeps them from all
# restarting at once.
max_requests = 5000
max_requests_jitter = 500
# Load the site once before forking: workers start fast and share memory.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
