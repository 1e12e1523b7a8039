"""The live server the browser tests drive: test settings on its own SQLite file, with rate limits."""

from .test import *  # noqa: F403

DEBUG = False
ACCOUNT_RATE_LIMITS = {"login_failed": "50/5m/ip"}
# The live server speaks plain HTTP on localhost; browsers allow WebAuthn there.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
