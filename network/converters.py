"""URL converters shared by the apps; registered once in NetworkConfig.ready()."""


class TokenConverter:
    """A random link token (secrets.token_urlsafe): anything else is a 404 before any query."""

    regex = r"[A-Za-z0-9_-]{20,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
