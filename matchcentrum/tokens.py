"""One-link answers to a proposed match: signed, expiring tokens per side and action."""

from django.core import signing

from .models import Match, Side

RESPONSE_SALT = "matchcentrum.respond"
RESPONSE_MAX_AGE = 60 * 60 * 24 * 60  # a proposal can be answered for 60 days


def response_token(match: Match, side: str, action: str) -> str:
    """A signed, expiring token for one side to accept or decline a match with one link."""
    payload = {"m": match.pk, "s": side, "a": action, "t": match.token_of(side)}
    return signing.dumps(payload, salt=RESPONSE_SALT, compress=True)


def response_token_read(token: str) -> tuple[Match, str, str] | None:
    """The match, side and action of a one-link token; None when forged, expired or revoked."""
    try:
        payload = signing.loads(token, salt=RESPONSE_SALT, max_age=RESPONSE_MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("s") not in Side.values or payload.get("a") not in ("accept", "decline"):
        return None
    match = (
        Match.objects.select_related("request", "asking_municipality", "offering_municipality")
        .filter(pk=payload.get("m"))
        .first()
    )
    if match is None or not signing.constant_time_compare(
        match.token_of(payload["s"]), str(payload.get("t", ""))
    ):
        return None
    return match, payload["s"], payload["a"]
