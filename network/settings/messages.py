"""Settings for `scripts/messages.sh`: makemessages writes every app's strings to the first
entry of LOCALE_PATHS when there is one, which would fill the project's override catalogue
(locale/) with the app's strings. Without it, each app's strings go to its own locale/."""

from .test import *  # noqa: F403

LOCALE_PATHS = []
